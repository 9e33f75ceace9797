import BalcaoCore
import Foundation

/// Everything the ticket page prints, ready to print: no template decides anything.
struct TicketPageContext: Encodable {
    typealias Option = SelectOption

    struct AttachmentView: Encodable {
        let name: String
        let url: String
        let size: String
    }

    struct MessageView: Encodable {
        let id: String
        let kind: String
        let isNote: Bool
        let isSystem: Bool
        let authorName: String
        let authorKind: String
        let when: String
        let whenISO: String
        let html: String
        let attachments: [AttachmentView]
    }

    struct CustomFieldView: Encodable {
        let name: String
        let label: String
        let kind: String
        let value: String
        let isChecked: Bool
        let isRequired: Bool
        let options: [Option]
    }

    struct OtherTicket: Encodable {
        let number: Int
        let subject: String
        let status: String
        let statusLabel: String
        let url: String
    }

    struct RequesterCard: Encodable {
        let name: String
        let emails: [String]
        let phone: String?
        let organization: String?
        let kind: String
        /// `customer` or `employee`: which help articles the requester can open (for article links).
        let kindValue: String
        let otherTickets: [OtherTicket]
        /// Addresses that bounced permanently: mail to them is not sent until the date shown.
        var undeliverable: [String] = []
        /// Their incident history, and their organization's.
        var historyURL: String?
        var organizationHistoryURL: String?
    }

    struct HistoryEntry: Encodable {
        let who: String
        let what: String
        let detail: String?
        let when: String
        let whenISO: String
    }

    struct TicketView: Encodable {
        let id: String
        let number: Int
        let subject: String
        let status: String
        let statusLabel: String
        let priority: String
        let priorityLabel: String
        let typeLabel: String
        let channel: String
        let created: String
        let category: String
        let tags: String
        let isClosed: Bool
    }

    struct SLATimerView: Encodable {
        let label: String
        let state: String
        let stateLabel: String
        let due: String?
        let dueISO: String?
    }

    struct SLAPanel: Encodable {
        let policy: String
        let timers: [SLATimerView]
    }

    let layout: LayoutContext
    /// The same texts as `layout.t`, for the message partial shared with live fragments.
    let t: [String: String]
    let ticket: TicketView
    let messages: [MessageView]
    let statusOptions: [Option]
    let composerStatuses: [Option]
    let priorityOptions: [Option]
    let typeOptions: [Option]
    let impactOptions: [Option]
    let urgencyOptions: [Option]
    let sla: SLAPanel?
    let macroOptions: [Option]
    let hasMacros: Bool
    let departmentOptions: [Option]
    let assigneeOptions: [Option]
    let customFields: [CustomFieldView]
    let requester: RequesterCard
    let history: [HistoryEntry]
    let escalationTarget: String?
    let chat: ChatPanel?
    let complaint: ComplaintPanel?
    let problem: ProblemPanel
    /// The taxonomy's types for the category field; empty: a free-text field.
    let categoryOptions: [SelectOption]
    let error: String?
    let composerText: String

    /// The problem the ticket is linked to, and the open problems it could be linked to.
    struct ProblemPanel: Encodable {
        let linkedID: String?
        let linkedTitle: String?
        let linkedStatus: String?
        let options: [SelectOption]
        let canChange: Bool
    }

    struct ComplaintPanel: Encodable {
        struct Suggestion: Encodable {
            let key: String
            let label: String
            let matched: String
        }

        /// "Product › Delivery › Late"; nil while unclassified.
        let current: String?
        /// "3rd time this customer reports … in the last 30 days".
        let headline: String?
        let windows: [String]
        let suggestions: [Suggestion]
        let canClassify: Bool
    }

    struct ChatPanel: Encodable {
        let state: String
        let stateLabel: String
        let visitorConnected: Bool
        let canEnd: Bool
        let origin: String
        /// "Answered by Ana" once someone accepted it.
        let handledBy: String?
        /// The viewer may take it: it waits for someone.
        let canAccept: Bool
        /// "Your open chats: 2 / 3".
        let load: String
        let transferAgents: [SelectOption]
        let transferDepartments: [SelectOption]
    }
}

extension TicketPageContext.MessageView {
    /// A message as a conversation shows it; the portal and the agent page link attachments differently.
    init(_ message: Message, authorName: String, _ l: Localizer, attachmentURL: (Attachment) -> String) {
        let authorKind: String
        switch message.author {
        case .agent: authorKind = "agent"
        case .contact: authorKind = "contact"
        case .system: authorKind = "system"
        }
        self.init(
            id: message.id.description, kind: message.kind.rawValue, isNote: message.kind == .note,
            isSystem: message.kind == .system, authorName: authorName, authorKind: authorKind,
            when: l.dateTime(message.createdAt), whenISO: l.iso(message.createdAt), html: message.html,
            attachments: message.attachments.map {
                .init(name: $0.filename, url: attachmentURL($0), size: TicketPageBuilder.size($0.size))
            })
    }
}

extension TicketPageContext.CustomFieldView {
    /// A department's field as a form input named `cf_<key>` (agent ticket page, portal request form).
    init(_ definition: CustomFieldDefinition, value: CustomFieldValue?, typed: String? = nil) {
        let text = typed ?? value?.displayText ?? ""
        self.init(
            name: "cf_\(definition.key)", label: definition.label, kind: definition.kind.rawValue, value: text,
            isChecked: value == .checkbox(true) || typed == "on", isRequired: definition.isRequired,
            options: [TicketPageContext.Option(value: "", label: "—", selected: text.isEmpty)]
                + definition.options.map { TicketPageContext.Option(value: $0, label: $0, selected: text == $0) })
    }
}
