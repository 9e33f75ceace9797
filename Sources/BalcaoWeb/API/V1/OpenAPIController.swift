import Foundation
import Vapor

/// Serves the OpenAPI 3.1 description of API v1, kept in the repo beside the code it describes.
struct OpenAPIController: RouteCollection {
    static let document: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("openapi.json", use: serve)
    }

    @Sendable func serve(req: Request) async throws -> Response {
        guard let document = Self.document else { throw Abort(.notFound, reason: "the OpenAPI document is missing") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: document))
    }
}
