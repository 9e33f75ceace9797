import Foundation

/// How Balcão writes its mail: who it is from when a department has no mailbox, the domain of its Message-IDs,
/// and the language for contacts without one.
public struct MailSettings: Sendable, Hashable {
    public var defaultSender: MailAddress?
    public var messageIDDomain: String
    public var defaultLanguage: SupportedLanguage

    public init(
        defaultSender: MailAddress? = nil, messageIDDomain: String = "balcao.localhost",
        defaultLanguage: SupportedLanguage = .portugueseBrazil
    ) {
        self.defaultSender = defaultSender
        self.messageIDDomain = messageIDDomain
        self.defaultLanguage = defaultLanguage
    }
}
