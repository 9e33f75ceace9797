import BalcaoCore
import BalcaoStore
import Vapor

/// The signed-in agent of a page request, with the session's CSRF token.
struct AgentSession: Sendable {
    let agent: Agent
    let csrfToken: String
    let secret: String
}

extension Request {
    private struct AgentSessionKey: StorageKey { typealias Value = AgentSession }

    var agentSession: AgentSession? {
        get { storage[AgentSessionKey.self] }
        set { storage[AgentSessionKey.self] = newValue }
    }

    /// The page session; routes behind `AgentSessionMiddleware` always have one.
    var session: AgentSession {
        get throws {
            guard let session = agentSession else { throw Abort(.unauthorized) }
            return session
        }
    }
}

enum SessionCookie {
    static let name = "balcao_session"
    static let csrfName = "balcao_csrf"

    /// HttpOnly, SameSite=Lax; Secure when Balcão is served over HTTPS.
    static func value(_ secret: String, config: BalcaoConfig, maxAge: Int? = 12 * 3600) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: secret, maxAge: maxAge, path: "/", isSecure: config.http.publicURL?.hasPrefix("https://") ?? false,
            isHTTPOnly: true, sameSite: .lax)
    }
}

/// Loads the session from the cookie; pages without one redirect to the sign-in page, fragments answer 401.
struct AgentSessionMiddleware: Middleware {
    let services: BalcaoServices

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // The rest of the chain continues from the lookup's future: no task waits on it (see `Request.task`).
        request.task { try await session(for: request) }.flatMap { session in
            if let session {
                request.agentSession = session
                return next.respond(to: request)
            }
            let isUpgrade = request.headers.first(name: .upgrade)?.lowercased() == "websocket"
            if request.method == .GET && request.headers.first(name: "X-Requested-With") == nil && !isUpgrade {
                let target = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
                let encoded = target.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(.init(charactersIn: "&=?"))) ?? "/agent"
                return request.eventLoop.makeSucceededFuture(request.redirect(to: "/login?next=\(encoded)"))
            }
            return request.eventLoop.makeFailedFuture(Abort(.unauthorized))
        }
    }

    private func session(for request: Request) async throws -> AgentSession? {
        guard let secret = request.cookies[SessionCookie.name]?.string,
            let session = try await services.sessions.session(forSecret: secret, at: services.clock.now),
            let agent = try await services.directory.agent(session.ownerID), agent.isActive
        else { return nil }
        return AgentSession(agent: agent, csrfToken: session.csrfToken, secret: secret)
    }
}

/// Every state-changing page request must carry the session's CSRF token, as the `_csrf` form field or the
/// `X-CSRF-Token` header (scripts). Compared in constant time.
struct CSRFMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method != .GET, request.method != .HEAD else { return next.respond(to: request) }
        return request.task { try await check(request, then: next) }
    }

    private func check(_ request: Request, then next: any Responder) async throws -> Response {
        let session = try request.session
        // The body may still be streaming (a form larger than one packet): collect it before reading the token,
        // up to the app's body limit, so the route sees the same collected body.
        if request.headers.first(name: "X-CSRF-Token") == nil, request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: "_csrf"))
        guard let sent, Self.constantTimeEquals(sent, session.csrfToken) else {
            throw Abort(.forbidden, reason: "csrf")
        }
        return try await next.respond(to: request).get()
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
