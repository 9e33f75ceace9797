import BalcaoCore
import Vapor

/// `/agent/admin/chat`: each department's chat widget — on or off, the sites that may embed it, its greeting — and
/// the line to paste into a site. Admins only (`ChatService.save` checks it).
struct ChatAdminPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let chat = routes.grouped("admin", "chat")
        chat.get(use: show)
        chat.post("limits", use: saveLimits)
        chat.post(":departmentID", use: save)
    }

    struct Row: Encodable {
        let id: String
        let name: String
        let enabled: Bool
        let origins: String
        let greetings: [HelpCenterPage.LanguageText]
        let snippet: String
        let color: String
        let followsHours: Bool
        /// "Business hours: Brasil comercial" — the calendar the department's SLA and chat follow.
        let calendar: String
        let requiresName: Bool
        let fields: [Check]
        let choices: [Check]
    }

    /// A checkbox: a custom field asked before the chat, a department offered as a choice.
    struct Check: Encodable {
        let value: String
        let label: String
        let checked: Bool
    }

    static let defaultColor = "#0f5ba7"

    struct LimitRow: Encodable {
        let id: String
        let name: String
        let limit: String
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let rows: [Row]
        let limits: [LimitRow]
        let defaultLimit: String
        let error: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        try DirectoryService.requireAdmin(try req.session.agent)
        return try await render(req, error: nil)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let id = try req.id("departmentID", as: Department.ID.self)
        let form = try req.content.decode([String: String].self)
        let color = form["color"].flatMap { $0.lowercased() == Self.defaultColor ? nil : $0 }
        let widget = ChatWidget(
            departmentID: id, isEnabled: form["enabled"] == "on",
            allowedOrigins: (form["origins"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init),
            greeting: HelpCenterPage.localized(form, "greeting"), color: color,
            followsBusinessHours: form["hours"] == "on",
            prechat: ChatPrechatForm(
                requiresName: form["requires_name"] == "on",
                customFieldKeys: form.keys.filter { $0.hasPrefix("field_") }.map { String($0.dropFirst("field_".count)) }.sorted(),
                departmentChoices: form.keys.filter { $0.hasPrefix("choice_") }
                    .compactMap { Department.ID(String($0.dropFirst("choice_".count))) }))
        do {
            try await services.chat.save(widget, by: try req.session.agent)
            return req.redirect(to: "/agent/admin/chat?flash=saved#widget-\(id)", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    /// `limit_<agent id>` per agent: a number, or empty for the default.
    @Sendable func saveLimits(req: Request) async throws -> Response {
        let agent = try req.session.agent
        let form = try req.content.decode([String: String].self)
        do {
            let current = try await services.chatRouting.limits()
            for (name, value) in form where name.hasPrefix("limit_") {
                guard let id = Agent.ID(String(name.dropFirst("limit_".count))) else { continue }
                let text = value.trimmingCharacters(in: .whitespaces)
                guard let limit = text.isEmpty ? nil : Int(text), text.isEmpty || limit != nil else {
                    throw ValidationError(field: "limit", "\(text) is not a whole number")
                }
                if current[id] != limit { try await services.chatRouting.setLimit(limit, of: id, by: agent) }
            }
            return req.redirect(to: "/agent/admin/chat?flash=saved#chat-limits", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await render(req, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    private func render(_ req: Request, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: try req.session.agent)
        let base = services.config.http.baseURL
        var rows: [Row] = []
        let settings = try await services.automation.settings()
        let departments = try await req.directorySnapshot(services).departments.filter { $0.tier == .first }
        for department in departments {
            let widget = try await services.chat.widget(for: department.id)
            let choices = widget?.prechat.departmentChoices ?? []
            let fieldKeys = widget?.prechat.customFieldKeys ?? []
            rows.append(
                Row(
                    id: department.id.description, name: department.name, enabled: widget?.isEnabled ?? false,
                    origins: (widget?.allowedOrigins ?? []).joined(separator: "\n"),
                    greetings: HelpCenterPage.texts(widget?.greeting ?? LocalizedText(), l),
                    snippet: "<script src=\"\(base)/chat/widget.js\" data-department=\"\(department.id)\" async></script>",
                    color: widget?.color ?? Self.defaultColor, followsHours: widget?.followsBusinessHours ?? false,
                    calendar: settings.calendar(forDepartment: department.id).map { l.format("chat_calendar", $0.name) }
                        ?? l["chat_no_calendar"],
                    requiresName: widget?.prechat.requiresName ?? true,
                    fields: department.customFields.map {
                        Check(value: $0.key, label: $0.label, checked: fieldKeys.contains($0.key))
                    },
                    choices: departments.filter { $0.id != department.id }.map {
                        Check(value: $0.id.description, label: $0.name, checked: choices.contains($0.id))
                    }))
        }
        let limits = try await services.chatRouting.limits()
        let agents = try await req.directorySnapshot(services).agents.filter(\.isActive)
        return try await req.view.render(
            "agent/admin-chat",
            Context(
                layout: try await frame.layout(for: req, l, title: l["live_chat"]), rows: rows,
                limits: agents.map { LimitRow(id: $0.id.description, name: $0.name, limit: limits[$0.id].map(String.init) ?? "") },
                defaultLimit: l.format("chat_limit_default", "\(ChatRouting.defaultLimit)"), error: error)
        ).encodeResponse(status: status, for: req)
    }
}
