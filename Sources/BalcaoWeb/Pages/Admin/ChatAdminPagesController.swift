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
    }

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
        let widget = ChatWidget(
            departmentID: id, isEnabled: form["enabled"] == "on",
            allowedOrigins: (form["origins"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init),
            greeting: HelpCenterPage.localized(form, "greeting"))
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
        for department in try await req.directorySnapshot(services).departments where department.tier == .first {
            let widget = try await services.chat.widget(for: department.id)
            rows.append(
                Row(
                    id: department.id.description, name: department.name, enabled: widget?.isEnabled ?? false,
                    origins: (widget?.allowedOrigins ?? []).joined(separator: "\n"),
                    greetings: HelpCenterPage.texts(widget?.greeting ?? LocalizedText(), l),
                    snippet: "<script src=\"\(base)/chat/widget.js\" data-department=\"\(department.id)\" async></script>"))
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
