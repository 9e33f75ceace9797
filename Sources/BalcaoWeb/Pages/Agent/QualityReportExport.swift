import BalcaoCore
import Foundation
import Vapor

/// The quality report as rows for a page, a CSV file or JSON: one shape for all three, organization names looked
/// up once.
struct QualityReportRows: Content {
    struct Row: Content {
        let key: String
        let type: String
        let count: Int
        let previous: Int
        let trend: QualityReport.Trend
        let changePercent: Int?
        let repeatRequesters: Int
        let topOrganizations: [String]
    }

    let from: Date
    let to: Date
    let rows: [Row]

    /// The last `days` days up to `now`, against the `days` before.
    static func load(_ services: BalcaoServices, days: Int) async throws -> QualityReportRows {
        let now = services.clock.now
        let report = try await services.quality.report(from: now.addingTimeInterval(-Double(days) * 86400), to: now)
        var names: [Organization.ID: String] = [:]
        for id in Set(report.lines.flatMap { $0.topOrganizations.map(\.id) }) {
            names[id] = try await services.directory.organization(id)?.name
        }
        return QualityReportRows(
            from: report.from, to: report.to,
            rows: report.lines.map { line in
                Row(
                    key: line.key, type: line.label, count: line.count, previous: line.previous, trend: line.trend,
                    changePercent: line.change, repeatRequesters: line.repeatRequesters,
                    topOrganizations: line.topOrganizations.map { "\(names[$0.id] ?? $0.id.description) (\($0.count))" })
            })
    }

    /// The days a request asks for: `days` from 1 to 366, default 30.
    static func days(_ req: Request) throws -> Int {
        guard let raw = try? req.query.get(String.self, at: "days") else { return 30 }
        guard let days = Int(raw), (1...366).contains(days) else {
            throw ValidationError(field: "days", "must be a whole number from 1 to 366")
        }
        return days
    }

    /// A header line, then one line per type.
    var csv: CSVFile {
        let header = ["key", "type", "count", "previous", "trend", "change_percent", "repeat_requesters", "top_organizations"]
        return CSVFile(
            filename: "quality-report.csv",
            rows: [header] + rows.map { row in
                [row.key, row.type, String(row.count), String(row.previous), row.trend.rawValue,
                 row.changePercent.map(String.init) ?? "", String(row.repeatRequesters),
                 row.topOrganizations.joined(separator: "; ")]
            })
    }
}
