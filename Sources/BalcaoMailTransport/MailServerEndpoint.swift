/// Where and how to reach an SMTP or IMAP server.
public struct MailServerEndpoint: Sendable, Equatable {
    /// Host name or IP address. Host names are also used for SNI and certificate verification.
    public var host: String
    public var port: Int
    public var security: MailSecurity
    /// Credentials. SMTP authenticates only when `username` is set; IMAP `login()` requires it.
    public var username: String?
    public var password: String?
    /// A PEM file of extra certificate authorities trusted besides the system roots (self-signed test certificates).
    public var trustRootsPEMFile: String?
    /// `false` accepts any certificate. Only for tests against throwaway servers.
    public var verifiesCertificates: Bool
    /// Limit for connecting and for each wait on the server (a reply, a write).
    public var timeout: Duration

    public init(
        host: String,
        port: Int,
        security: MailSecurity = .tls,
        username: String? = nil,
        password: String? = nil,
        trustRootsPEMFile: String? = nil,
        verifiesCertificates: Bool = true,
        timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.trustRootsPEMFile = trustRootsPEMFile
        self.verifiesCertificates = verifiesCertificates
        self.timeout = timeout
    }
}

extension MailServerEndpoint: CustomStringConvertible {
    /// Safe for logs: never shows the password.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        return "\(security.rawValue)://\(user)\(host):\(port)"
    }
}
