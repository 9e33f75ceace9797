import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import BalcaoWeb
import Foundation
import Testing
import Vapor

/// A real Balcão server on 127.0.0.1 and a free port, over a scratch database, with an admin and its API token.
/// Requests go over real HTTP, so routing, middleware, encoding and multipart all run as in production.
final class TestApp: Sendable {
    let app: Application
    let services: BalcaoServices
    let baseURL: String
    let adminToken: String
    let admin: Agent

    private init(app: Application, services: BalcaoServices, baseURL: String, admin: DeskSetup.AdminCredentials) {
        self.app = app
        self.services = services
        self.baseURL = baseURL
        self.adminToken = admin.apiToken
        self.admin = admin.agent
    }

    /// Boots a server on `database`, runs `body`, then stops it and removes its data.
    static func run(_ database: TestDatabase, _ body: (TestApp) async throws -> Void) async throws {
        try await runCluster(database) { cluster in try await body(try await cluster.start()) }
    }

    /// Two servers on one database (PostgreSQL), as a desk runs several instances behind a load balancer.
    static func runPair(_ body: (TestApp, TestApp) async throws -> Void) async throws {
        try await runCluster(.postgres) { cluster in try await body(try await cluster.start(), try await cluster.start()) }
    }

    /// Servers started and stopped at will on one scratch database (a restart, several instances); all stopped and
    /// the data removed at the end.
    static func runCluster(_ database: TestDatabase, _ body: (Cluster) async throws -> Void) async throws {
        let cluster = Cluster(scratch: try ScratchDatabase(database))
        do {
            try await body(cluster)
        } catch {
            await cluster.stopAll()
            throw error
        }
        await cluster.stopAll()
    }

    final class Cluster: @unchecked Sendable {
        let scratch: ScratchDatabase
        private var running: [Application] = []
        private var admin: DeskSetup.AdminCredentials?

        init(scratch: ScratchDatabase) { self.scratch = scratch }

        var environment: [String: String] {
            var environment = [
                "BALCAO_DATA_DIR": scratch.directory.path, "BALCAO_PORT": "0", "BALCAO_LOG_LEVEL": "warning",
                "BALCAO_MAX_ATTACHMENT_MB": "1", "BALCAO_MAIL_WORKERS": "off", "BALCAO_AUTOMATION_WORKERS": "off",
            ]
            if case .postgres(let url, let schema) = scratch.target {
                environment["BALCAO_DATABASE_URL"] = url
                environment["BALCAO_DATABASE_SCHEMA"] = schema
            }
            return environment
        }

        /// Boots one more server on the database (the admin is created by the first).
        func start() async throws -> TestApp {
            let app = try await Application.make(.testing)
            running.append(app)
            // Page tests look at redirects themselves (and at the cookies set on them).
            app.http.client.configuration.redirectConfiguration = .disallow
            // Open sockets (chats, workspaces) hold a stopping server for this long before they are dropped.
            app.http.server.configuration.shutdownTimeout = .milliseconds(500)
            let services = try await configure(app, config: try BalcaoConfig(environment: environment))
            try await app.asyncBoot()
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            if admin == nil {
                admin = try await DeskSetup.createAdmin(
                    name: "Ana Admin", email: "ana@balcao.example", password: "senha-muito-segura", app: app,
                    services: services)
            }
            return TestApp(app: app, services: services, baseURL: "http://127.0.0.1:\(port)", admin: admin!)
        }

        /// Stops one server as a crash or a deploy would (its open sockets drop); the data stays.
        func stop(_ instance: TestApp) async {
            await instance.app.server.shutdown()
            try? await instance.app.asyncShutdown()
            running.removeAll { $0 === instance.app }
        }

        func stopAll() async {
            await TestApp.stop(running, scratch)
            running = []
        }
    }

    fileprivate static func stop(_ apps: [Application], _ scratch: ScratchDatabase) async {
        for app in apps {
            await app.server.shutdown()
            try? await app.asyncShutdown()
        }
        if let schema = scratch.schema { try? await ScratchDatabase.dropSchema(schema) }
        scratch.removeDirectory()
    }

    /// A response with its body decoded on demand.
    struct Reply: Sendable {
        let status: HTTPStatus
        let headers: HTTPHeaders
        let body: Data

        func json<T: Decodable>(_ type: T.Type = T.self) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(T.self, from: body)
        }

        /// The body as loose JSON, for asserting on exact keys.
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
        }

        var problem: ProblemBody? { try? json(ProblemBody.self) }
    }

    struct ProblemBody: Decodable, Sendable {
        struct Issue: Decodable, Sendable, Equatable {
            let field: String
            let message: String
        }
        let type: String
        let title: String
        let status: Int
        let detail: String?
        let errors: [Issue]?
        var fields: [String] { errors?.map(\.field) ?? [] }
    }

    /// Sends a request; `token` defaults to the admin's, pass `.some(nil)` for none.
    func request(
        _ method: HTTPMethod, _ path: String, json: (any Encodable & Sendable)? = nil, rawBody: Data? = nil,
        contentType: String? = nil, token: String?? = .none
    ) async throws -> Reply {
        var headers = HTTPHeaders()
        if let bearer = token ?? adminToken { headers.bearerAuthorization = .init(token: bearer) }
        var body: Data?
        if let json {
            body = try JSONEncoder().encode(json)
            headers.contentType = .json
        } else if let rawBody {
            body = rawBody
            if let contentType { headers.replaceOrAdd(name: .contentType, value: contentType) }
        }
        let response = try await app.client.send(method, headers: headers, to: URI(string: baseURL + path)) { request in
            if let body { request.body = ByteBuffer(bytes: body) }
        }
        let data = response.body.map { Data($0.readableBytesView) } ?? Data()
        return Reply(status: response.status, headers: response.headers, body: data)
    }

    func get(_ path: String, token: String?? = .none) async throws -> Reply {
        try await request(.GET, path, token: token)
    }

    func post(_ path: String, _ json: any Encodable & Sendable) async throws -> Reply {
        try await request(.POST, path, json: json)
    }

    func patch(_ path: String, _ json: any Encodable & Sendable) async throws -> Reply {
        try await request(.PATCH, path, json: json)
    }
}

/// Loose JSON bodies for requests, so tests can send exactly the keys (and nulls) a client would.
enum JSON: Encodable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    case string(String), number(Double), bool(Bool), object([String: JSON]), array([JSON]), null

    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(dictionaryLiteral elements: (String, JSON)...) { self = .object(Dictionary(uniqueKeysWithValues: elements)) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    init(nilLiteral: ()) { self = .null }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}
