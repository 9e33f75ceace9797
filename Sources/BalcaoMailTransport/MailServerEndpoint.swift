/// Where and how to reach an SMTP or IMAP server.
public struct MailServerEndpoint: Sendable, Equatable {
    /// Host name or IP address. Host names are also used for SNI and certificate verification.
    public var host: String
    public var port: Int
    public var security: MailSecurity
    /// The account. SMTP authenticates only when it is set; IMAP `login()` requires it.
    public var username: String?
    /// How `username` authenticates; `nil` is taken as an empty password.
    public var credential: MailCredential?
    /// A PEM file of extra certificate authorities trusted besides the system roots (self-signed test certificates).
    public var trustRootsPEMFile: String?
    /// `false` accepts any certificate. Only for tests against throwaway servers.
    public var verifiesCertificates: Bool
    /// Limit for connecting and for each wait on the server (a reply, a write).
    public var timeout: Duration

    /// An endpoint whose account, if any, logs in with a password.
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
        self.init(
            host: host, port: port, security: security, username: username,
            credential: password.map(MailCredential.password), trustRootsPEMFile: trustRootsPEMFile,
            verifiesCertificates: verifiesCertificates, timeout: timeout)
    }

    /// An endpoint with any kind of credential, e.g. `.oauth2(accessToken:)` for Microsoft 365 or Google.
    public init(
        host: String,
        port: Int,
        security: MailSecurity = .tls,
        username: String?,
        credential: MailCredential?,
        trustRootsPEMFile: String? = nil,
        verifiesCertificates: Bool = true,
        timeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.credential = credential
        self.trustRootsPEMFile = trustRootsPEMFile
        self.verifiesCertificates = verifiesCertificates
        self.timeout = timeout
    }

    /// The password of a ``MailCredential/password(_:)`` credential, `nil` for any other. Setting it makes the
    /// credential that password (`nil` removes the credential).
    public var password: String? {
        get {
            if case .password(let password) = credential { password } else { nil }
        }
        set {
            credential = newValue.map(MailCredential.password)
        }
    }
}

extension MailServerEndpoint: CustomStringConvertible {
    /// Safe for logs: never shows the password or access token.
    public var description: String {
        let user = username.map { "\($0)@" } ?? ""
        return "\(security.rawValue)://\(user)\(host):\(port)"
    }
}
