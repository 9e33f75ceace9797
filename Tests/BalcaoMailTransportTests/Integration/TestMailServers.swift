import BalcaoMailTransport
import Foundation

/// The real servers started by `scripts/mail-servers start`, read from its `BALCAO_TEST_*` exports.
/// Integration suites are enabled only when these are set.
enum TestMailServers {
    private static let environment = ProcessInfo.processInfo.environment

    struct IMAP {
        var port: Int
        var tlsPort: Int
        var username: String
        var password: String
        var caFile: String
        /// The one access token Dovecot's oauth2 passdb accepts (through scripts/oauth-introspect.py).
        var oauthToken: String?

        /// STARTTLS on the plain port (`.startTLS`) or TLS on the IMAPS port (`.tls`).
        func endpoint(
            _ security: MailSecurity,
            host: String = "localhost",
            password: String? = nil,
            trustingCA: Bool = true
        ) -> MailServerEndpoint {
            MailServerEndpoint(
                host: host,
                port: security == .tls ? tlsPort : port,
                security: security,
                username: username,
                password: password ?? self.password,
                trustRootsPEMFile: trustingCA ? caFile : nil,
                timeout: .seconds(10)
            )
        }

        /// Like ``endpoint(_:host:password:trustingCA:)``, logging in with an OAuth 2.0 access token.
        func endpoint(_ security: MailSecurity, accessToken: String) -> MailServerEndpoint {
            var endpoint = endpoint(security)
            endpoint.credential = .oauth2(accessToken: accessToken)
            return endpoint
        }
    }

    struct SMTP {
        var port: Int
        var username: String
        var password: String
        var caFile: String
        /// Where the sink stores each accepted message as NNNNNN.eml.
        var outbox: URL
        /// The one access token the sink's AUTH XOAUTH2 accepts for `oauthUsername`.
        var oauthToken: String?
        /// The account XOAUTH2 signs in as (the IMAP user, as with a real Microsoft 365 or Google mailbox).
        var oauthUsername: String

        func endpoint(password: String? = nil, trustingCA: Bool = true) -> MailServerEndpoint {
            MailServerEndpoint(
                host: "localhost",
                port: port,
                security: .startTLS,
                username: username,
                password: password ?? self.password,
                trustRootsPEMFile: trustingCA ? caFile : nil,
                timeout: .seconds(10)
            )
        }

        /// STARTTLS, then AUTH XOAUTH2 with `accessToken`.
        func endpoint(accessToken: String) -> MailServerEndpoint {
            var endpoint = endpoint()
            endpoint.username = oauthUsername
            endpoint.credential = .oauth2(accessToken: accessToken)
            return endpoint
        }
    }

    static let imap: IMAP? = {
        guard let port = value("BALCAO_TEST_IMAP_PORT").flatMap(Int.init),
            let tlsPort = value("BALCAO_TEST_IMAPS_PORT").flatMap(Int.init),
            let username = value("BALCAO_TEST_IMAP_USER"),
            let password = value("BALCAO_TEST_IMAP_PASSWORD"),
            let caFile = value("BALCAO_TEST_IMAP_CA")
        else { return nil }
        return IMAP(
            port: port, tlsPort: tlsPort, username: username, password: password, caFile: caFile,
            oauthToken: value("BALCAO_TEST_IMAP_OAUTH_TOKEN"))
    }()

    static let smtp: SMTP? = {
        guard let port = value("BALCAO_TEST_SMTP_PORT").flatMap(Int.init),
            let username = value("BALCAO_TEST_SMTP_USER"),
            let password = value("BALCAO_TEST_SMTP_PASSWORD"),
            let caFile = value("BALCAO_TEST_SMTP_CA"),
            let outbox = value("BALCAO_TEST_SMTP_DIR")
        else { return nil }
        return SMTP(
            port: port, username: username, password: password, caFile: caFile, outbox: URL(fileURLWithPath: outbox),
            oauthToken: value("BALCAO_TEST_SMTP_OAUTH_TOKEN"),
            oauthUsername: value("BALCAO_TEST_SMTP_OAUTH_USER") ?? username)
    }()

    private static func value(_ key: String) -> String? {
        environment[key].flatMap { $0.isEmpty ? nil : $0 }
    }
}
