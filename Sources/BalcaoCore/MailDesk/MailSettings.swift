import Foundation

/// How Balcão writes its mail: who it is from when a department has no mailbox, the domain of its Message-IDs,
/// the language for contacts without one, and the auto-reply cap.
public struct MailSettings: Sendable, Hashable {
    public var defaultSender: MailAddress?
    public var messageIDDomain: String
    public var defaultLanguage: SupportedLanguage
    /// At most this many "ticket received" replies to one address per hour.
    public var autoRepliesPerHour: Int

    public init(
        defaultSender: MailAddress? = nil, messageIDDomain: String = "balcao.localhost",
        defaultLanguage: SupportedLanguage = .portugueseBrazil, autoRepliesPerHour: Int = 5
    ) {
        self.defaultSender = defaultSender
        self.messageIDDomain = messageIDDomain
        self.defaultLanguage = defaultLanguage
        self.autoRepliesPerHour = autoRepliesPerHour
    }
}
