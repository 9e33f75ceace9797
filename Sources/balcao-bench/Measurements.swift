import Foundation

/// Latencies of one step, in milliseconds, and what they add up to.
struct Samples {
    private(set) var values: [Double] = []

    mutating func add(_ milliseconds: Double) { values.append(milliseconds) }

    mutating func merge(_ other: Samples) { values += other.values }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[max(0, min(sorted.count - 1, rank))]
    }

    var count: Int { values.count }
}

/// Times `body` and returns milliseconds.
func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// Resident set size of this process in MB, from /proc (Linux).
func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kilobytes / 1024
}

/// The table the benchmark prints (and docs/BENCHMARKS.md holds).
struct ResultTable {
    var rows: [(String, String)] = []

    mutating func add(_ name: String, _ value: String) {
        rows.append((name, value))
        print("  \(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(value)")
    }

    func markdown() -> String {
        (["| measure | result |", "| --- | --- |"] + rows.map { "| \($0.0) | \($0.1) |" }).joined(separator: "\n")
    }
}

extension Double {
    var ms: String { String(format: "%.2f ms", self) }
    var oneDecimal: String { String(format: "%.1f", self) }
}

func percentiles(_ samples: Samples, _ points: [Double] = [50, 95, 99]) -> String {
    points.map { "p\(Int($0)) \(samples.percentile($0).ms)" }.joined(separator: " · ")
}
