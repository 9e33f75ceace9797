import BalcaoCore
import Foundation

/// What the portal's request pages show.
enum PortalRequestView {
    struct Row: Encodable {
        let number: Int
        let subject: String
        let status: String
        let statusLabel: String
        let department: String
        let updated: String
        let updatedISO: String
        let url: String
    }

    struct ListContext: Encodable {
        let layout: PortalLayout
        let scope: String
        let showsOrganization: Bool
        let rows: [Row]
        let nextURL: String?
    }

    struct DepartmentLink: Encodable {
        let name: String
        let url: String
    }

    struct ChooseContext: Encodable {
        let layout: PortalLayout
        let departments: [DepartmentLink]
    }

    /// The suggestions under the subject, when the form opens with one (`?subject=` from a search): the same
    /// fragment portal.js fetches, so the page helps without JavaScript too.
    struct Suggestions: Encodable {
        let t: [String: String]
        let base: String
        let results: [PortalHelpView.ResultView]
    }

    struct FormContext: Encodable {
        let layout: PortalLayout
        let departmentName: String
        let action: String
        let fields: [TicketPageContext.CustomFieldView]
        let subject: String
        let body: String
        let error: String?
        let maxAttachmentMB: Int
        let suggestions: Suggestions
    }

    struct RatingView: Encodable {
        let score: String
        let comment: String
    }

    struct RequestContext: Encodable {
        let layout: PortalLayout
        let number: Int
        let subject: String
        let status: String
        let statusLabel: String
        let department: String
        let created: String
        let createdISO: String
        let url: String
        let isMine: Bool
        let messages: [TicketPageContext.MessageView]
        let canReply: Bool
        let canMarkSolved: Bool
        let canReopen: Bool
        let canRate: Bool
        let rating: RatingView?
        let reopenDays: Int
        let error: String?
        let composerText: String
        let maxAttachmentMB: Int
    }
}
