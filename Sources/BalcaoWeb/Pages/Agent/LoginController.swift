import BalcaoCore
import BalcaoStore
import Vapor

/// `/login` and `/logout`. The sign-in form is protected by a double-submit CSRF cookie (there is no session yet);
/// failures are throttled per email and per client address.
struct LoginController: RouteCollection {
    let services: BalcaoServices

    struct LoginContext: Encodable {
        let t: [String: String]
        let lang: String
        let csrf: String
        let next: String
        let email: String
        let error: String?
    }

    struct LoginForm: Content {
        let email: String?
        let password: String?
        let _csrf: String?
        let next: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: show)
        routes.post("login", use: signIn)
        routes.grouped(AgentSessionMiddleware(services: services), CSRFMiddleware()).post("logout", use: signOut)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, email: "", next: (try? req.query.get(String.self, at: "next")) ?? "", error: nil)
    }

    @Sendable func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let l = PageFrame(services: services).localizer(for: req, agent: nil)
        let email = form.email?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let next = Self.safeNext(form.next)
        guard let cookie = req.cookies[SessionCookie.csrfName]?.string, let sent = form._csrf,
            CSRFMiddleware.constantTimeEquals(cookie, sent)
        else { return try await render(req, email: email, next: next, error: l["session_expired"], status: .forbidden) }
        let address = req.remoteAddress?.ipAddress ?? "unknown"
        let now = services.clock.now
        if case .locked(let retryAfter) = await services.loginGuard.check(email: email, address: address, now: now) {
            let minutes = String(max(1, Int((retryAfter / 60).rounded(.up))))
            return try await render(req, email: email, next: next, error: l.format("login_locked", minutes), status: .tooManyRequests)
        }
        guard let agent = try await verifiedAgent(email: email, password: form.password ?? "", on: req) else {
            await services.loginGuard.failed(email: email, address: address, now: now)
            return try await render(req, email: email, next: next, error: l["login_failed"], status: .unauthorized)
        }
        await services.loginGuard.succeeded(email: email, address: address)
        let (secret, _) = try await services.sessions.start(for: agent.id, at: now)
        let response = req.redirect(to: next ?? "/agent", redirectType: .normal)
        response.cookies[SessionCookie.name] = SessionCookie.value(secret, config: services.config)
        return response
    }

    @Sendable func signOut(req: Request) async throws -> Response {
        try await services.sessions.end(secret: try req.session.secret)
        let response = req.redirect(to: "/login", redirectType: .normal)
        response.cookies[SessionCookie.name] = SessionCookie.value("", config: services.config, maxAge: 0)
        return response
    }

    /// The agent whose password matches; bcrypt runs off the event loop. Unknown emails cost a hash too, so
    /// timing does not tell which addresses exist.
    private func verifiedAgent(email: String, password: String, on req: Request) async throws -> Agent? {
        let agent = try await EmailAddress(email).asyncFlatMap { try await services.directory.agent(email: $0) }
        let hash = try await agent.asyncFlatMap { try await services.credentials.passwordHash(for: $0.id) }
        let matches = try await req.password.async.verify(password, created: hash ?? Self.decoyHash)
        guard let agent, hash != nil, matches, agent.isActive else { return nil }
        return agent
    }

    /// A bcrypt hash of a random string, verified against when the email is unknown (made once, on first use).
    static let decoyHash: String = (try? Bcrypt.hash(Hex.random(bytes: 24))) ?? ""

    private func render(
        _ req: Request, email: String, next: String?, error: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let l = PageFrame(services: services).localizer(for: req, agent: nil)
        let csrf = req.cookies[SessionCookie.csrfName]?.string ?? Hex.random(bytes: 24)
        let context = LoginContext(
            t: l.all, lang: l.language.rawValue, csrf: csrf, next: Self.safeNext(next) ?? "", email: email, error: error)
        let response = try await req.view.render("login", context).encodeResponse(status: status, for: req)
        response.cookies[SessionCookie.csrfName] = SessionCookie.value(csrf, config: services.config, maxAge: 3600)
        return response
    }

    /// Only local agent pages are valid targets after sign-in (no open redirects).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/agent"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }
}

