import BalcaoTestSupport
import Foundation
import NIOCore
import NIOPosix
import Testing
import Vapor

#if canImport(Glibc)
    import Glibc  // kill, SIGKILL
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built `balcao` binary serving a scratch SQLite desk on a loopback port, as the browser suite runs it
/// (tests/e2e/conftest.py): the admin from `balcao create-admin`, the server from `balcao serve`, stopped with
/// SIGTERM as a deploy stops it. Restartable on the same data dir and port. Requests and sockets go through a
/// client-only Vapor app.
final class ServedDesk: @unchecked Sendable {
    static let adminEmail = "ana@balcao.example"
    static let adminPassword = "senha-muito-segura"

    /// The `balcao` executable `swift build --build-tests` puts beside the tests (`.build/debug` links to
    /// `.build/<triple>/debug`), or `BALCAO_TEST_BINARY`; nil when there is none.
    static let binary: URL? = {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["BALCAO_TEST_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        // Linux runs the tests from an executable in the products directory, macOS from an .xctest bundle there.
        let testBundle = Bundle(for: ServedDesk.self).bundleURL
        for directory in [testBundle, testBundle.deletingLastPathComponent(), Bundle.main.bundleURL] {
            candidates.append(directory.appendingPathComponent("balcao"))
        }
        // This checkout's debug build, from this file's place (Tests/BalcaoWebTests/Chat/).
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(checkout.appendingPathComponent(".build/debug/balcao"))
        return candidates.first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory)
                && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: candidate.path)
        }
    }()

    let scratch: ScratchDatabase
    let port: Int
    /// The page origin and API base: the desk's own origin, which its chat widgets always admit.
    let baseURL: String
    /// Never serves: its HTTP client and event loops talk to the `balcao serve` process.
    let http: Application
    private(set) var adminToken = ""
    private var server: Process?
    private var launches = 0

    private init(scratch: ScratchDatabase, port: Int, http: Application) {
        self.scratch = scratch
        self.port = port
        self.baseURL = "http://127.0.0.1:\(port)"
        self.http = http
    }

    /// Creates the admin, serves the desk, runs `body`, then stops the server and removes the data, also on failure.
    static func run(_ body: (ServedDesk) async throws -> Void) async throws {
        let scratch = try ScratchDatabase(.sqlite)
        defer { scratch.removeDirectory() }  // runs last, once the server has stopped
        let port = try await freePort()
        let http = try await Application.make(.testing)
        // Sign-in answers with a redirect that sets the session cookie: the page session must see it.
        http.http.client.configuration.redirectConfiguration = .disallow
        let desk = ServedDesk(scratch: scratch, port: port, http: http)
        do {
            try await desk.createAdmin()
            try await desk.start()
            try await body(desk)
        } catch {
            await desk.tearDown()
            throw error
        }
        await desk.tearDown()
    }

    /// Starts `balcao serve` on the data dir and port and waits until it answers `/healthz`.
    func start() async throws {
        launches += 1
        let log = scratch.directory.appendingPathComponent("serve-\(launches).log")
        let process = try launch(
            ["serve", "--data-dir", scratch.directory.path, "--host", "127.0.0.1", "--port", String(port)], log: log)
        server = process
        // A debug build migrating a fresh database while the rest of the suite runs on two cores: be patient.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            guard process.isRunning else {
                throw ServeFailure("balcao serve exited with status \(process.terminationStatus)", log: log)
            }
            if let reply = try? await http.client.get(URI(string: baseURL + "/healthz")), reply.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure("balcao serve did not answer /healthz within 120 s", log: log)
    }

    /// Stops the server as a deploy does (SIGTERM) and waits for it to exit. Vapor keeps serving open sockets for up
    /// to 10 s before exiting: `dropping` sockets close right after the signal, as their pages lose the connection.
    func stop(dropping sockets: [ChatClient] = []) async {
        guard let server else { return }
        self.server = nil
        if server.isRunning { server.terminate() }
        for socket in sockets { try? await socket.close() }
        await Self.awaitExit(server)
    }

    /// A visitor's widget on a page of the desk's own origin.
    func chat() async throws -> ChatClient {
        try await ChatClient.connect(baseURL: baseURL, on: http.eventLoopGroup)
    }

    /// A browser-like session on the desk's pages.
    func pageSession() -> PageSession {
        PageSession(baseURL: baseURL, client: http.client)
    }

    /// An API call with the admin's token.
    func request(_ method: HTTPMethod, _ path: String, json: (any Encodable & Sendable)? = nil) async throws
        -> TestApp.Reply
    {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: adminToken)
        var body: Data?
        if let json {
            body = try JSONEncoder().encode(json)
            headers.contentType = .json
        }
        let url = URI(string: baseURL + path)
        let response = try await http.client.send(method, headers: headers, to: url) { request in
            if let body { request.body = ByteBuffer(bytes: body) }
        }
        return TestApp.Reply(
            status: response.status, headers: response.headers,
            body: response.body.map { Data($0.readableBytesView) } ?? Data())
    }

    func get(_ path: String) async throws -> TestApp.Reply { try await request(.GET, path) }

    func post(_ path: String, _ json: any Encodable & Sendable) async throws -> TestApp.Reply {
        try await request(.POST, path, json: json)
    }

    // MARK: Processes

    /// `balcao create-admin`, as an operator runs it on a new desk (it migrates first); keeps the API token it prints.
    private func createAdmin() async throws {
        let log = scratch.directory.appendingPathComponent("create-admin.log")
        let process = try launch(
            [
                "create-admin", "--data-dir", scratch.directory.path, "--email", Self.adminEmail, "--name", "Ana Admin",
                "--password", Self.adminPassword,
            ], log: log)
        if await !Self.exited(process, within: 120) {
            process.terminate()
            await Self.awaitExit(process)
            throw ServeFailure("balcao create-admin did not finish within 120 s", log: log)
        }
        let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0,
            let printed = output.range(of: #"API token: \S+"#, options: .regularExpression)
        else { throw ServeFailure("balcao create-admin failed or printed no API token", log: log) }
        adminToken = String(output[printed].dropFirst("API token: ".count))
    }

    /// Runs the binary with its output in `log`.
    private func launch(_ arguments: [String], log: URL) throws -> Process {
        guard let binary = Self.binary else { throw ServeFailure("no balcao binary", log: log) }
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }  // the child has its own copy
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        // Not the checkout: Vapor loads a `.env` from the working directory. Templates ship in the resource bundle.
        process.currentDirectoryURL = scratch.directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return process
    }

    /// The test run's environment without its `BALCAO_*` keys (a PostgreSQL URL, mail servers: the flags say
    /// where the data is), and no mail or automation workers: only the chat is under test.
    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BALCAO_") }
        environment["BALCAO_MAIL_WORKERS"] = "off"
        environment["BALCAO_AUTOMATION_WORKERS"] = "off"
        return environment
    }

    private func tearDown() async {
        await stop()
        try? await http.asyncShutdown()
    }

    /// Waits for a signalled process; SIGKILL when it is still there after 30 s.
    private static func awaitExit(_ process: Process) async {
        if await !exited(process, within: 30) {
            kill(process.processIdentifier, SIGKILL)
            _ = await exited(process, within: 10)
        }
    }

    private static func exited(_ process: Process, within seconds: TimeInterval) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        return !process.isRunning
    }

    /// A loopback port nobody listens on (the system picks it; the server binds it a moment later).
    private static func freePort() async throws -> Int {
        let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = probe.localAddress?.port
        try await probe.close()
        return try #require(port)
    }

    /// A process that failed, with the end of what it printed.
    struct ServeFailure: Error, CustomStringConvertible {
        let description: String

        init(_ what: String, log: URL) {
            let output = String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
            description = "\(what); its output ends:\n\(output.suffix(4_000))"
        }
    }
}
