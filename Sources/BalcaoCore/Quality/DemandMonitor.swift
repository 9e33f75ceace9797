import Foundation

/// Watches ticket arrivals for spikes: every few minutes each series (the whole desk, each department, category
/// and channel) compares the last 60 minutes with its seasonal baseline (`DemandBaseline`), and its detector
/// (`SpikeDetector`, persisted) opens one alert per spike, updates its peak, and closes it when volume is normal.
/// On opening, the supervisors of the department (admins for the desk-wide, category and channel series) are told.
public struct DemandMonitor: Sendable {
    public static let historyWeeks = 8
    public static let exampleCount = 5

    let store: any DemandStore
    let directory: any DirectoryStore
    let alerting: any SpikeAlerting
    let automation: any AutomationStore
    let clock: any Clock
    /// Hours of the week are counted in the desk's first business calendar's zone, else this one.
    let defaultTimeZone: TimeZone

    public init(
        store: any DemandStore, directory: any DirectoryStore, alerting: any SpikeAlerting,
        automation: any AutomationStore, clock: any Clock, defaultTimeZone: TimeZone
    ) {
        self.store = store
        self.directory = directory
        self.alerting = alerting
        self.automation = automation
        self.clock = clock
        self.defaultTimeZone = defaultTimeZone
    }

    /// One round over every series; returns what changed.
    @discardableResult
    public func check() async throws -> [SpikeEvent] {
        let now = clock.now
        let since = now.addingTimeInterval(-Double(Self.historyWeeks) * 7 * 86400)
        let timeZone = try await automation.settings().calendars.first
            .flatMap { TimeZone(identifier: $0.timeZoneIdentifier) } ?? defaultTimeZone
        var detectors = try await store.detectors()
        var events: [SpikeEvent] = []
        // The most specific series first: a burst in one department also lifts the desk's and its channel's
        // counts, and supervisors should hear of it once, from where it happens.
        var explained = try await store.alerts(openOnly: true, limit: 50).contains { Self.isSpecific($0.alert.key) }
        for key in try await store.activeSeries(since: since).sorted(by: { Self.rank($0) < Self.rank($1) }) {
            let history = try await store.hourlyArrivals(key, since: since)
            let baseline = DemandBaseline(history: history, timeZone: timeZone)
            let arrivals = try await store.arrivals(key, from: now.addingTimeInterval(-3600), to: now)
            var detector = detectors[key] ?? SpikeDetector(key: key)
            let event = detector.observe(
                arrivals: arrivals, expectation: baseline.expectation(forHourEndingAt: now), at: now)
            detectors[key] = detector
            try await store.save(detector)
            guard let event else { continue }
            if case .opened = event {
                if explained && !Self.isSpecific(key) { continue }
                explained = explained || Self.isSpecific(key)
            }
            events.append(event)
            try await handle(event, now: now)
        }
        return events
    }

    /// A department's or a category's series: where a spike has a cause (the desk and channels only add up).
    static func isSpecific(_ key: DemandSeriesKey) -> Bool { key.departmentID != nil || key.category != nil }

    static func rank(_ key: DemandSeriesKey) -> Int {
        key.departmentID != nil ? 0 : key.category != nil ? 1 : key.channel != nil ? 2 : 3
    }

    private func handle(_ event: SpikeEvent, now: Date) async throws {
        switch event {
        case .opened(let alert):
            let examples = try await store.examples(
                alert.key, from: now.addingTimeInterval(-3600), to: now, limit: Self.exampleCount)
            try await store.save(alert, examples: examples.map(\.number))
            try await alerting.spikeOpened(
                alert, series: try await describe(alert.key), examples: examples,
                supervisors: try await supervisors(of: alert.key))
        case .updated(let alert), .closed(let alert):
            // Only alerts that were raised: a desk-wide one kept quiet behind a department's is not recorded.
            try await store.update(alert)
        }
    }

    /// Who hears of a spike: the department's supervisors and every admin.
    func supervisors(of key: DemandSeriesKey) async throws -> [Agent] {
        let department = key.departmentID.flatMap(Department.ID.init)
        return try await directory.agents(.everything).filter { agent in
            guard agent.isActive else { return false }
            if agent.role == .admin { return true }
            guard agent.role == .supervisor else { return false }
            return department.map { agent.departmentIDs.contains($0) } ?? false
        }
    }

    /// "Customer Support", "category delivery_late", "channel chat", "the whole desk" — names for people.
    public func describe(_ key: DemandSeriesKey) async throws -> String {
        var parts: [String] = []
        if let id = key.departmentID.flatMap(Department.ID.init) {
            parts.append(try await directory.department(id)?.name ?? id.description)
        }
        if let category = key.category { parts.append(category) }
        if let channel = key.channel { parts.append(channel) }
        return parts.isEmpty ? "*" : parts.joined(separator: " · ")
    }
}

/// Keeps the hourly arrivals current: a new ticket counts in its hour, department and channel (and category
/// when it has one); a later classification moves it between categories, in the hour it arrived.
public struct DemandRecordingBus: EventBus {
    let store: any DemandStore
    let next: any EventBus
    let report: @Sendable (String) -> Void

    public init(store: any DemandStore, next: any EventBus, report: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.next = next
        self.report = report
    }

    public func publish(_ change: TicketChange) async {
        let ticket = change.ticket
        do {
            if change.isNew {
                try await store.recordArrival(
                    createdAt: ticket.createdAt, department: ticket.departmentID, channel: ticket.channel,
                    category: ticket.category)
            } else if let event = change.events.last(where: { $0.field == .category }) {
                let first = change.events.first { $0.field == .category }
                try await store.recordReclassification(
                    createdAt: ticket.createdAt, from: first?.oldValue, to: event.newValue)
            }
        } catch {
            report("arrivals of ticket #\(ticket.number) not counted: \(error)")
        }
        await next.publish(change)
    }
}
