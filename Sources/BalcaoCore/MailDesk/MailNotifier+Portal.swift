import Foundation

extension MailNotifier: PortalMailer, AnnouncementMailer {
    /// The sign-in or sign-up link. Counted as automatic mail, so the caps per address also stop anyone using the
    /// form to flood someone's inbox.
    public func sendLink(
        _ purpose: PortalLink.Purpose, url: String, to recipient: MailAddress, language: SupportedLanguage
    ) async throws {
        let kind: NotificationTemplate.Kind = purpose == .signIn ? .portalSignIn : .portalSignUp
        _ = try await send(
            kind, to: recipient, language: language,
            values: ["requester.name": recipient.name ?? recipient.address, "link": url])
    }

    /// One announcement mail to one contact.
    public func sendAnnouncement(
        title: String, body: String, portalURL: String, to recipient: MailAddress, language: SupportedLanguage
    ) async throws -> Bool {
        try await send(
            .announcement, to: recipient, language: language,
            values: [
                "requester.name": recipient.name ?? recipient.address, "announcement.title": title,
                "announcement.body": body, "portal.url": portalURL,
            ]) != nil
    }

    /// A chat's transcript to its visitor, threaded to the ticket so an answer by mail lands on it.
    @discardableResult
    public func chatTranscript(_ lines: [ChatLine], of ticket: Ticket, to recipient: MailAddress, language: SupportedLanguage)
        async throws -> OutboxMail?
    {
        guard try await mayWrite(to: recipient.address, automatic: true, ticket: ticket.id),
            let desk = try await sender(for: ticket)
        else { return nil }
        let deskName = try await deskName(for: ticket, desk: desk)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "dd/MM HH:mm 'UTC'"
        let transcript = lines.map { "[\(formatter.string(from: $0.at))] \($0.name): \($0.text)" }.joined(separator: "\n")
        let rendered = try await template(.chatTranscript, language).render(
            TemplateValues(text: [
                "requester.name": recipient.name ?? recipient.address, "desk.name": deskName,
                "ticket.number": ticket.number.description, "transcript": transcript,
            ]))
        return try await threaded(
            rendered, kind: .chatTranscript, for: ticket, to: recipient,
            from: MailAddress(name: deskName, address: desk.address), replyTo: desk, reply: nil)
    }

    /// A mail from the desk's default address that threads to no ticket.
    private func send(
        _ kind: NotificationTemplate.Kind, to recipient: MailAddress, language: SupportedLanguage,
        values: [String: String]
    ) async throws -> OutboxMail? {
        guard try await mayWrite(to: recipient.address, automatic: kind.isAutomatic, ticket: nil),
            let desk = try await sender(forDepartment: nil)
        else { return nil }
        var values = values
        values["desk.name"] = desk.name ?? desk.address
        let rendered = try await template(kind, language).render(TemplateValues(text: values))
        var outgoing = OutgoingMail(
            from: desk, to: [recipient], subject: rendered.subject,
            messageID: MailComposer.newMessageID(domain: settings.messageIDDomain), date: clock.now,
            text: rendered.text, html: rendered.html)
        outgoing.extraHeaders = headers(for: kind)
        return try await put(outgoing, purpose: kind, ticket: nil, envelopeFrom: desk.address)
    }
}
