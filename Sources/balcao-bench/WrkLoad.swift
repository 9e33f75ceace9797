import Foundation

/// The create load through `wrk` (Debian package `wrk`) when it is installed: a C load generator costs the two
/// shared cores far less than the in-process HTTP client, so the number measures the server rather than the
/// client. Each wrk thread posts distinct tickets; a Lua `done` hook prints the totals and percentiles.
struct WrkLoad {
    let executable: String
    let baseURL: String
    let token: String

    struct Result {
        let created: Int
        let seconds: Double
        let p50: Double
        let p95: Double
        let p99: Double
    }

    /// `wrk` on the PATH, nil when it is not installed.
    static func find() -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/wrk" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(connections: Int, seconds: Int) throws -> Result {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("balcao-bench-\(UUID().uuidString).lua")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "-t", "2", "-c", "\(connections)", "-d", "\(seconds)s", "--timeout", "10s", "-s", script.path,
            baseURL, "--", token,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("WRK_RESULT ") }) else {
            throw BenchError("wrk printed no result:\n\(text)")
        }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count == 6 else { throw BenchError("unexpected wrk result: \(line)") }
        // requests, non-2xx answers, duration µs, p50 µs, p95 µs, p99 µs
        return Result(
            created: Int(fields[0] - fields[1]), seconds: fields[2] / 1e6, p50: fields[3] / 1000, p95: fields[4] / 1000,
            p99: fields[5] / 1000)
    }

    static let script = #"""
        local threads = {}
        local thread_id = 0
        local counter = 0

        function setup(thread)
          thread:set("thread_id", #threads)
          table.insert(threads, thread)
        end

        function init(args)
          wrk.method = "POST"
          wrk.path = "/api/v1/tickets"
          wrk.headers["Authorization"] = "Bearer " .. args[1]
          wrk.headers["Content-Type"] = "application/json"
        end

        function request()
          counter = counter + 1
          local n = thread_id * 100000000 + counter
          local body = string.format(
            '{"subject":"Pedido de teste de carga %d: impressora não imprime",' ..
            '"body":"Desde ontem a impressora do 2º andar mostra erro 49.4C02.",' ..
            '"requester":{"email":"carga%d@bench.example"}}', n, n % 5000)
          return wrk.format(nil, nil, nil, body)
        end

        function done(summary, latency, requests)
          io.write(string.format("WRK_RESULT %d %d %d %d %d %d\n", summary.requests, summary.errors.status,
            summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
        end
        """#
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
