/// Signs short texts with the desk's secret (HMAC-SHA256 in BalcaoStore), for references in outgoing mail.
public protocol MailSigner: Sendable {
    /// Lower-case hex of the MAC of `text`.
    func signature(for text: String) -> String
}
