import Foundation

/// The text of a mail Balcão sends on its own: subject and body with `{{placeholders}}`, one per kind and language.
/// Admins may edit them; `NotificationTemplate.builtIn` holds the texts used until they do.
public struct NotificationTemplate: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The auto-reply confirming a new ticket arrived.
        case ticketReceived = "ticket_received"
        /// An agent's public reply.
        case agentReply = "agent_reply"
        /// The ticket was marked solved; replying reopens it.
        case ticketSolved = "ticket_solved"
        /// A received mail was too large to store: its sender is told once.
        case mailTooLarge = "mail_too_large"
        /// To admins: a mailbox has failed to poll several times in a row.
        case mailboxFailing = "mailbox_failing"
        /// Written by a trigger or time rule from the rule's own subject and body.
        case automation
        /// A one-time link that signs a portal user in.
        case portalSignIn = "portal_sign_in"
        /// The link that confirms a portal sign-up.
        case portalSignUp = "portal_sign_up"
        /// An announcement sent to its audience by mail.
        case announcement
        /// A chat's transcript, mailed to the visitor who asked for it.
        case chatTranscript = "chat_transcript"
        /// To supervisors: tickets arrive well above the usual for this hour of the week.
        case demandSpike = "demand_spike"
        /// To the quality team, weekly: the complaint types of the last 7 days and their trend.
        case qualityDigest = "quality_digest"

        /// Kinds whose text the admin edits on the templates page (automation mail is edited in its rule).
        public static let editable: [Kind] = allCases.filter { $0 != .automation }

        /// Mail Balcão writes on its own (not an agent's words): marked `Auto-Submitted` and rate-limited.
        public var isAutomatic: Bool { self != .agentReply }

        /// The placeholders a template of this kind may use.
        public var placeholders: [String] {
            let common = ["ticket.number", "ticket.subject", "ticket.status", "requester.name", "desk.name"]
            switch self {
            case .ticketReceived: return common
            case .agentReply: return common + ["agent.name", "reply"]
            case .ticketSolved: return common + ["agent.name"]
            case .mailTooLarge: return ["mail.subject", "limit", "desk.name"]
            case .mailboxFailing: return ["mailbox.address", "error", "failures"]
            case .automation: return Placeholders.names
            case .portalSignIn, .portalSignUp: return ["requester.name", "desk.name", "link"]
            case .announcement: return ["requester.name", "desk.name", "announcement.title", "announcement.body", "portal.url"]
            case .chatTranscript: return ["requester.name", "desk.name", "ticket.number", "transcript"]
            case .demandSpike: return ["desk.name", "alert.series", "alert.observed", "alert.expected", "alert.examples", "alert.url"]
            case .qualityDigest: return ["desk.name", "report", "report.url"]
            }
        }
    }

    public let kind: Kind
    public let language: SupportedLanguage
    public var subject: String
    public var body: String

    public init(kind: Kind, language: SupportedLanguage, subject: String, body: String) {
        self.kind = kind
        self.language = language
        self.subject = subject
        self.body = body
    }

    public static let maxBodyLength = 20_000

    /// Checks an admin's edit: both parts present, and only placeholders this kind knows.
    public func validate() throws(ValidationError) {
        var collector = ValidationCollector()
        collector.requireText(subject, field: "subject", maxLength: OpenTicket.maxSubjectLength)
        collector.requireText(body, field: "body", maxLength: Self.maxBodyLength)
        for (field, text) in [("subject", subject), ("body", body)] {
            for name in TemplateText(text).placeholderNames where !kind.placeholders.contains(name) {
                collector.add(field, "unknown placeholder {{\(name)}}; use one of \(kind.placeholders.map { "{{\($0)}}" }.joined(separator: ", "))")
            }
        }
        try collector.check()
    }
}

/// The values a template is filled with. `replyHTML` is sanitized HTML, inserted as is into the HTML part.
public struct TemplateValues: Sendable, Hashable {
    public var text: [String: String]
    public var replyHTML: String?

    public init(text: [String: String], replyHTML: String? = nil) {
        self.text = text
        self.replyHTML = replyHTML
    }
}

/// A rendered notification: one-line subject, plain text, and HTML built from the same template.
public struct RenderedNotification: Sendable, Hashable {
    public let subject: String
    public let text: String
    public let html: String
}

extension NotificationTemplate {
    public func render(_ values: TemplateValues) -> RenderedNotification {
        let subjectLine = TemplateText(subject).filled { values.text[$0] ?? "" }
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        let text = TemplateText(body).filled { values.text[$0] ?? "" }
        // The HTML part is the filled text made HTML (escaping the words and values), with the reply, already
        // sanitized HTML, put in where a private-use marker held its place.
        let marker = "\u{E000}reply\u{E000}"
        var html = HTMLSanitizer.html(fromPlainText: TemplateText(body).filled { name in
            name == "reply" && values.replyHTML != nil ? marker : values.text[name] ?? ""
        })
        if let replyHTML = values.replyHTML {
            html = html.replacingOccurrences(of: "<p>\(marker)</p>", with: replyHTML)
                .replacingOccurrences(of: marker, with: replyHTML)
        }
        return RenderedNotification(subject: subjectLine, text: text, html: html)
    }
}

/// A template string cut into literal text and `{{name}}` placeholders.
struct TemplateText {
    enum Segment: Equatable {
        case literal(String)
        case placeholder(String)
    }

    let segments: [Segment]

    init(_ text: String) {
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !rest[..<open.lowerBound].isEmpty { segments.append(.literal(String(rest[..<open.lowerBound]))) }
            segments.append(.placeholder(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    var placeholderNames: [String] {
        segments.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    func filled(_ value: (String) -> String) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .placeholder(let name): value(name)
            }
        }.joined()
    }
}
