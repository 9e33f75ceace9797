import Foundation

/// The reference Balcão writes into its outgoing mail — as the Message-ID's local part and as a marker in the body —
/// naming the ticket, the message and the recipient, signed with the desk's secret. A reply that carries a valid
/// one belongs to that ticket; a forged or altered one is ignored, so nobody can thread mail into a ticket by
/// guessing its number.
public struct MailReference: Sendable, Hashable {
    public let ticketNumber: TicketNumber
    /// Random per mail, so every Message-ID is unique.
    public let token: String
    /// Derived from the recipient's address (signed), so a reference cannot be moved to another person's mail.
    public let recipientTag: String

    static let version = "b1"

    /// A new reference for a mail to `recipient` about `ticket`.
    public init(ticket: TicketNumber, recipient: String, signer: any MailSigner) {
        ticketNumber = ticket
        token = Self.randomToken()
        recipientTag = String(signer.signature(for: "rcpt:" + recipient.lowercased()).prefix(8))
    }

    init(ticketNumber: TicketNumber, token: String, recipientTag: String) {
        self.ticketNumber = ticketNumber
        self.token = token
        self.recipientTag = recipientTag
    }

    /// `b1.1042.k3j2h4m9q1.9f2a1c0d.5c0d7e9a8b1f2e3d`
    public func encoded(signer: any MailSigner) -> String {
        let body = "\(Self.version).\(ticketNumber.value).\(token).\(recipientTag)"
        return "\(body).\(signer.signature(for: body).prefix(16))"
    }

    public func messageID(domain: String, signer: any MailSigner) -> String {
        "\(encoded(signer: signer))@\(domain)"
    }

    /// The marker put in the body, for providers that rewrite Message-IDs.
    public func marker(signer: any MailSigner) -> String { "[ref:\(encoded(signer: signer))]" }

    /// Reads a reference from a Message-ID (or its local part) and checks its signature; nil when absent or forged.
    public static func decode(_ text: String, signer: any MailSigner) -> MailReference? {
        let local = text.split(separator: "@", maxSplits: 1).first.map(String.init) ?? text
        let parts = local.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, parts[0] == version, let number = Int(parts[1]), number > 0,
            !parts[2].isEmpty, parts[2].count <= 32, parts[3].count == 8, parts[4].count == 16
        else { return nil }
        let body = parts[0...3].joined(separator: ".")
        guard constantTimeEqual(String(signer.signature(for: body).prefix(16)), parts[4]) else { return nil }
        return MailReference(ticketNumber: TicketNumber(number), token: parts[2], recipientTag: parts[3])
    }

    /// Every valid marker in a body (text or HTML), first one first.
    public static func markers(in body: String, signer: any MailSigner) -> [MailReference] {
        var found: [MailReference] = []
        var rest = Substring(body)
        while let start = rest.range(of: "[ref:") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "]") else { break }
            if after.distance(from: after.startIndex, to: end) <= 80,
                let reference = decode(String(after[..<end]), signer: signer)
            {
                found.append(reference)
            }
            rest = after[after.index(after: after.startIndex)...]
        }
        return found
    }

    private static func randomToken() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
