/// How a mail connection is protected.
public enum MailSecurity: String, Sendable, Codable, CaseIterable {
    /// Plain TCP. Only sensible on loopback or inside a trusted network.
    case none
    /// Plain TCP upgraded with STARTTLS before any credentials are sent; fails when the server does not offer it.
    case startTLS = "starttls"
    /// TLS from the first byte (ports 465 and 993).
    case tls
}
