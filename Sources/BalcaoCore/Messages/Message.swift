import Foundation

/// One entry of a ticket's conversation.
public struct Message: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Message>

    /// Public replies reach the requester; internal notes are for agents only and never shown to contacts;
    /// system messages are written by Balcão (automations, merges).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case reply, note, system
    }

    public let id: ID
    public let ticketID: Ticket.ID
    public let kind: Kind
    public let author: Actor
    public let channel: TicketChannel
    /// Plain text: what notifications, search and text-only clients use.
    public let text: String
    /// Sanitized HTML (see `HTMLSanitizer`); safe to print as is.
    public let html: String
    public let attachments: [Attachment]
    public let createdAt: Date

    public init(
        id: ID = ID(), ticketID: Ticket.ID, kind: Kind, author: Actor, channel: TicketChannel, text: String, html: String,
        attachments: [Attachment] = [], createdAt: Date
    ) {
        self.id = id
        self.ticketID = ticketID
        self.kind = kind
        self.author = author
        self.channel = channel
        self.text = text
        self.html = html
        self.attachments = attachments
        self.createdAt = createdAt
    }

    public var isPublic: Bool { kind == .reply }
}

/// A message body as a client sent it: text, HTML, or both.
public struct MessageBody: Sendable, Hashable {
    public let text: String?
    public let html: String?

    public init(text: String?, html: String? = nil) {
        self.text = text
        self.html = html
    }

    /// Upper bound for one message body (text or HTML), about a long email thread.
    public static let maxLength = 200_000

    /// The stored pair: sanitized HTML and plain text, each derived from the other when missing.
    /// Nil when the body is empty once sanitized.
    public func normalized() -> (text: String, html: String)? {
        if let html, !html.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let safe = HTMLSanitizer.sanitize(html)
            // Plain text from the raw HTML: sanitizing drops `class`, which the Outlook spacing rule needs.
            let plain = text.flatMap { $0.isEmpty ? nil : $0 } ?? HTMLSanitizer.plainText(fromHTML: html)
            return plain.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : (plain, safe)
        }
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return (text, HTMLSanitizer.html(fromPlainText: text))
    }

    func validate(field: String, into collector: inout ValidationCollector) {
        if (text?.count ?? 0) > Self.maxLength || (html?.count ?? 0) > Self.maxLength {
            collector.add(field, "must be at most \(Self.maxLength) characters")
        } else if normalized() == nil {
            collector.add(field, "must not be blank")
        }
    }
}
