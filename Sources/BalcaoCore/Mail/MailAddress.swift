import Foundation

/// A mailbox as written in a message: an optional display name and the address (`Ana Souza <ana@x.com.br>`).
public struct MailAddress: Hashable, Sendable {
    /// The decoded display name ("Ana Souza"), nil when the mailbox had none.
    public var name: String?
    /// The address exactly as written ("Ana@X.com.br"); see `email` for the normalized form.
    public var address: String

    /// Creates a mailbox from a name and an address.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The normalized address, or nil when `address` is not shaped like one (a local name such as `root`).
    public var email: EmailAddress? { EmailAddress(address) }

    /// Parses an address list header value (`To`, `Cc`, `From`, `Reply-To`): display names, quoted names,
    /// comments, groups and encoded-word names. Entries without an address are skipped.
    public static func parseList(_ headerValue: String) -> [MailAddress] {
        MailAddressParser.parseList(headerValue)
    }
}
