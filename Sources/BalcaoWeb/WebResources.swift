import Foundation
import Vapor

/// Templates and static files ship inside the module's resource bundle, so the binary serves them from wherever it
/// runs (not only from a checkout).
enum WebResources {
    /// Not named `Resources`: Foundation on Linux treats such a folder as the bundle's resource root, which would
    /// hide the files beside it (openapi.json).
    static let root: URL = Bundle.module.bundleURL.appendingPathComponent("Web")
    static var viewsDirectory: String { root.appendingPathComponent("Views").path + "/" }
    static var publicDirectory: String { root.appendingPathComponent("Public").path + "/" }
}

/// Headers every response carries: no framing (clickjacking), no MIME sniffing, a strict CSP for our own pages
/// (scripts and styles only from Balcão itself), no referrer leaks to other sites.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if response.headers.first(name: .contentSecurityPolicy) == nil {
            response.headers.replaceOrAdd(
                name: .contentSecurityPolicy,
                value: "default-src 'self'; img-src 'self' https: data: cid:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'")
        }
        return response
    }
}
