import BalcaoCore
import BalcaoStore
import Vapor

/// `/agent/settings` (own language, time zone, password) and `/agent/admin/agents` (admins create agents).
struct SettingsPagesController: RouteCollection {
    let services: BalcaoServices

    typealias Option = SelectOption

    struct SettingsContext: Encodable {
        let layout: LayoutContext
        let error: String?
        let languages: [Option]
        let timeZone: String
        let availability: [Option]
    }

    struct AgentsContext: Encodable {
        struct Row: Encodable {
            let name: String
            let email: String
            let role: String
            let departments: String
            let active: Bool
        }
        let layout: LayoutContext
        let error: String?
        let agents: [Row]
        let roles: [Option]
        let departments: [Option]
        let form: [String: String]
    }

    struct AgentForm: Content {
        let name: String?
        let email: String?
        let role: String?
        let password: String?
        let departments: [String]?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("settings", use: settings)
        routes.post("settings", use: saveSettings)
        routes.post("settings", "password", use: changePassword)
        routes.post("settings", "availability", use: saveAvailability)
        routes.get("admin", "agents", use: agents)
        routes.post("admin", "agents", use: createAgent)
    }

    @Sendable func settings(req: Request) async throws -> Response {
        try await renderSettings(req, error: nil)
    }

    @Sendable func saveSettings(req: Request) async throws -> Response {
        let session = try req.session
        let form = try req.content.decode([String: String].self)
        var fields = AgentFields()
        fields.languageTag = (form["language"] ?? "").isEmpty ? .clear : .set(form["language"]!)
        fields.timeZone = (form["time_zone"] ?? "").isEmpty ? .clear : .set(form["time_zone"]!)
        do {
            _ = try await services.people.updateAgent(session.agent.id, fields, by: session.agent)
            return req.redirect(to: "/agent/settings?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderSettings(req, error: FormError.message(error))
        }
    }

    /// Needs the current password; ends every other session of the agent, keeping this one.
    @Sendable func changePassword(req: Request) async throws -> Response {
        let session = try req.session
        let form = try req.content.decode([String: String].self)
        let l = PageFrame(services: services).localizer(for: req, agent: session.agent)
        let hash = try await services.credentials.passwordHash(for: session.agent.id) ?? ""
        guard !hash.isEmpty, try await req.password.async.verify(form["current"] ?? "", created: hash) else {
            return try await renderSettings(req, error: l["wrong_password"])
        }
        do {
            guard let newHash = try await PasswordPolicy.hash(form["new"] ?? "", on: req) else { throw Abort(.badRequest) }
            try await services.credentials.setPasswordHash(newHash, for: session.agent.id)
            try await services.sessions.endAll(of: session.agent.id)
            let (secret, _) = try await services.sessions.start(for: session.agent.id, at: services.clock.now)
            let response = req.redirect(to: "/agent/settings?flash=password_changed")
            response.cookies[SessionCookie.name] = SessionCookie.value(secret, config: services.config)
            return response
        } catch let error as ValidationError {
            return try await renderSettings(req, error: FormError.message(error))
        }
    }

    private func renderSettings(_ req: Request, error: String?) async throws -> Response {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let current = try await services.automation.availability(of: [session.agent.id])[session.agent.id] ?? .online
        let context = SettingsContext(
            layout: try await frame.layout(for: req, l, title: l["settings"]), error: error,
            languages: [Option(value: "", label: "—", selected: session.agent.languageTag == nil)]
                + SupportedLanguage.allCases.map {
                    Option(value: $0.rawValue, label: $0.rawValue, selected: session.agent.languageTag == $0.rawValue)
                },
            timeZone: session.agent.timeZone ?? "",
            availability: AgentAvailability.allCases.map {
                Option(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == current)
            })
        return try await req.view.render("agent/settings", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    /// Online, away or offline: whether round-robin and least-open assignment give this agent new tickets.
    @Sendable func saveAvailability(req: Request) async throws -> Response {
        let session = try req.session
        let form = try req.content.decode([String: String].self)
        guard let availability = form["availability"].flatMap(AgentAvailability.init) else {
            return try await renderSettings(req, error: "\(PageFrame(services: services).localizer(for: req, agent: session.agent)["availability"]): ?")
        }
        try await services.automationAdmin.setAvailability(availability, of: session.agent.id, by: session.agent)
        return req.redirect(to: "/agent/settings?flash=saved")
    }

    @Sendable func agents(req: Request) async throws -> Response {
        try await renderAgents(req, form: [:], error: nil)
    }

    @Sendable func createAgent(req: Request) async throws -> Response {
        let session = try req.session
        let form = try req.content.decode(AgentForm.self)
        let single = ["name": form.name ?? "", "email": form.email ?? "", "role": form.role ?? "", "password": form.password ?? ""]
        var fields = AgentFields()
        fields.name = form.name
        fields.email = form.email
        fields.role = form.role.flatMap(Agent.Role.init(rawValue:))
        fields.departmentIDs = (form.departments ?? []).compactMap(Department.ID.init)
        do {
            if let password = single["password"], !password.isEmpty { try PasswordPolicy.check(password) }
            let agent = try await services.people.createAgent(fields, by: session.agent)
            if let hash = try await PasswordPolicy.hash(single["password"].flatMap { $0.isEmpty ? nil : $0 }, on: req) {
                try await services.credentials.setPasswordHash(hash, for: agent.id)
            }
            return req.redirect(to: "/agent/admin/agents?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderAgents(req, form: single, error: FormError.message(error))
        }
    }

    private func renderAgents(_ req: Request, form: [String: String], error: String?) async throws -> Response {
        let session = try req.session
        guard session.agent.role == .admin else { throw DirectoryError.forbidden("only admins may do this") }
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let everything = DirectoryQuery.everything
        let departments = try await services.directory.departments(everything)
        let names = Dictionary(departments.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let context = AgentsContext(
            layout: try await frame.layout(for: req, l, title: l["agents"]), error: error,
            agents: try await services.directory.agents(everything).map {
                .init(name: $0.name, email: $0.email.value, role: l[$0.role.rawValue],
                    departments: $0.departmentIDs.compactMap { names[$0] }.joined(separator: ", "), active: $0.isActive)
            },
            roles: Agent.Role.allCases.map { Option(value: $0.rawValue, label: l[$0.rawValue], selected: $0 == .agent) },
            departments: departments.map { Option(value: $0.id.description, label: $0.name, selected: false) }, form: form)
        return try await req.view.render("agent/agents", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }
}
