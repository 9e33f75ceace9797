import BalcaoCore
import Vapor

/// Pages answer errors with a page in the visitor's language, keeping the real status (never a bare 500 for a
/// bad link). A stale or missing CSRF token sends the agent back to where they were, with a message.
struct ErrorPageMiddleware: Middleware {
    let services: BalcaoServices

    struct ErrorContext: Encodable {
        let t: [String: String]
        let lang: String
        let status: Int
        let message: String
    }

    /// The portal's error page: its brand and a way home, in the portal user's language.
    struct PortalErrorContext: Encodable {
        let t: [String: String]
        let lang: String
        let status: Int
        let message: String
        let base: String
        let deskName: String
    }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).flatMapError { error in request.task { await page(for: error, request) } }
    }

    private func page(for error: any Error, _ request: Request) async -> Response {
        let problem = Problem(error)
        if problem.status >= 500 { request.logger.report(error: error) }
        let portal = PortalFrame(services: services)
        let isPortal = request.url.path == portal.base || request.url.path.hasPrefix(portal.base + "/")
        let l = isPortal
            ? portal.localizer(for: request)
            : PageFrame(services: services).localizer(for: request, agent: request.agentSession?.agent)
        let message: String
        switch problem.status {
        case _ where isPortal && (error is PortalError || error is ValidationError):
            message = PortalFormError.message(error, l)
        case 404: message = l["not_found"]
        case 403 where (error as? any AbortError)?.reason == "csrf": message = l["session_expired"]
        case 403: message = l["forbidden"]
        case 401: message = l["session_expired"]
        case 500...: message = l["error"]
        default: message = FormError.message(error)
        }
        let context = ErrorContext(t: l.all, lang: l.language.rawValue, status: problem.status, message: message)
        let status = HTTPResponseStatus(statusCode: problem.status)
        do {
            if isPortal {
                let deskName = (try? await portal.settings().deskName) ?? "Balcão"
                let context = PortalErrorContext(
                    t: l.all, lang: l.language.rawValue, status: problem.status, message: message, base: portal.base,
                    deskName: deskName)
                return try await request.view.render("portal/error", context).encodeResponse(status: status, for: request)
            }
            return try await request.view.render("error", context).encodeResponse(status: status, for: request)
        } catch {
            // The error page itself failed (a template problem): still answer, in plain text.
            request.logger.report(error: error)
            return Response(status: status, body: .init(string: message))
        }
    }
}
