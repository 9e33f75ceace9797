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
            var outgoing = OutgoingMail(
                from: desk, to: [MailAddress(name: admin.name, address: admin.email.value)], subject: rendered.subject,
                messageID: MailComposer.newMessageID(domain: settings.messageIDDomain), date: clock.now,
                text: rendered.text, html: rendered.html)
            outgoing.extraHeaders = headers(for: .mailboxFailing)
            _ = try await put(outgoing, purpose: .mailboxFailing, ticket: nil, envelopeFrom: desk.address)
        }
    }
}
