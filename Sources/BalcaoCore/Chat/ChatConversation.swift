import Foundation

/// A live chat: the ticket it is (channel `chat`), who is chatting, and where it stands.
public struct ChatConversation: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<ChatConversation>

    public enum State: String, Sendable, Codable, CaseIterable {
        /// No agent has answered yet.
        case waiting
        /// An agent answered.
        case active
        /// The visitor or an agent ended it; the ticket carries on by email or the portal.
        case ended
    }

    public let id: ID
    public let ticketID: Ticket.ID
    public let ticketNumber: TicketNumber
    public let departmentID: Department.ID
    public let contactID: Contact.ID
    public var state: State
    /// The site the widget ran on (`https://loja.example`), as its browser said.
    public let origin: String?
    public let createdAt: Date
    public var endedAt: Date?

    public init(
        id: ID = ID(), ticketID: Ticket.ID, ticketNumber: TicketNumber, departmentID: Department.ID,
        contactID: Contact.ID, state: State = .waiting, origin: String?, createdAt: Date, endedAt: Date? = nil
    ) {
        self.id = id
        self.ticketID = ticketID
        self.ticketNumber = ticketNumber
        self.departmentID = departmentID
        self.contactID = contactID
        self.state = state
        self.origin = origin
        self.createdAt = createdAt
        self.endedAt = endedAt
    }
}

extension TicketEvent.Field {
    /// A live chat on the ticket ended: new = who ended it (`visitor`, `agent`).
    public static let chatEnded = TicketEvent.Field(rawValue: "chat_ended")
}

/// A department's chat widget: whether it takes chats and which sites may embed it.
public struct ChatWidget: Sendable, Hashable, Codable {
    public var departmentID: Department.ID
    public var isEnabled: Bool
    /// Origins (`https://loja.example`, `http://127.0.0.1:8081`) whose pages may open chats; the desk's own origin
    /// always may.
    public var allowedOrigins: [String]
    public var greeting: LocalizedText

    public init(departmentID: Department.ID, isEnabled: Bool = true, allowedOrigins: [String] = [], greeting: LocalizedText = LocalizedText()) {
        self.departmentID = departmentID
        self.isEnabled = isEnabled
        self.allowedOrigins = allowedOrigins
        self.greeting = greeting
    }

    /// Whether a page from `origin` may chat; `deskOrigin` is Balcão's own.
    public func allows(origin: String?, deskOrigin: String) -> Bool {
        guard isEnabled, let origin = origin.map(Self.normalized) else { return false }
        return origin == Self.normalized(deskOrigin) || allowedOrigins.map(Self.normalized).contains(origin)
    }

    /// `scheme://host[:port]`, lower-cased, without a trailing slash.
    static func normalized(_ origin: String) -> String {
        var text = origin.trimmingCharacters(in: .whitespaces).lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Checks the origins an admin typed: each `http(s)://host[:port]` and nothing more.
    public func validated() throws -> ChatWidget {
        var widget = self
        widget.allowedOrigins = Array(Set(allowedOrigins.map(Self.normalized).filter { !$0.isEmpty })).sorted()
        var collector = ValidationCollector()
        for origin in widget.allowedOrigins {
            guard let url = URL(string: origin), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.path.isEmpty, url.query == nil
            else {
                collector.add("allowedOrigins", "\(origin) is not an origin like https://shop.example")
                continue
            }
        }
        try collector.check()
        return widget
    }
}
