import Vapor

func routes(_ app: Application, services: BalcaoServices) throws {
    app.get { _ in HomePage.response() }
    app.get("healthz") { _ in ["status": "ok"] }

    let api = app.grouped("api", "v1")
    try api.register(collection: OpenAPIController())
    let authenticated = api.grouped(APITokenAuthenticator(services: services), RequireAgentMiddleware())
    try authenticated.register(collection: TicketsAPIController(services: services))
    try authenticated.register(collection: ContactsAPIController(services: services))
    try authenticated.register(collection: OrganizationsAPIController(services: services))
    try authenticated.register(collection: DepartmentsAPIController(services: services))
    try authenticated.register(collection: AgentsAPIController(services: services))
    try authenticated.register(collection: AttachmentsAPIController(services: services))
    // Anything else under /api is a 404 problem, not an HTML page.
    api.get("**") { _ -> Response in throw Abort(.notFound) }
}
