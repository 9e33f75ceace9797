import Foundation

extension MailNotifier: MailboxAlerting {
    /// Mails every active admin (in their language) that a mailbox keeps failing.
    public func mailboxFailing(_ mailbox: Mailbox, error: String, failures: Int) async throws {
        guard let desk = try await sender(forDepartment: nil) else { return }
        var query = DirectoryQuery.everything
        query.search = nil
        for admin in try await directory.agents(query) where admin.role == .admin && admin.isActive {
            let language = admin.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? settings.defaultLanguage
            let rendered = try await template(.mailboxFailing, language).render(
                TemplateValues(text: [
                    "mailbox.address": mailbox.address.value, "error": String(error.prefix(500)),
                    "failures": String(failures),
                ]))
            try await putDeskMail(rendered, kind: .mailboxFailing, from: desk, to: MailAddress(name: admin.name, address: admin.email.value))
        }
    }
}

extension MailNotifier {
    /// Mails each supervisor (in their language) that tickets arrive well above the usual.
    public func demandSpike(
        _ alert: SpikeAlert, series: String, examples: [Ticket], to supervisors: [Agent], alertsURL: String
    ) async throws {
        guard let desk = try await sender(forDepartment: nil) else { return }
        let list = examples.map { "#\($0.number) \($0.subject)" }.joined(separator: "\n")
        for agent in supervisors {
            let language = agent.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? settings.defaultLanguage
            let rendered = try await template(.demandSpike, language).render(
                TemplateValues(text: [
                    "desk.name": desk.name ?? "Balcão", "alert.series": series, "alert.observed": String(alert.observed),
                    "alert.expected": String(format: "%.0f", alert.expected), "alert.examples": list,
                    "alert.url": alertsURL,
                ]))
            try await putDeskMail(rendered, kind: .demandSpike, from: desk, to: MailAddress(name: agent.name, address: agent.email.value))
        }
    }
}

extension MailNotifier {
    /// Mails the weekly quality digest to each address (in the desk's language).
    public func qualityDigest(_ report: QualityReport, to recipients: [EmailAddress], reportURL: String) async throws {
        guard let desk = try await sender(forDepartment: nil), !recipients.isEmpty else { return }
        let lines = report.lines.map { line in
            let arrow = switch line.trend { case .up: "▲"; case .down: "▼"; case .new: "✦"; case .flat: "=" }
            return "\(arrow) \(line.label): \(line.count) (\(line.previous))"
        }
        let rendered = try await template(.qualityDigest, settings.defaultLanguage).render(
            TemplateValues(text: [
                "desk.name": desk.name ?? "Balcão", "report": lines.isEmpty ? "—" : lines.joined(separator: "\n"),
                "report.url": reportURL,
            ]))
        for address in recipients {
            try await putDeskMail(rendered, kind: .qualityDigest, from: desk, to: MailAddress(name: nil, address: address.value))
        }
    }
}

extension MailNotifier {
    /// Queues a mail the desk writes to its own people (alerts, digests): no ticket, the desk's sender.
    func putDeskMail(_ rendered: RenderedNotification, kind: NotificationTemplate.Kind, from desk: MailAddress, to recipient: MailAddress)
        async throws
    {
        var outgoing = OutgoingMail(
            from: desk, to: [recipient], subject: rendered.subject,
            messageID: MailComposer.newMessageID(domain: settings.messageIDDomain), date: clock.now,
            text: rendered.text, html: rendered.html)
        outgoing.extraHeaders = headers(for: kind)
        _ = try await put(outgoing, purpose: kind, ticket: nil, envelopeFrom: desk.address)
    }
}
