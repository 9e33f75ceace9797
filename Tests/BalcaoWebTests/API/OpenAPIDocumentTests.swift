import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("OpenAPI document")
struct OpenAPIDocumentTests {
    /// `(METHOD, /path/{param})` pairs the document describes, relative to its `/api/v1` server.
    static func documentedOperations() throws -> Set<String> {
        let data = try #require(OpenAPIController.document)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
        return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    @Test("Every API route is documented, and every documented operation exists")
    func routesAndDocumentAgree() async throws {
        try await TestApp.run(.sqlite) { app in
            let routes = app.app.routes.all.compactMap { route -> String? in
                let components = route.path.map { component -> String in
                    switch component {
                    case .constant(let value): value
                    case .parameter(let name): "{\(name)}"
                    case .anything: "*"
                    case .catchall: "**"
                    }
                }
                guard components.starts(with: ["api", "v1"]), components.last != "**" else { return nil }
                return "\(route.method.rawValue) /" + components.dropFirst(2).joined(separator: "/")
            }

            let documented = try Self.documentedOperations()

            #expect(Set(routes) == documented)
            #expect(routes.count == documented.count)
        }
    }

    @Test("A ticket as the API returns it has exactly the documented properties")
    func ticketSchemaMatches() async throws {
        try await TestApp.run(.sqlite) { app in
            let data = try #require(OpenAPIController.document)
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let ticketSchema = try #require(schemas["Ticket"] as? [String: Any])
            let properties = Set(try #require(ticketSchema["properties"] as? [String: Any]).keys)
            let required = Set(ticketSchema["required"] as? [String] ?? [])

            let reply = try await app.post("/api/v1/tickets", TicketsAPITests.newTicket)
            let returned = Set(reply.object.keys)

            #expect(returned.isSubset(of: properties), "undocumented: \(returned.subtracting(properties))")
            #expect(required.isSubset(of: returned), "missing: \(required.subtracting(returned))")
        }
    }
}
