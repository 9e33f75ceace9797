import BalcaoCore
import Vapor

/// `/agent/announcements`: notices for the portal's banner, optionally mailed to their audience. Supervisors and
/// admins publish (`Announcements` checks it); every agent can see what users are being told.
struct AnnouncementsPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let announcements = routes.grouped("announcements")
        announcements.get(use: list)
        announcements.post(use: save)
        announcements.post(":announcementID", "delete", use: delete)
        announcements.post(":announcementID", "email", use: email)
    }

    struct Row: Encodable {
        let id: String
        let title: String
        let audience: String
        let window: String
        let isRunning: Bool
        let emailed: String?
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let rows: [Row]
        let audiences: [SelectOption]
        let titles: [HelpCenterPage.LanguageText]
        let bodies: [HelpCenterPage.LanguageText]
        let startsAt: String
        let endsAt: String
        let error: String?
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await render(req, form: [:], error: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        let agent = try req.session.agent
        let l = PageFrame(services: services).localizer(for: req, agent: agent)
        do {
            guard let startsAt = Self.date(form["starts_at"], l) ?? (form["starts_at"]?.isEmpty != false ? services.clock.now : nil)
            else { throw ValidationError(field: "startsAt", "is not a date and time") }
            let endsAt = Self.date(form["ends_at"], l)
            if endsAt == nil, form["ends_at"]?.isEmpty == false { throw ValidationError(field: "endsAt", "is not a date and time") }
            let announcement = Announcement(
                title: HelpCenterPage.localized(form, "title"), body: HelpCenterPage.localized(form, "body"),
                audience: Self.audience(form["audience"]) ?? .everyone, startsAt: startsAt, endsAt: endsAt,
                createdAt: services.clock.now)
            try await services.announcements.save(announcement, by: agent)
            if form["email"] == "on" { startMailing(announcement.id, by: agent, req) }
            return req.redirect(to: "/agent/announcements?flash=saved", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, form: form, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    @Sendable func delete(req: Request) async throws -> Response {
        let id = try req.id("announcementID", as: Announcement.ID.self)
        try await services.announcements.delete(id, by: try req.session.agent)
        return req.redirect(to: "/agent/announcements?flash=saved", redirectType: .normal)
    }

    @Sendable func email(req: Request) async throws -> Response {
        let id = try req.id("announcementID", as: Announcement.ID.self)
        let agent = try req.session.agent
        try HelpCenter.requireManager(agent)
        guard try await services.announcements.all().contains(where: { $0.id == id }) else {
            throw HelpCenterError.announcementNotFound(id)
        }
        startMailing(id, by: agent, req)
        return req.redirect(to: "/agent/announcements?flash=announcement_mailing", redirectType: .normal)
    }

    /// Mailing a large audience takes a while: it runs after the answer, and the outbox page shows the mail.
    private func startMailing(_ id: Announcement.ID, by agent: Agent, _ req: Request) {
        let (announcements, notifier, portalURL) = (services.announcements, services.notifier, services.config.portalURL)
        let language = SupportedLanguage(matching: services.config.defaultLanguage) ?? .portugueseBrazil
        let logger = req.logger
        Task {
            do {
                let queued = try await announcements.email(
                    id, portalURL: portalURL, defaultLanguage: language, via: notifier, by: agent)
                logger.info("Announcement \(id) mailed to \(queued) contacts")
            } catch {
                logger.report(error: error)
            }
        }
    }

    private func render(_ req: Request, form: [String: String], error: String?, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let agent = try req.session.agent
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        let departments = try await req.directorySnapshot(services).departments
        let now = services.clock.now
        let rows = try await services.announcements.all().map { notice in
            Row(
                id: notice.id.description, title: notice.title.best(for: l.language)?.text ?? "",
                audience: Self.label(notice.audience, departments, l),
                window: l.dateTime(notice.startsAt) + " – " + (notice.endsAt.map(l.dateTime) ?? l["until_removed"]),
                isRunning: notice.isRunning(at: now), emailed: notice.emailedAt.map(l.dateTime))
        }
        let audiences: [(Announcement.Audience, String)] =
            [(.everyone, l["audience_everyone"]), (.customers, l["audience_customers"]), (.employees, l["audience_employees"])]
            + departments.map { (.department($0.id), l.format("audience_department", $0.name)) }
        let chosen = form["audience"] ?? "everyone"
        let local = LocalizedText()
        return try await req.view.render(
            "agent/announcements",
            Context(
                layout: try await frame.layout(for: req, l, title: l["announcements"]), rows: rows,
                audiences: audiences.map {
                    SelectOption(value: Self.value($0.0), label: $0.1, selected: Self.value($0.0) == chosen)
                },
                titles: HelpCenterPage.texts(form.isEmpty ? local : HelpCenterPage.localized(form, "title"), l),
                bodies: HelpCenterPage.texts(form.isEmpty ? local : HelpCenterPage.localized(form, "body"), l),
                startsAt: form["starts_at"] ?? "", endsAt: form["ends_at"] ?? "", error: error)
        ).encodeResponse(status: status, for: req)
    }

    static func value(_ audience: Announcement.Audience) -> String {
        switch audience {
        case .everyone: "everyone"
        case .customers: "customers"
        case .employees: "employees"
        case .department(let id): "department:\(id)"
        }
    }

    static func audience(_ value: String?) -> Announcement.Audience? {
        switch value {
        case "everyone": .everyone
        case "customers": .customers
        case "employees": .employees
        case let value?:
            value.hasPrefix("department:")
                ? Department.ID(String(value.dropFirst("department:".count))).map { .department($0) } : nil
        case nil: nil
        }
    }

    static func label(_ audience: Announcement.Audience, _ departments: [Department], _ l: Localizer) -> String {
        switch audience {
        case .everyone: l["audience_everyone"]
        case .customers: l["audience_customers"]
        case .employees: l["audience_employees"]
        case .department(let id): l.format("audience_department", departments.first { $0.id == id }?.name ?? "—")
        }
    }

    /// A `datetime-local` value ("2026-12-07T18:30"), read in the agent's time zone.
    static func date(_ text: String?, _ l: Localizer) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = l.timeZone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
