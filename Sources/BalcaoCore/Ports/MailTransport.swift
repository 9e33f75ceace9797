import Foundation

/// Hands a rendered mail to the outside world (SMTP). The adapter lives in BalcaoWeb.
public protocol MailSender: Sendable {
    /// Throws `MailSendFailure` (or any error, treated as temporary) when the mail was not accepted.
    func send(from: String, recipients: [String], message: Data) async throws
}

/// Why a send failed, and whether trying again could help (a 5xx rejection or bad credentials cannot).
public struct MailSendFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public let isPermanent: Bool

    public init(_ message: String, isPermanent: Bool) {
        self.message = message
        self.isPermanent = isPermanent
    }

    public var description: String { message }
}

/// One session with a polled mailbox (IMAP). The adapter lives in BalcaoWeb.
public protocol MailboxReader: Sendable {
    /// The folder's UIDVALIDITY: when it changes, the server renumbered the messages.
    func uidValidity() async throws -> UInt32
    /// Ids (UIDs) of the messages after `uid`, in any order.
    func messages(after uid: UInt32) async throws -> [UInt32]
    /// Ids of the messages nobody has read yet (IMAP UNSEEN): the first poll of a folder starts from them.
    func unseenMessages() async throws -> [UInt32]
    /// The raw message, nil when it vanished in between.
    func message(_ id: UInt32) async throws -> Data?
    /// Marks a message done so it is not read again: flagged \Seen or moved to a folder.
    func markProcessed(_ id: UInt32) async throws
    func close() async
}
