import BalcaoCore
import Foundation
import Vapor

/// `/agent/admin/mail`: mailboxes (addresses, departments, IMAP polling), notification templates and the outbox.
/// Admins only; every change goes through `MailAdministration`, which checks that again.
struct MailAdminPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let mail = routes.grouped("admin", "mail")
        mail.get(use: overview)
        mail.post("mailboxes", use: createMailbox)
        mail.get("mailboxes", ":mailboxID", use: editMailbox)
        mail.post("mailboxes", ":mailboxID", use: updateMailbox)
        mail.post("mailboxes", ":mailboxID", "delete", use: deleteMailbox)
        mail.get("templates", ":kind", ":language", use: editTemplate)
        mail.post("templates", ":kind", ":language", use: saveTemplate)
        mail.post("templates", ":kind", ":language", "reset", use: resetTemplate)
        mail.post("outbox", ":outboxID", "retry", use: retry)
        mail.get("quarantine", ":quarantineID", "raw", use: downloadQuarantined)
        mail.post("quarantine", ":quarantineID", ":action", use: actOnQuarantined)
        mail.post("undeliverable", "clear", use: clearUndeliverable)
        mail.post("mailboxes", ":mailboxID", "oauth", use: beginOAuth)
        mail.get("oauth", "callback", use: finishOAuth)
    }

    /// Saves the OAuth client and sends the admin on to the provider's sign-in page — through a page that links
    /// there, because `form-action 'self'` forbids a form submission from being redirected to another origin.
    @Sendable func beginOAuth(req: Request) async throws -> Response {
        let mailbox = try await mailbox(req)
        let form = try req.content.decode([String: String].self)
        do {
            let url = try await services.mailboxOAuth.begin(
                mailbox.id, provider: OAuthForm.provider(from: form), clientID: form["client_id"] ?? "",
                clientSecret: form["client_secret"] ?? "", redirectURI: redirectURI(req), by: try req.session.agent)
            let frame = PageFrame(services: services)
            let l = frame.localizer(for: req, agent: try req.session.agent)
            struct Context: Encodable {
                let layout: LayoutContext
                let url: String
            }
            return try await req.view.render(
                "agent/admin-oauth-redirect", Context(layout: try await frame.layout(for: req, l, title: l["oauth_title"]), url: url)
            ).encodeResponse(for: req)
        } catch let error where FormError.isUserError(error) {
            return try await renderMailbox(req, id: mailbox.id, form: MailboxForm(mailbox), error: FormError.message(error))
        }
    }

    /// Where the provider sends the admin back: trade the code for tokens.
    @Sendable func finishOAuth(req: Request) async throws -> Response {
        let agent = try requireAdmin(req)
        let state = req.query[String.self, at: "state"] ?? ""
        guard let id = services.mailboxOAuth.mailboxID(in: state), let mailbox = try await services.mailStore.mailbox(id)
        else { throw MailboxOAuthError.invalidState }
        if let refusal = req.query[String.self, at: "error"] {
            let detail = req.query[String.self, at: "error_description"] ?? refusal
            return try await renderMailbox(req, id: id, form: MailboxForm(mailbox), error: "OAuth: \(detail)")
        }
        do {
            try await services.mailboxOAuth.complete(
                code: req.query[String.self, at: "code"] ?? "", state: state, redirectURI: redirectURI(req), by: agent)
            return req.redirect(to: "/agent/admin/mail/mailboxes/\(id)?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderMailbox(req, id: id, form: MailboxForm(mailbox), error: FormError.message(error))
        }
    }

    private func redirectURI(_ req: Request) -> String {
        let base = services.config.http.publicURL ?? "http://\(req.headers.first(name: .host) ?? "localhost")"
        return base + "/agent/admin/mail/oauth/callback"
    }

    @Sendable func overview(req: Request) async throws -> Response {
        try await renderOverview(req, form: MailboxForm(nil), error: nil)
    }

    @Sendable func createMailbox(req: Request) async throws -> Response {
        let form = try req.content.decode(MailboxForm.self)
        do {
            _ = try await services.mailAdmin.createMailbox(form.draft, by: try req.session.agent)
            return req.redirect(to: "/agent/admin/mail?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderOverview(req, form: form, error: FormError.message(error))
        }
    }

    @Sendable func editMailbox(req: Request) async throws -> Response {
        let mailbox = try await mailbox(req)
        return try await renderMailbox(req, id: mailbox.id, form: MailboxForm(mailbox), error: nil)
    }

    @Sendable func updateMailbox(req: Request) async throws -> Response {
        let id = try await mailbox(req).id
        let form = try req.content.decode(MailboxForm.self)
        do {
            _ = try await services.mailAdmin.updateMailbox(id, form.draft, by: try req.session.agent)
            return req.redirect(to: "/agent/admin/mail?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderMailbox(req, id: id, form: form, error: FormError.message(error))
        }
    }

    @Sendable func deleteMailbox(req: Request) async throws -> Response {
        try await services.mailAdmin.deleteMailbox(try await mailbox(req).id, by: try req.session.agent)
        return req.redirect(to: "/agent/admin/mail?flash=saved")
    }

    @Sendable func editTemplate(req: Request) async throws -> Response {
        let (kind, language) = try templateKey(req)
        let (template, edited) = try await services.mailAdmin.template(kind, language)
        return try await renderTemplate(req, template, edited: edited, error: nil)
    }

    @Sendable func saveTemplate(req: Request) async throws -> Response {
        let (kind, language) = try templateKey(req)
        let form = try req.content.decode([String: String].self)
        let template = NotificationTemplate(
            kind: kind, language: language, subject: form["subject"] ?? "", body: form["body"] ?? "")
        do {
            try await services.mailAdmin.saveTemplate(template, by: try req.session.agent)
            return req.redirect(to: "/agent/admin/mail?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderTemplate(req, template, edited: true, error: FormError.message(error))
        }
    }

    @Sendable func resetTemplate(req: Request) async throws -> Response {
        let (kind, language) = try templateKey(req)
        try await services.mailAdmin.resetTemplate(kind, language, by: try req.session.agent)
        return req.redirect(to: "/agent/admin/mail?flash=saved")
    }

    @Sendable func retry(req: Request) async throws -> Response {
        guard let id = req.parameters.get("outboxID").flatMap(OutboxMail.ID.init) else { throw Abort(.notFound) }
        _ = try await services.mailAdmin.retry(id, by: try req.session.agent)
        return req.redirect(to: "/agent/admin/mail?outbox=pending&flash=saved")
    }

    /// The held mail as it arrived, as a download (never rendered in our origin).
    @Sendable func downloadQuarantined(req: Request) async throws -> Response {
        _ = try requireAdmin(req)
        guard let id = req.parameters.get("quarantineID").flatMap(QuarantinedMail.ID.init),
            let held = try await services.mailStore.quarantinedMail(id)
        else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "message/rfc822")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"quarantined-\(id).eml\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: held.raw))
    }

    /// `retry` runs the mail through the intake again, `accept` creates the ticket whatever its size or sender,
    /// `dismiss` deletes it.
    @Sendable func actOnQuarantined(req: Request) async throws -> Response {
        let agent = try requireAdmin(req)
        guard let id = req.parameters.get("quarantineID").flatMap(QuarantinedMail.ID.init) else {
            throw Abort(.notFound)
        }
        switch req.parameters.get("action") {
        case "retry": _ = try await services.mailAdmin.release(id, force: false, by: agent)
        case "accept": _ = try await services.mailAdmin.release(id, force: true, by: agent)
        case "dismiss": try await services.mailAdmin.dismiss(id, by: agent)
        default: throw Abort(.notFound)
        }
        return req.redirect(to: "/agent/admin/mail?flash=saved")
    }

    @Sendable func clearUndeliverable(req: Request) async throws -> Response {
        let agent = try requireAdmin(req)
        let form = try req.content.decode([String: String].self)
        try await services.mailAdmin.clearUndeliverable(form["email"] ?? "", by: agent)
        return req.redirect(to: "/agent/admin/mail?flash=saved")
    }

    // MARK: - Pages

    private func renderOverview(_ req: Request, form: MailboxForm, error: String?) async throws -> Response {
        let agent = try requireAdmin(req)
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        let snapshot = try await req.directorySnapshot(services)
        let filter = (try? req.query.get(String.self, at: "outbox")).flatMap(OutboxFilter.init) ?? .all
        let counts = try await services.outbox.outboxCounts()
        let edited = try await services.mailStore.templates()
        let context = MailAdminContext(
            layout: try await frame.layout(for: req, l, title: l["email_channel"]), error: error,
            mailboxes: try await services.mailStore.mailboxes().map { mailbox in
                .init(
                    id: mailbox.id.description, address: mailbox.address.value, displayName: mailbox.displayName,
                    department: mailbox.departmentID.flatMap { snapshot.departmentNames[$0] } ?? l["no_department"],
                    imap: mailbox.imap.map { "\($0.username)@\($0.host):\($0.port)/\($0.folder)" } ?? "—",
                    active: mailbox.isActive, lastPoll: mailbox.lastPolledAt.map(l.dateTime) ?? l["never"],
                    lastError: mailbox.lastError)
            },
            form: form, departments: departmentOptions(snapshot, selected: form.department, l),
            securities: securityOptions(selected: form.imap_security),
            templates: NotificationTemplate.Kind.editable.map { kind in
                .init(
                    kind: l["template_\(kind.rawValue)"],
                    links: SupportedLanguage.allCases.map { language in
                        .init(
                            label: language.rawValue, url: "/agent/admin/mail/templates/\(kind.rawValue)/\(language.rawValue)",
                            edited: edited.contains { $0.kind == kind && $0.language == language })
                    })
            },
            smtpConfigured: services.config.mail.smtp != nil,
            outboxFilters: OutboxFilter.allCases.map { option in
                let count = option == .all ? nil : OutboxMail.State(rawValue: option.rawValue).flatMap { counts[$0] }
                return .init(
                    label: option == .all ? "∗" : l["outbox_\(option.rawValue)"],
                    url: "/agent/admin/mail?outbox=\(option.rawValue)", count: count.map { " (\($0))" } ?? "",
                    current: option == filter)
            },
            quarantine: try await services.mailStore.quarantined(limit: 100).map { held in
                .init(
                    id: held.id.description, received: l.dateTime(held.receivedAt), sender: held.sender ?? "—",
                    subject: held.subject, reason: held.reason, size: ByteCountFormatter.string(fromByteCount: Int64(held.size), countStyle: .file))
            },
            undeliverable: try await services.mailStore.undeliverableAddresses(at: services.clock.now).map {
                .init(email: $0.email, until: l.dateTime($0.until), reason: $0.reason)
            },
            outbox: try await services.outbox.outbox(filter, limit: 100).map { mail in
                .init(
                    id: mail.id.description, created: l.dateTime(mail.createdAt),
                    recipients: mail.recipients.joined(separator: ", "), subject: mail.subject, state: mail.state.rawValue,
                    stateLabel: l["outbox_\(mail.state.rawValue)"], attempts: mail.attempts, lastError: mail.lastError,
                    canRetry: mail.state == .failed)
            })
        return try await req.view.render("agent/admin-mail", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    private func renderMailbox(_ req: Request, id: Mailbox.ID, form: MailboxForm, error: String?) async throws
        -> Response
    {
        let agent = try requireAdmin(req)
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        let snapshot = try await req.directorySnapshot(services)
        let connection = try await services.mailStore.mailbox(id)?.imap?.oauth
        let context = MailboxEditContext(
            layout: try await frame.layout(for: req, l, title: l["edit_mailbox"]), error: error, id: id.description,
            form: form, departments: departmentOptions(snapshot, selected: form.department, l),
            securities: securityOptions(selected: form.imap_security),
            oauth: OAuthForm(
                connection, connectedText: connection?.connectedAt.map { l.format("oauth_connected", l.dateTime($0)) },
                redirectURI: redirectURI(req)))
        return try await req.view.render("agent/admin-mailbox", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    private func renderTemplate(_ req: Request, _ template: NotificationTemplate, edited: Bool, error: String?)
        async throws -> Response
    {
        let agent = try requireAdmin(req)
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        let title = "\(l["template_\(template.kind.rawValue)"]) · \(template.language.rawValue)"
        let context = TemplateEditContext(
            layout: try await frame.layout(for: req, l, title: title), error: error, title: title,
            url: "/agent/admin/mail/templates/\(template.kind.rawValue)/\(template.language.rawValue)",
            subject: template.subject, body: template.body,
            placeholders: template.kind.placeholders.map { "{{\($0)}}" }, edited: edited)
        return try await req.view.render("agent/admin-template", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    // MARK: - Helpers

    private func requireAdmin(_ req: Request) throws -> Agent {
        let agent = try req.session.agent
        try DirectoryService.requireAdmin(agent)
        return agent
    }

    private func mailbox(_ req: Request) async throws -> Mailbox {
        _ = try requireAdmin(req)
        guard let id = req.parameters.get("mailboxID").flatMap(Mailbox.ID.init),
            let mailbox = try await services.mailStore.mailbox(id)
        else { throw Abort(.notFound) }
        return mailbox
    }

    private func templateKey(_ req: Request) throws -> (NotificationTemplate.Kind, SupportedLanguage) {
        _ = try requireAdmin(req)
        guard let kind = req.parameters.get("kind").flatMap(NotificationTemplate.Kind.init),
            NotificationTemplate.Kind.editable.contains(kind),
            let language = req.parameters.get("language").flatMap(SupportedLanguage.init(rawValue:))
        else { throw Abort(.notFound) }
        return (kind, language)
    }

    private func departmentOptions(_ snapshot: DirectorySnapshot, selected: String?, _ l: Localizer) -> [SelectOption] {
        [SelectOption(value: "", label: l["no_department"], selected: (selected ?? "").isEmpty)]
            + snapshot.departments.map {
                SelectOption(value: $0.id.description, label: $0.name, selected: $0.id.description == selected)
            }
    }

    private func securityOptions(selected: String?) -> [SelectOption] {
        IMAPSettings.Security.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.rawValue.uppercased(), selected: $0.rawValue == selected)
        }
    }
}
