import BalcaoCore
import BalcaoStore
import Vapor

/// The signed-in portal user of a request, with the session's CSRF token.
struct PortalUser: Sendable {
    let contact: Contact
    let csrfToken: String
    let secret: String
}

extension Request {
    private struct PortalUserKey: StorageKey { typealias Value = PortalUser }

    /// Set by `PortalSessionMiddleware` when the browser carries a live portal session.
    var portalUser: PortalUser? {
        get { storage[PortalUserKey.self] }
        set { storage[PortalUserKey.self] = newValue }
    }
}

enum PortalCookie {
    static let session = "balcao_portal"
    /// The double-submit token of forms sent before signing in (sign-in, sign-up, votes).
    static let csrf = "balcao_portal_csrf"
    /// The language a visitor picked.
    static let language = "balcao_lang"
}

/// Loads the portal session when there is one. Portal pages are open to visitors, so nothing is refused here;
/// `RequirePortalUser` guards the pages that need an account.
struct PortalSessionMiddleware: Middleware {
    let services: BalcaoServices

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let secret = request.cookies[PortalCookie.session]?.string else { return next.respond(to: request) }
        return request.task { try await user(secret: secret) }.flatMap { user in
            request.portalUser = user
            return next.respond(to: request)
        }
    }

    private func user(secret: String) async throws -> PortalUser? {
        guard let session = try await services.portalSessions.session(forSecret: secret, at: services.clock.now),
            let contact = try await services.directory.contact(session.ownerID)
        else { return nil }
        return PortalUser(contact: contact, csrfToken: session.csrfToken, secret: secret)
    }
}

/// Pages for signed-in users: others are sent to sign in and brought back afterwards.
struct RequirePortalUser: Middleware {
    let portalPath: String

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if request.portalUser != nil { return next.respond(to: request) }
        guard request.method == .GET else { return request.eventLoop.makeFailedFuture(Abort(.unauthorized)) }
        let target = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
        let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_.~"))) ?? ""
        return request.eventLoop.makeSucceededFuture(request.redirect(to: "\(portalPath)/signin?next=\(encoded)"))
    }
}

/// Every state-changing portal request carries a CSRF token: the session's when signed in, else the
/// double-submit cookie's (the form repeats the cookie's value, which another site cannot read).
struct PortalCSRFMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.method != .GET, request.method != .HEAD else { return next.respond(to: request) }
        return request.task { try await check(request, then: next) }
    }

    private func check(_ request: Request, then next: any Responder) async throws -> Response {
        if request.headers.first(name: "X-CSRF-Token") == nil, request.body.data == nil {
            _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        }
        let expected = request.portalUser?.csrfToken ?? request.cookies[PortalCookie.csrf]?.string
        let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: "_csrf"))
        guard let expected, let sent, CSRFMiddleware.constantTimeEquals(sent, expected) else {
            throw Abort(.forbidden, reason: "csrf")
        }
        return try await next.respond(to: request).get()
    }
}
