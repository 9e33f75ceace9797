import BalcaoCore
import Foundation
import Vapor

/// `/agent/reports`: ticket volume over a date range — per day, and by department, channel and complaint type —
/// as server-drawn SVG charts with their tables, and the same figures as CSV. Supervisors and admins.
struct ReportsPagesController: RouteCollection {
    let services: BalcaoServices
    static let maxDays = 366

    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", use: show)
        routes.get("reports", "volume.csv", use: csv)
    }

    struct Section: Encodable {
        let id: String
        let title: String
        let chart: String
        let rows: [Row]
    }

    struct Row: Encodable {
        let label: String
        let count: Int
    }

    struct Context: Encodable {
        let layout: LayoutContext
        let from: String
        let to: String
        let total: Int
        let daysChart: String
        let sections: [Section]
        let error: String?
    }

    @Sendable func show(req: Request) async throws -> Response {
        let agent = try req.session.agent
        guard agent.role >= .supervisor else { throw Abort(.forbidden) }
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: agent)
        let range: (from: Date, to: Date)
        var error: String?
        do {
            range = try self.range(req, l.timeZone)
        } catch let problem where FormError.isUserError(problem) {
            error = FormError.message(problem)
            range = try defaultRange(l.timeZone)
        }
        let report = try await VolumeReport.load(
            from: range.from, to: range.to, store: services.demandStore, timeZone: l.timeZone)
        let names = try await labels(l)
        let sections = VolumeReport.Dimension.allCases.map { dimension in
            let shares = report.shares[dimension] ?? []
            let title = l["report_by_\(dimension.rawValue)"]
            return Section(
                id: dimension.rawValue, title: title,
                chart: SVGBarChart(
                    title: title, bars: shares.map { .init(label: names(dimension, $0.value), value: $0.count) }
                ).rows(),
                rows: shares.map { Row(label: names(dimension, $0.value), count: $0.count) })
        }
        let dayFormat = Date.FormatStyle(date: .numeric, time: .omitted, locale: Locale(identifier: l.language.rawValue), timeZone: l.timeZone)
        let context = Context(
            layout: try await frame.layout(for: req, l, title: l["reports"]),
            from: Self.day(range.from, l.timeZone), to: Self.day(range.to.addingTimeInterval(-1), l.timeZone),
            total: report.total,
            daysChart: SVGBarChart(
                title: l["report_per_day"], bars: report.days.map { .init(label: $0.start.formatted(dayFormat), value: $0.count) }
            ).columns(),
            sections: sections, error: error)
        return try await req.view.render("agent/reports", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    /// `dimension,value,label,count` per department/channel/category, then `day,<date>,,count` per day.
    @Sendable func csv(req: Request) async throws -> Response {
        let agent = try req.session.agent
        guard agent.role >= .supervisor else { throw Abort(.forbidden) }
        let l = PageFrame(services: services).localizer(for: req, agent: agent)
        let range = try self.range(req, l.timeZone)
        let report = try await VolumeReport.load(
            from: range.from, to: range.to, store: services.demandStore, timeZone: l.timeZone)
        let names = try await labels(l)
        var rows = [["dimension", "value", "label", "count"]]
        for dimension in VolumeReport.Dimension.allCases {
            for share in report.shares[dimension] ?? [] {
                rows.append([dimension.rawValue, share.value, names(dimension, share.value), String(share.count)])
            }
        }
        for day in report.days { rows.append(["day", Self.day(day.start, l.timeZone), "", String(day.count)]) }
        return CSVFile(filename: "volume.csv", rows: rows).response
    }

    /// `from`/`to` as `YYYY-MM-DD` (both days included) in the agent's zone; the last 30 days by default.
    private func range(_ req: Request, _ zone: TimeZone) throws -> (from: Date, to: Date) {
        let fromText = try? req.query.get(String.self, at: "from")
        let toText = try? req.query.get(String.self, at: "to")
        guard fromText != nil || toText != nil else { return try defaultRange(zone) }
        guard let from = fromText.flatMap({ Self.parse($0, zone) }), let last = toText.flatMap({ Self.parse($0, zone) })
        else { throw ValidationError(field: "from", "from and to must be dates as YYYY-MM-DD") }
        let to = last.addingTimeInterval(86400)
        guard from < to, to.timeIntervalSince(from) <= Double(Self.maxDays) * 86400 else {
            throw ValidationError(field: "to", "the range must end after it starts and span at most \(Self.maxDays) days")
        }
        return (from, to)
    }

    private func defaultRange(_ zone: TimeZone) throws -> (from: Date, to: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: services.clock.now))!
        return (tomorrow.addingTimeInterval(-30 * 86400), tomorrow)
    }

    /// Department names and complaint-type labels for the rollup's values.
    private func labels(_ l: Localizer) async throws -> @Sendable (VolumeReport.Dimension, String) -> String {
        let departments = Dictionary(
            try await services.directory.departments(.everything).map { ($0.id.rawValue.uuidString, $0.name) },
            uniquingKeysWith: { first, _ in first })
        let taxonomy = try await services.quality.taxonomy()
        let channels = Dictionary(uniqueKeysWithValues: TicketChannel.allCases.map { ($0.rawValue, l.channel($0)) })
        return { dimension, value in
            switch dimension {
            case .department: departments[value] ?? value
            case .channel: channels[value] ?? value
            case .category: taxonomy.label(of: value) ?? value
            }
        }
    }

    static func parse(_ text: String, _ zone: TimeZone) -> Date? { dayFormatter(zone).date(from: text) }

    static func day(_ date: Date, _ zone: TimeZone) -> String { dayFormatter(zone).string(from: date) }

    /// `YYYY-MM-DD` in `zone`, as the date inputs send and show it.
    static func dayFormatter(_ zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }
}
