import BalcaoCore
import Foundation

extension BalcaoConfig {
    /// Reads `BALCAO_SMTP_HOST`, `BALCAO_SMTP_PORT`, `BALCAO_SMTP_SECURITY`, `BALCAO_SMTP_USERNAME`,
    /// `BALCAO_SMTP_PASSWORD`, `BALCAO_SMTP_CA_FILE`, `BALCAO_MAIL_FROM`, `BALCAO_MAIL_DOMAIN`, `BALCAO_IMAP_CA_FILE`,
    /// `BALCAO_MAIL_UNDELIVERABLE_DAYS`, `BALCAO_MAIL_WORKERS`.
    mutating func readMail(_ value: (String) -> String?, into problems: inout [String]) {
        if let host = value("BALCAO_SMTP_HOST") {
            let security = value("BALCAO_SMTP_SECURITY")?.lowercased() ?? "starttls"
            if !["none", "starttls", "tls"].contains(security) {
                problems.append("BALCAO_SMTP_SECURITY must be none, starttls or tls, got \(security)")
            }
            var port = security == "tls" ? 465 : 587
            if let raw = value("BALCAO_SMTP_PORT") {
                if let number = Int(raw), (1...65535).contains(number) { port = number } else {
                    problems.append("BALCAO_SMTP_PORT must be a port number (1–65535), got \(raw)")
                }
            }
            let caFile = value("BALCAO_SMTP_CA_FILE")
            if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
                problems.append("BALCAO_SMTP_CA_FILE must be a readable PEM file, got \(caFile)")
            }
            mail.smtp = Mail.SMTP(
                host: host, port: port, security: security, username: value("BALCAO_SMTP_USERNAME"),
                password: value("BALCAO_SMTP_PASSWORD"), caFile: caFile)
        }
        if let from = value("BALCAO_MAIL_FROM") {
            if Self.senderAddress(from) == nil {
                problems.append("BALCAO_MAIL_FROM must be an address or Name <address>, got \(from)")
            } else {
                mail.from = from
            }
        }
        mail.messageIDDomain = value("BALCAO_MAIL_DOMAIN")
        if let caFile = value("BALCAO_IMAP_CA_FILE") {
            if FileManager.default.isReadableFile(atPath: caFile) { mail.imapCAFile = caFile } else {
                problems.append("BALCAO_IMAP_CA_FILE must be a readable PEM file, got \(caFile)")
            }
        }
        if let days = value("BALCAO_MAIL_UNDELIVERABLE_DAYS") {
            if let number = Int(days), (1...3650).contains(number) { mail.undeliverableDays = number } else {
                problems.append("BALCAO_MAIL_UNDELIVERABLE_DAYS must be a whole number of days from 1 to 3650, got \(days)")
            }
        }
        if let workers = value("BALCAO_MAIL_WORKERS") {
            if let on = Self.onOff(workers) { mail.runsWorkers = on } else {
                problems.append("BALCAO_MAIL_WORKERS must be on or off, got \(workers)")
            }
        }
    }

    /// Splits `Name <address>` (or a bare address) into its parts.
    static func senderAddress(_ text: String) -> (name: String?, address: String)? {
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            let address = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            let name = text[..<open].trimmingCharacters(in: CharacterSet(charactersIn: "\" \t"))
            guard EmailAddress(address) != nil else { return nil }
            return (name.isEmpty ? nil : name, address)
        }
        return EmailAddress(text) == nil ? nil : (nil, text.trimmingCharacters(in: .whitespaces))
    }
}

extension BalcaoConfig.Mail {
    /// The notifier's settings: sender, Message-ID domain (configured, else the sender's, else the public URL's
    /// host) and the language for contacts without one.
    func settings(publicURL: String?, language: String) -> MailSettings {
        let sender = from.flatMap(BalcaoConfig.senderAddress).map { MailAddress(name: $0.name, address: $0.address) }
        return MailSettings(
            defaultSender: sender, messageIDDomain: heloName(publicURL: publicURL),
            defaultLanguage: SupportedLanguage(matching: language) ?? .portugueseBrazil)
    }

    /// The name Balcão gives itself in Message-IDs and SMTP EHLO.
    func heloName(publicURL: String?) -> String {
        if let messageIDDomain { return messageIDDomain }
        if let address = from.flatMap(BalcaoConfig.senderAddress)?.address, let at = address.lastIndex(of: "@") {
            return String(address[address.index(after: at)...])
        }
        return publicURL.flatMap { URL(string: $0)?.host } ?? "balcao.localhost"
    }
}
