import Foundation

/// Where IMAP polling of a mailbox got to: the folder's UIDVALIDITY and the last UID stored. A new UIDVALIDITY
/// means the server renumbered the folder: everything is read again and Message-ID de-duplication keeps it single.
public struct IMAPProgress: Sendable, Hashable {
    public var uidValidity: UInt32
    public var lastUID: UInt32

    public init(uidValidity: UInt32, lastUID: UInt32) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
    }
}

/// An address that bounced permanently, and until when nothing is sent to it.
public struct UndeliverableAddress: Sendable, Hashable {
    public let email: String
    public let until: Date
    public let reason: String
    public let recordedAt: Date

    public init(email: String, until: Date, reason: String, recordedAt: Date) {
        self.email = email
        self.until = until
        self.reason = reason
        self.recordedAt = recordedAt
    }
}

/// A received mail held back instead of becoming a ticket, with the reason and the original bytes.
public struct QuarantinedMail: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<QuarantinedMail>

    public let id: ID
    public let mailboxID: Mailbox.ID?
    public let recipient: EmailAddress?
    public let sender: String?
    public let subject: String
    public let reason: String
    /// Empty in lists; the whole message when loaded one by one.
    public let raw: Data
    public let size: Int
    public let receivedAt: Date

    public init(
        id: ID = ID(), mailboxID: Mailbox.ID?, recipient: EmailAddress?, sender: String?, subject: String,
        reason: String, raw: Data, size: Int? = nil, receivedAt: Date
    ) {
        self.id = id
        self.mailboxID = mailboxID
        self.recipient = recipient
        self.sender = sender
        self.subject = subject
        self.reason = reason
        self.raw = raw
        self.size = size ?? raw.count
        self.receivedAt = receivedAt
    }
}

/// Who Balcão never writes to on its own, and how much automatic mail one address may get.
public enum RecipientRules {
    /// Automatic mail (auto-replies, "solved" notices) per address: at most this many in `window`…
    public static let automaticPerAddress = 10
    /// …and at most this many per ticket in the same window.
    public static let automaticPerTicket = 3
    public static let window: TimeInterval = 3 * 3600
    /// How long a permanent bounce stops mail to an address, unless configured (`BALCAO_MAIL_UNDELIVERABLE_DAYS`).
    public static let undeliverableFor: TimeInterval = 60 * 86400

    /// Addresses that are never meant to receive mail: no-reply senders, bounce handlers.
    public static func isUnmailable(_ address: String) -> Bool {
        let local = address.lowercased().split(separator: "@").first.map(String.init) ?? ""
        let compact = local.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
            .replacingOccurrences(of: ".", with: "")
        return ["noreply", "donotreply", "mailerdaemon", "postmaster", "bounce", "bounces", "naoresponda",
                "naoresponder", "semresposta"].contains(compact)
            || compact.hasPrefix("noreply") || compact.hasPrefix("bounce")
    }
}
