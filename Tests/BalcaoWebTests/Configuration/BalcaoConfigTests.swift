import BalcaoCore
import BalcaoStore
import Foundation
import Testing

@testable import BalcaoWeb

@Suite("Configuration")
struct BalcaoConfigTests {
    @Test("Defaults: embedded SQLite in ./balcao-data on 127.0.0.1:8080, pt-BR")
    func defaults() throws {
        let config = try BalcaoConfig(environment: [:])

        #expect(config.http.host == "127.0.0.1" && config.http.port == 8080)
        #expect(config.storage.dataDir == "balcao-data" && config.storage.databaseURL == nil)
        #expect(config.defaultLanguage == "pt-BR")
        #expect(config.storage.maxAttachmentBytes == 25 * 1024 * 1024)
    }

    @Test("Every BALCAO_ key is read")
    func readsEnvironment() throws {
        let config = try BalcaoConfig(environment: [
            "BALCAO_HOST": "0.0.0.0", "BALCAO_PORT": "9000", "BALCAO_PUBLIC_URL": "https://ajuda.empresa.example/",
            "BALCAO_DATA_DIR": "/var/lib/balcao", "BALCAO_DATABASE_URL": "postgres://u:p@db.example:5432/balcao",
            "BALCAO_DATABASE_SCHEMA": "helpdesk", "BALCAO_MAX_ATTACHMENT_MB": "10", "BALCAO_DEFAULT_LANGUAGE": "pt_pt",
            "BALCAO_LOG_LEVEL": "DEBUG",
        ])

        #expect(config.http.host == "0.0.0.0" && config.http.port == 9000)
        #expect(config.http.publicURL == "https://ajuda.empresa.example")
        #expect(config.dataDirectory.path == "/var/lib/balcao")
        #expect(config.storage.databaseURL == "postgres://u:p@db.example:5432/balcao")
        #expect(config.storage.databaseSchema == "helpdesk")
        #expect(config.storage.maxAttachmentBytes == 10 * 1024 * 1024)
        #expect(config.defaultLanguage == "pt-PT" && config.logLevel == "debug")
    }

    @Test("Mail keys: SMTP relay with default ports by security, sender, domain, bounce period, workers")
    func mailKeys() throws {
        let config = try BalcaoConfig(environment: [
            "BALCAO_SMTP_HOST": "smtp.empresa.example", "BALCAO_SMTP_SECURITY": "tls", "BALCAO_SMTP_USERNAME": "balcao",
            "BALCAO_SMTP_PASSWORD": "s", "BALCAO_MAIL_FROM": "Suporte Empresa <suporte@empresa.example>",
            "BALCAO_MAIL_UNDELIVERABLE_DAYS": "30", "BALCAO_MAIL_WORKERS": "off",
        ])
        #expect(config.mail.smtp?.port == 465 && config.mail.smtp?.security == "tls")
        #expect(config.mail.undeliverableDays == 30 && !config.mail.runsWorkers)
        let settings = config.mail.settings(publicURL: nil, language: "en")
        #expect(settings.defaultSender == MailAddress(name: "Suporte Empresa", address: "suporte@empresa.example"))
        #expect(settings.messageIDDomain == "empresa.example" && settings.defaultLanguage == .english)
        #expect(try BalcaoConfig(environment: ["BALCAO_SMTP_HOST": "relay.example"]).mail.smtp?.port == 587)

        #expect(throws: ConfigError.self) {
            try BalcaoConfig(environment: [
                "BALCAO_SMTP_HOST": "x", "BALCAO_SMTP_SECURITY": "ssl", "BALCAO_MAIL_FROM": "nobody",
                "BALCAO_MAIL_UNDELIVERABLE_DAYS": "0", "BALCAO_MAIL_WORKERS": "maybe",
            ])
        }
        do {
            _ = try BalcaoConfig(environment: ["BALCAO_SMTP_HOST": "x", "BALCAO_SMTP_SECURITY": "ssl", "BALCAO_MAIL_FROM": "nobody"])
        } catch {
            #expect(error.problems.count == 2)
        }
    }

    @Test("A bad configuration lists every bad key at once")
    func listsEveryProblem() {
        let environment = [
            "BALCAO_PORT": "porta", "BALCAO_PUBLIC_URL": "ftp://x", "BALCAO_DATABASE_URL": "mysql://x",
            "BALCAO_DATABASE_SCHEMA": "Drop Table", "BALCAO_MAX_ATTACHMENT_MB": "0", "BALCAO_DEFAULT_LANGUAGE": "fr",
            "BALCAO_LOG_LEVEL": "loud",
        ]

        #expect {
            try BalcaoConfig(environment: environment)
        } throws: { error in
            (error as? ConfigError)?.problems.count == 7
        }
    }

    @Test("The database target follows the configuration")
    func databaseTargets() throws {
        let sqlite = databaseTarget(for: try BalcaoConfig(environment: ["BALCAO_DATA_DIR": "/srv/desk"]))
        let postgres = databaseTarget(
            for: try BalcaoConfig(environment: ["BALCAO_DATABASE_URL": "postgres://u:segredo@h:5432/d"]))

        #expect(sqlite == .sqlite(file: URL(fileURLWithPath: "/srv/desk/balcao.sqlite")))
        #expect(postgres == .postgres(url: "postgres://u:segredo@h:5432/d"))
        #expect(!postgres.description.contains("segredo"))
    }
}
