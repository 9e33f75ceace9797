import BalcaoCore
import Vapor

func routes(_ app: Application, services: BalcaoServices) throws {
    // The root is the portal: customers arrive there; agents have /agent (linked from the portal's footer).
    app.get { req in req.redirect(to: services.config.http.portalPath) }
    app.get("healthz") { _ in ["status": "ok"] }

    let api = app.grouped("api", "v1").grouped(ProblemMiddleware())
    try api.register(collection: OpenAPIController())
    let authenticated = api.grouped(APITokenAuthenticator(services: services), RequireAgentMiddleware())
    try authenticated.register(collection: TicketsAPIController(services: services))
    try authenticated.register(collection: ContactsAPIController(services: services))
    try authenticated.register(collection: OrganizationsAPIController(services: services))
    try authenticated.register(collection: DepartmentsAPIController(services: services))
    try authenticated.register(collection: AgentsAPIController(services: services))
    try authenticated.register(collection: AttachmentsAPIController(services: services))
    try authenticated.register(collection: InboundEmailAPIController(services: services))
    try authenticated.register(collection: AutomationAPIController(services: services))
    try authenticated.register(collection: ChatAPIController(services: services))
    try authenticated.register(collection: QualityAPIController(services: services))
    try authenticated.register(collection: HelpCenterAPIController(services: services))
    try authenticated.register(collection: AnnouncementsAPIController(services: services))
    // Anything else under /api is a 404 problem, not an HTML page.
    api.get("**") { _ -> Response in throw Abort(.notFound) }

    let pages = app.routes
    try pages.register(collection: LoginController(services: services))
    let agent = pages.grouped("agent").grouped(AgentSessionMiddleware(services: services), CSRFMiddleware())
    try agent.register(collection: QueuePageController(services: services))
    try agent.register(collection: TicketPageController(services: services))
    try agent.register(collection: DeskPagesController(services: services))
    try agent.register(collection: SettingsPagesController(services: services))
    try agent.register(collection: MailAdminPagesController(services: services))
    try agent.register(collection: AutomationAdminPagesController(services: services))
    try agent.register(collection: NotificationsPageController(services: services))
    try agent.register(collection: HelpCenterPagesController(services: services))
    try agent.register(collection: AnnouncementsPagesController(services: services))
    try agent.register(collection: PortalAdminPagesController(services: services))
    try agent.register(collection: ChatAdminPagesController(services: services))
    try agent.register(collection: QualityAdminPagesController(services: services))
    try agent.register(collection: ProblemPagesController(services: services))
    try agent.register(collection: IncidentHistoryPagesController(services: services))
    try agent.register(collection: SpikeAlertsPagesController(services: services))
    try agent.register(collection: QualityReportPagesController(services: services))
    try agent.register(collection: ReportsPagesController(services: services))

    // The portal, at its configured path (`/help`): open to visitors, its forms CSRF-protected.
    let portal = services.config.http.portalPath.split(separator: "/")
        .reduce(pages as any RoutesBuilder) { $0.grouped(PathComponent(stringLiteral: String($1))) }
        .grouped(PortalSessionMiddleware(services: services), PortalCSRFMiddleware())
    try portal.register(collection: PortalHelpController(services: services))
    try portal.register(collection: PortalAccountController(services: services))
    try portal.register(collection: PortalRequestsController(services: services))
    try portal.register(collection: PortalBrandController(services: services))

    // The chat widget's socket: open to any page (the widget's allowed origins are checked on start).
    let chat = ChatSocket(services: services)
    try app.grouped(ProblemMiddleware()).register(collection: ChatFiles(services: services))
    app.webSocket("chat", "socket", maxFrameSize: .init(integerLiteral: ChatClientFrame.maxFrameBytes * 2)) { req, ws in
        chat.handle(req: req, ws: ws)
    }

    let socket = AgentSocket(services: services)
    app.grouped(AgentSessionMiddleware(services: services)).webSocket("ws", "agent") { req, ws in
        await socket.handle(req: req, ws: ws)
    }
}
