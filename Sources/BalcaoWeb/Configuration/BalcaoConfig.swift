import BalcaoStore
import Foundation

/// Everything Balcão reads from its environment, decoded once at start-up from `BALCAO_*` keys.
/// Every field has a default; a bad value stops start-up with every bad key listed.
public struct BalcaoConfig: Sendable, Equatable {
    public struct HTTP: Sendable, Equatable {
        public var host = "127.0.0.1"
        public var port = 8080
        /// The address users reach Balcão at, for links in mail and API responses.
        public var publicURL: String?
        /// The public URL, else the listening address: the base of links Balcão writes.
        public var baseURL: String { publicURL ?? "http://\(host):\(port)" }
        /// Where the customer and employee portal lives (`/help` by default); `/` would put it at the root.
        public var portalPath = "/help"
    }

    public struct Storage: Sendable, Equatable {
        public var dataDir = "balcao-data"
        /// `postgres://user:pass@host:port/db`; unset means the embedded SQLite file in the data dir.
        public var databaseURL: String?
        /// PostgreSQL schema for Balcão's tables (default `public`), for shared databases and test isolation.
        public var databaseSchema: String?
        public var maxAttachmentBytes = 25 * 1024 * 1024
    }

    /// The email channel's outgoing side. Incoming mailboxes are configured in the admin, per department.
    public struct Mail: Sendable, Equatable {
        public struct SMTP: Sendable, Equatable {
            public var host: String
            public var port: Int
            /// `none`, `starttls` or `tls` (implicit TLS, port 465 style).
            public var security: String
            public var username: String?
            public var password: String?
            /// Extra trusted CA (PEM) for a server with a private certificate.
            public var caFile: String?
        }

        public var smtp: SMTP?
        /// `Name <address>`: the sender when a ticket's department has no mailbox.
        public var from: String?
        /// The domain of Message-IDs Balcão writes; defaults to the sender's or the public URL's domain.
        public var messageIDDomain: String?
        /// Extra trusted CA (PEM) for IMAP servers with a private certificate.
        public var imapCAFile: String?
        /// Days a permanently bounced address gets no mail.
        public var undeliverableDays = 60
        /// Run the outbox sender and mailbox pollers in this process (off for one-shot commands).
        public var runsWorkers = true
    }

    public var http = HTTP()
    public var storage = Storage()
    public var mail = Mail()
    public var automation = Automation()
    public var defaultLanguage = "pt-BR"
    public var logLevel = "info"

    public init() {}

    /// The portal's address, for links in mail.
    public var portalURL: String {
        http.baseURL + http.portalPath
    }

    /// `/help`, `/suporte/ajuda`: segments of letters, digits, `-` and `_`, not clashing with Balcão's own paths.
    static func portalPath(_ text: String) -> String? {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard trimmed.hasPrefix("/"), !segments.isEmpty,
            segments.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } }),
            !["agent", "api", "login", "logout", "ws", "css", "js", "healthz"].contains(segments.first.map(String.init) ?? "")
        else { return nil }
        return trimmed
    }

    /// Reads `BALCAO_HOST`, `BALCAO_PORT`, `BALCAO_PUBLIC_URL`, `BALCAO_DATA_DIR`, `BALCAO_DATABASE_URL`,
    /// `BALCAO_DATABASE_SCHEMA`, `BALCAO_MAX_ATTACHMENT_MB`, `BALCAO_DEFAULT_LANGUAGE`, `BALCAO_LOG_LEVEL`,
    /// `BALCAO_PORTAL_PATH`, and the mail keys (`readMail`).
    public init(environment: [String: String]) throws(ConfigError) {
        var problems: [String] = []
        func value(_ key: String) -> String? {
            guard let raw = environment[key]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        if let host = value("BALCAO_HOST") { http.host = host }
        if let port = value("BALCAO_PORT") {
            if let number = Int(port), (0...65535).contains(number) { http.port = number } else {
                problems.append("BALCAO_PORT must be a port number (0–65535), got \(port)")
            }
        }
        if let url = value("BALCAO_PUBLIC_URL") {
            if let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil {
                http.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else {
                problems.append("BALCAO_PUBLIC_URL must be an http(s) URL, got \(url)")
            }
        }
        if let path = value("BALCAO_PORTAL_PATH") {
            if let portalPath = Self.portalPath(path) { http.portalPath = portalPath } else {
                problems.append("BALCAO_PORTAL_PATH must be a path like /help (letters, digits, - and _), got \(path)")
            }
        }
        if let dir = value("BALCAO_DATA_DIR") { storage.dataDir = dir }
        if let url = value("BALCAO_DATABASE_URL") {
            if let parsed = URLComponents(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""),
                parsed.host != nil, parsed.user != nil
            {
                storage.databaseURL = url
            } else {
                problems.append("BALCAO_DATABASE_URL must look like postgres://user:password@host:5432/database")
            }
        }
        if let schema = value("BALCAO_DATABASE_SCHEMA") {
            if BalcaoDatabase.isValidSchemaName(schema) { storage.databaseSchema = schema } else {
                problems.append("BALCAO_DATABASE_SCHEMA must be lower-case letters, digits and _, got \(schema)")
            }
        }
        if let megabytes = value("BALCAO_MAX_ATTACHMENT_MB") {
            if let number = Int(megabytes), (1...1024).contains(number) {
                storage.maxAttachmentBytes = number * 1024 * 1024
            } else {
                problems.append("BALCAO_MAX_ATTACHMENT_MB must be a whole number from 1 to 1024, got \(megabytes)")
            }
        }
        if let language = value("BALCAO_DEFAULT_LANGUAGE") {
            if let supported = SupportedLanguageTag(language) { defaultLanguage = supported } else {
                problems.append("BALCAO_DEFAULT_LANGUAGE must be pt-BR, pt-PT or en, got \(language)")
            }
        }
        if let level = value("BALCAO_LOG_LEVEL") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            if levels.contains(level.lowercased()) { logLevel = level.lowercased() } else {
                problems.append("BALCAO_LOG_LEVEL must be one of \(levels.joined(separator: ", ")), got \(level)")
            }
        }
        readMail(value, into: &problems)
        readAutomation(value, into: &problems)
        if !problems.isEmpty { throw ConfigError(problems: problems) }
    }

    /// The data dir as an absolute URL.
    public var dataDirectory: URL {
        URL(fileURLWithPath: storage.dataDir, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
    }
}

/// A configuration that cannot be used; lists every problem at once.
public struct ConfigError: Error, Equatable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { "Invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n") }
}
