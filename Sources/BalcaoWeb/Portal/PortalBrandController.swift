import BalcaoCore
import BalcaoStore
import Vapor

/// The desk's logo and colours as files the portal pages link (the CSP allows no inline styles).
struct PortalBrandController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get("brand", "logo", use: logo)
        routes.get("brand", "colours.css", use: colours)
    }

    @Sendable func logo(req: Request) async throws -> Response {
        let settings = try await services.portalStore.portalSettings()
        guard let sha = settings.logoSHA256, let data = try await services.blobs.get(sha) else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: settings.logoContentType ?? "application/octet-stream")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        headers.replaceOrAdd(name: .contentSecurityPolicy, value: "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// Colours were validated as `#rrggbb` when saved, so they are safe to write into CSS.
    @Sendable func colours(req: Request) async throws -> Response {
        let settings = try await services.portalStore.portalSettings()
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/css; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        let css = ":root { --brand: \(settings.primaryColor); --accent: \(settings.accentColor); }\n"
        return Response(status: .ok, headers: headers, body: .init(string: css))
    }
}
