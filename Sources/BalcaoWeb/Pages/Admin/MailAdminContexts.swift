import BalcaoCore
import Foundation
import Vapor

/// The mailbox form as posted; the same fields create and edit a mailbox.
struct MailboxForm: Content {
    var address: String?
    var display_name: String?
    var department: String?
    var active: String?
    var imap_host: String?
    var imap_port: String?
    var imap_security: String?
    var imap_username: String?
    var imap_password: String?
    var imap_folder: String?
    var imap_move_to: String?
    var imap_interval: String?

    init(_ mailbox: Mailbox?) {
        address = mailbox?.address.value
        display_name = mailbox?.displayName
        department = mailbox?.departmentID?.description
        active = mailbox?.isActive == false ? nil : "on"
        let imap = mailbox?.imap
        imap_host = imap?.host
        imap_port = imap.map { String($0.port) }
        imap_security = imap?.security.rawValue ?? IMAPSettings.Security.tls.rawValue
        imap_username = imap?.username
        imap_folder = imap?.folder ?? "INBOX"
        if case .move(let folder) = imap?.afterFetch { imap_move_to = folder }
        imap_interval = String(imap?.pollInterval ?? 60)
    }

    /// The command; an empty IMAP host means a mailbox without polling.
    var draft: MailboxDraft {
        let host = (imap_host ?? "").trimmingCharacters(in: .whitespaces)
        let imap =
            host.isEmpty
            ? nil
            : IMAPDraft(
                host: host, port: imap_port.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                security: imap_security ?? "tls", username: imap_username ?? "", password: imap_password,
                folder: imap_folder ?? "", moveToFolder: imap_move_to ?? "",
                pollInterval: imap_interval.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) })
        return MailboxDraft(
            address: address ?? "", displayName: display_name ?? "",
            departmentID: department.flatMap(Department.ID.init), isActive: active != nil, imap: imap)
    }
}

struct MailAdminContext: Encodable {
    struct MailboxRow: Encodable {
        let id: String
        let address: String
        let displayName: String
        let department: String
        let imap: String
        let active: Bool
        let lastPoll: String
        let lastError: String?
    }
    struct TemplateLink: Encodable {
        let label: String
        let url: String
        let edited: Bool
    }
    struct TemplateRow: Encodable {
        let kind: String
        let links: [TemplateLink]
    }
    struct OutboxRow: Encodable {
        let id: String
        let created: String
        let recipients: String
        let subject: String
        let state: String
        let stateLabel: String
        let attempts: Int
        let lastError: String?
        let canRetry: Bool
    }
    struct QuarantineRow: Encodable {
        let id: String
        let received: String
        let sender: String
        let subject: String
        let reason: String
        let size: String
    }
    struct UndeliverableRow: Encodable {
        let email: String
        let until: String
        let reason: String
    }
    struct Filter: Encodable {
        let label: String
        let url: String
        /// " (3)" or empty.
        let count: String
        let current: Bool
    }

    let layout: LayoutContext
    let error: String?
    let mailboxes: [MailboxRow]
    let form: MailboxForm
    let departments: [SelectOption]
    let securities: [SelectOption]
    let templates: [TemplateRow]
    let smtpConfigured: Bool
    let outboxFilters: [Filter]
    let quarantine: [QuarantineRow]
    let undeliverable: [UndeliverableRow]
    let outbox: [OutboxRow]
}

struct MailboxEditContext: Encodable {
    let layout: LayoutContext
    let error: String?
    let id: String
    let form: MailboxForm
    let departments: [SelectOption]
    let securities: [SelectOption]
    let oauth: OAuthForm
}

/// The "sign in with OAuth 2.0" part of the mailbox page: who the client is and whether it is connected.
struct OAuthForm: Encodable {
    let providers: [SelectOption]
    let tenant: String
    let clientID: String
    let authorizeURL: String
    let tokenURL: String
    let scope: String
    let smtpHost: String
    let smtpPort: String
    let smtpSecurity: String
    /// "Connected on …" or nil.
    let connected: String?
    let redirectURI: String

    init(_ connection: OAuthConnection?, connectedText: String?, redirectURI: String) {
        let provider = connection?.provider
        let name = provider?.name ?? "microsoft"
        providers = ["microsoft", "google", "custom"].map { SelectOption(value: $0, label: $0.capitalized, selected: $0 == name) }
        let tenant = provider.flatMap { $0.name == "microsoft" ? $0.authorizeURL.split(separator: "/").dropFirst(2).first.map(String.init) : nil }
        self.tenant = tenant ?? "organizations"
        clientID = connection?.clientID ?? ""
        authorizeURL = name == "custom" ? provider?.authorizeURL ?? "" : ""
        tokenURL = name == "custom" ? provider?.tokenURL ?? "" : ""
        scope = name == "custom" ? provider?.scope ?? "" : ""
        smtpHost = name == "custom" ? provider?.smtpHost ?? "" : ""
        smtpPort = name == "custom" ? provider?.smtpPort.map(String.init) ?? "" : ""
        smtpSecurity = provider?.smtpSecurity ?? "starttls"
        connected = connectedText
        self.redirectURI = redirectURI
    }

    /// The provider an admin picked, from the posted form.
    static func provider(from form: [String: String]) -> OAuthProvider {
        switch form["provider"] {
        case "google": return .google
        case "custom":
            let smtpHost = (form["smtp_host"] ?? "").trimmingCharacters(in: .whitespaces)
            return OAuthProvider(
                name: "custom", authorizeURL: form["authorize_url"] ?? "", tokenURL: form["token_url"] ?? "",
                scope: form["scope"] ?? "", smtpHost: smtpHost.isEmpty ? nil : smtpHost,
                smtpPort: form["smtp_port"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                smtpSecurity: form["smtp_security"] == "tls" ? "tls" : "starttls")
        default:
            let tenant = (form["tenant"] ?? "").trimmingCharacters(in: .whitespaces)
            let safe = tenant.allSatisfy { $0.isLetter || $0.isNumber || "-._".contains($0) } && !tenant.isEmpty
            return .microsoft(tenant: safe ? tenant : "organizations")
        }
    }
}

struct TemplateEditContext: Encodable {
    let layout: LayoutContext
    let error: String?
    let title: String
    let url: String
    let subject: String
    let body: String
    let placeholders: [String]
    let edited: Bool
}
