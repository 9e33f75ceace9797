import ArgumentParser
import BalcaoCore
import BalcaoStore
import BalcaoWeb
import Foundation
import SQLKit
import Vapor

/// `swift run -c release balcao-bench`: builds its own desk, starts a real server on loopback and measures the
/// performance budget (docs/BENCHMARKS.md). Everything runs in this process; traffic stays on 127.0.0.1.
@main
struct BalcaoBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balcao-bench", abstract: "Measure Balcão: seed, create, queue, search, ticket page, memory.")

    @ArgumentParser.Option(help: "Tickets to seed.") var tickets = 1_000_000
    @ArgumentParser.Option(help: "Messages per ticket.") var messagesPerTicket = 5
    @ArgumentParser.Option(help: "Contacts to seed.") var contacts = 50_000
    @ArgumentParser.Option(help: "Departments to seed.") var departments = 10
    @ArgumentParser.Option(help: "PostgreSQL URL (default: SQLite in a temp data dir).") var databaseURL: String?
    @ArgumentParser.Option(help: "Seconds of concurrent ticket creation.") var createSeconds = 10
    @ArgumentParser.Option(help: "Concurrent API clients during creation.") var concurrency = 32
    @ArgumentParser.Option(help: "Requests per read measurement.") var requests = 200
    @ArgumentParser.Option(help: "Emails for the intake measurement (0 skips it).") var mails = 2_000
    @ArgumentParser.Option(help: "Routing rules for the triage measurement (0 skips it).") var rules = 50
    @ArgumentParser.Option(help: "Open chat connections for the chat measurement (0 skips it).") var chats = 2_000
    @ArgumentParser.Option(help: "Of those, how many chat (each sends --chat-lines lines).") var chatters = 100
    @ArgumentParser.Option(help: "Lines each chatting visitor sends.") var chatLines = 20
    @ArgumentParser.Option(help: "Seconds between a chatting visitor's lines (0: as fast as acknowledged).")
    var chatInterval = 1.0
    @ArgumentParser.Flag(help: "Print the results as a Markdown table too.") var markdown = false
    @ArgumentParser.Option(help: "Server log level (debug logs every SQL statement).") var logLevel = "error"
    @ArgumentParser.Flag(help: "Generate the create load in this process even when wrk is installed.")
    var inProcessLoad = false

    func run() async throws {
        let dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("balcao-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dataDir) }
        var environment = ["BALCAO_DATA_DIR": dataDir.path, "BALCAO_PORT": "0", "BALCAO_LOG_LEVEL": logLevel]
        if let databaseURL {
            environment["BALCAO_DATABASE_URL"] = databaseURL
            environment["BALCAO_DATABASE_SCHEMA"] = "bench_" + UUID().uuidString.prefix(8).lowercased()
        }
        let app = try await Application.make(.production)
        // Sign-in answers with a redirect that carries the session cookie: look at it, don't follow it.
        app.http.client.configuration.redirectConfiguration = .disallow
        do {
            let services = try await configure(app, config: try BalcaoConfig(environment: environment))
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = app.http.server.shared.localAddress?.port ?? 0
            let table = try await measure(app: app, services: services, baseURL: "http://127.0.0.1:\(port)")
            if markdown { print("\n" + table.markdown()) }
            if let schema = environment["BALCAO_DATABASE_SCHEMA"] {
                try await services.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
            }
        } catch {
            FileHandle.standardError.write(Data("balcao-bench failed: \(String(reflecting: error))\n".utf8))
            await app.server.shutdown()
            try? await app.asyncShutdown()
            throw error
        }
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    func measure(app: Application, services: BalcaoServices, baseURL: String) async throws -> ResultTable {
        var table = ResultTable()
        let database = databaseURL == nil ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL (server defaults)"
        print("Balcão benchmark — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(database), \(Self.buildMode) build")
        table.add("machine", "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(database), \(Self.buildMode)")

        // Seed
        let loader = BulkLoader(
            context: services.storeContext,
            scale: .init(tickets: tickets, messagesPerTicket: messagesPerTicket, contacts: contacts, departments: departments))
        let total = tickets
        let seedTime = try await milliseconds {
            _ = try await loader.load(now: Date()) { done in
                if done % max(1, total / 100) < 500 || done == total {
                    FileHandle.standardError.write(Data("\rseed: \(done * 100 / max(total, 1))% (\(done) tickets)".utf8))
                }
            }
        }
        FileHandle.standardError.write(Data("\n".utf8))
        table.add("seed", "\(tickets) tickets, \(tickets * messagesPerTicket) messages in \((seedTime / 1000).oneDecimal) s")
        table.add("database size", String(format: "%.0f MB", try await databaseMegabytes(services)))
        table.add("RSS idle (after seed)", String(format: "%.0f MB", residentMegabytes()))

        let admin = try await DeskSetup.createAdmin(
            name: "Bench Admin", email: "bench-admin@bench.example", password: "bench-password-123", app: app,
            services: services)
        var client = BenchClient(client: app.client, baseURL: baseURL, token: admin.apiToken)

        // Create
        if let wrk = inProcessLoad ? nil : WrkLoad.find() {
            let load = WrkLoad(executable: wrk, baseURL: baseURL, token: admin.apiToken)
            let (result, peakRSS) = try await whileSamplingRSS { try load.run(connections: concurrency, seconds: createSeconds) }
            table.add("create (HTTP API, wrk, \(concurrency) connections)", String(format: "%.0f tickets/s (%d in %.1f s)", Double(result.created) / result.seconds, result.created, result.seconds))
            table.add("create latency", [result.p50, result.p95, result.p99].enumerated().map { "p\([50, 95, 99][$0.offset]) \($0.element.ms)" }.joined(separator: " · "))
            table.add("RSS under load", String(format: "%.0f MB", peakRSS))
        } else {
            let (created, latencies, seconds, peakRSS) = try await createLoad(client)
            table.add("create (HTTP API, \(concurrency) clients in process)", String(format: "%.0f tickets/s (%d in %.1f s)", Double(created) / seconds, created, seconds))
            table.add("create latency", percentiles(latencies))
            table.add("RSS under load", String(format: "%.0f MB", peakRSS))
        }

        // The same load without HTTP: what the ticket service and the store cost alone.
        let (opened, openedIn) = try await serviceLoad(services)
        table.add("create (service, \(concurrency) tasks, no HTTP)", String(format: "%.0f tickets/s", Double(opened) / openedIn))

        // Queue page
        try await client.signIn(email: "bench-admin@bench.example", password: "bench-password-123")
        let department = try await services.directory.departments(.everything).first!
        var queue = Samples()
        var query = Samples()
        for _ in 0..<requests {
            queue.add(try await milliseconds { _ = try await client.page("/agent/queues/\(department.id)") })
            query.add(try await milliseconds { _ = try await services.ticketStore.tickets(QueueView.department(department.id).query(for: admin.agent)) })
        }
        table.add("queue page (HTTP, 50 rows)", percentiles(queue))
        table.add("queue query (store only)", percentiles(query))

        // Search
        var search = Samples()
        for _ in 0..<max(1, requests / Self.searches.count) {
            for text in Self.searches {
                search.add(try await milliseconds { _ = try await services.search.search(SearchQuery(text)!, limit: 20) })
            }
        }
        table.add("search (\(Self.searches.count) queries, store)", percentiles(search))

        // Ticket page with 50 messages
        let ticket = try await services.tickets.open(
            OpenTicket(
                subject: "Ticket longo para medir a página", body: MessageBody(text: "Primeira mensagem."),
                requester: .email(EmailAddress("longo@bench.example")!, name: "Longo", kind: nil), channel: .email),
            by: .system)
        for index in 1..<50 {
            _ = try await services.tickets.addMessage(
                AddMessage(kind: index % 5 == 0 ? .note : .reply, body: MessageBody(text: "Mensagem \(index): " + String(repeating: "texto de teste ", count: 20)),
                    author: .agent(admin.agent.id), channel: .web),
                to: ticket.id)
        }
        var page = Samples()
        for _ in 0..<requests {
            page.add(try await milliseconds { _ = try await client.page("/agent/tickets/\(ticket.number.value)") })
        }
        table.add("ticket page (HTTP, 50 messages)", percentiles(page, [50, 95]))

        // Email intake
        if mails > 0 {
            let rates = try await MailBench.measure(services, count: mails)
            let average = rates.bytes / mails / 1024
            table.add("mail parse (\(mails) mails, avg \(average) KB)", String(format: "%.0f mails/s", rates.parse))
            table.add("mail parse + store (new tickets and replies)", String(format: "%.0f mails/s", rates.store))
        }
        if chats > 0 {
            let chat = try await ChatBench.measure(
                services: services, app: app, baseURL: baseURL, connections: chats, chatters: min(chatters, chats),
                lines: chatLines, interval: chatInterval)
            table.add("chat: open connections", "\(chat.connections)")
            table.add("chat: memory per idle connection", String(format: "%.0f KB (client and server in one process)", chat.kilobytesPerConnection))
            table.add(
                "chat line round trip (\(min(chatters, chats)) chatting, a line each every \(chatInterval) s)",
                percentiles(chat.roundTrips, [50, 95, 99]))
        }
        if rules > 0 {
            let triage = try await RuleBench.measure(services, rules: rules)
            table.add("rules engine (\(rules) routing rules)", percentiles(triage.engine) + " per ticket")
            table.add("open ticket (service, no automation)", percentiles(triage.openPlain, [50, 95]))
            table.add("open ticket (+ rules, SLA, round-robin)", percentiles(triage.openTriaged, [50, 95]))
        }
        return table
    }

    /// `concurrency` clients posting tickets for `createSeconds`.
    func createLoad(_ client: BenchClient) async throws -> (Int, Samples, Double, Double) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(createSeconds) * 1_000_000_000
        let start = DispatchTime.now().uptimeNanoseconds
        var all = Samples()
        var created = 0
        var peak = residentMegabytes()
        try await withThrowingTaskGroup(of: (Int, Samples).self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var samples = Samples()
                    var count = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        var status = HTTPStatus.ok
                        samples.add(try await milliseconds { status = try await client.postTicket(worker * 1_000_000 + count) })
                        if status == .created { count += 1 }
                    }
                    return (count, samples)
                }
            }
            group.addTask {
                var peak = 0.0
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    peak = max(peak, residentMegabytes())
                    try await Task.sleep(for: .milliseconds(250))
                }
                return (-Int(peak), Samples())
            }
            for try await (count, samples) in group {
                if count < 0 { peak = max(peak, Double(-count)) } else {
                    created += count
                    all.merge(samples)
                }
            }
        }
        return (created, all, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, peak)
    }

    /// `concurrency` tasks opening tickets through the ticket service for `createSeconds`, as the API would.
    func serviceLoad(_ services: BalcaoServices) async throws -> (Int, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(createSeconds) * 1_000_000_000
        let opened = try await withThrowingTaskGroup(of: Int.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var count = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        let index = worker * 1_000_000 + count
                        let command = OpenTicket(
                            subject: "Pedido de teste de carga \(index): impressora não imprime",
                            body: MessageBody(text: "Desde ontem a impressora do 2º andar mostra erro 49.4C02."),
                            requester: .email(EmailAddress("servico\(index % 5000)@bench.example")!, name: nil, kind: nil),
                            channel: .api)
                        _ = try await services.tickets.open(command, by: .system)
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        return (opened, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// Runs blocking `work` off the concurrency pool and samples this process's RSS every 250 ms meanwhile.
    func whileSamplingRSS<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> (T, Double) {
        let sampler = Task {
            var peak = residentMegabytes()
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                peak = max(peak, residentMegabytes())
            }
            return peak
        }
        let value = try await Task.detached { try work() }.value
        sampler.cancel()
        return (value, await sampler.value)
    }

    func databaseMegabytes(_ services: BalcaoServices) async throws -> Double {
        if databaseURL == nil {
            let file = services.config.dataDirectory.appendingPathComponent("balcao.sqlite").path
            let sizes = [file, file + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }
            return Double(sizes.reduce(0, +)) / 1_048_576
        }
        let row = try await services.sql.raw("SELECT pg_database_size(current_database()) AS size").first()
        return Double(try row?.decode(column: "size", as: Int.self) ?? 0) / 1_048_576
    }

    static let searches = [
        "impressora", "manutencao", "manutenção", "vpn", "reembolso", "nota fiscal", "fatura", "entrega atrasada",
        "senha", "férias", "ferias", "boleto", "pedido", "refund", "invoice", "password reset", "delivery",
        "contrato", "ar-condicionado", "webhook",
    ]

    #if DEBUG
        static let buildMode = "debug"
    #else
        static let buildMode = "release"
    #endif
}
