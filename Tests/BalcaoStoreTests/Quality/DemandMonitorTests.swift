import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Demand monitor")
struct DemandMonitorTests {
    /// Records what supervisors would be told.
    actor RecordingAlerting: SpikeAlerting {
        private(set) var opened: [(series: String, observed: Int, examples: Int, supervisors: [String])] = []

        func spikeOpened(_ alert: SpikeAlert, series: String, examples: [Ticket], supervisors: [Agent]) async throws {
            opened.append((series, alert.observed, examples.count, supervisors.map(\.name)))
        }
    }

    /// The demand store and a ticket service that counts arrivals in it.
    static func counting(_ desk: TestDesk) -> (FluentDemandStore, TicketService) {
        let store = FluentDemandStore(context: desk.context)
        let service = TicketService(
            tickets: desk.tickets, directory: desk.directory, blobs: desk.blobs, clock: desk.clock,
            bus: DemandRecordingBus(store: store, next: SilentEventBus(), report: { Issue.record("\($0)") }))
        return (store, service)
    }

    @Test("Four quiet weeks, then a burst in one department: exactly one alert, to its supervisors, closed once calm",
        arguments: TestDatabase.available)
    func burstRaisesOneAlert(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let (store, service) = Self.counting(desk)
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            var fields = AgentFields()
            fields.name = "Sara Supervisora"
            fields.email = "sara@balcao.example"
            fields.role = .supervisor
            fields.departmentIDs = [support.id]
            _ = try await desk.directoryService.createAgent(fields, by: admin)
            let alerting = RecordingAlerting()
            let monitor = DemandMonitor(
                store: store, directory: desk.directory, alerting: alerting, automation: desk.automation,
                clock: desk.clock, defaultTimeZone: TimeZone(identifier: "UTC")!)
            var number = 0
            func open(_ count: Int, over minutes: Double) async throws {
                for _ in 0..<count {
                    number += 1
                    _ = try await service.open(
                        OpenTicket(
                            subject: "Pedido \(number)", body: MessageBody(text: "Ajuda"),
                            requester: .email(EmailAddress("cliente\(number % 40)@loja.example")!, name: nil, kind: nil),
                            channel: .email, departmentID: support.id),
                        by: .system)
                    desk.clock.advance(by: minutes * 60 / Double(count))
                }
            }
            func advance(to date: Date) { desk.clock.advance(by: date.timeIntervalSince(desk.clock.now)) }
            // Weekday office hours, 4 tickets an hour, for four weeks from the next Monday 00:00 UTC.
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let monday = utc.nextDate(after: desk.clock.now, matching: DateComponents(hour: 0, minute: 0, weekday: 2),
                matchingPolicy: .nextTime)!
            for week in 0..<4 {
                for day in 0..<5 {
                    for hour in 9..<18 {
                        advance(to: monday.addingTimeInterval(Double(week * 7 + day) * 86400 + Double(hour) * 3600 + 60))
                        try await open(4, over: 50)
                    }
                }
            }
            let burstDay = monday.addingTimeInterval(28 * 86400)

            advance(to: burstDay.addingTimeInterval(9 * 3600 + 60))
            try await open(4, over: 50)
            let quiet = try await monitor.check()
            advance(to: burstDay.addingTimeInterval(10 * 3600))
            try await open(30, over: 30)
            let burst = try await monitor.check()
            try await open(10, over: 10)
            let still = try await monitor.check()
            advance(to: burstDay.addingTimeInterval(12 * 3600 + 1800))
            _ = try await monitor.check()
            advance(to: burstDay.addingTimeInterval(13 * 3600 + 1800))
            let calm = try await monitor.check()
            let stored = try await store.alerts(openOnly: false, limit: 10)
            let told = await alerting.opened

            #expect(quiet.isEmpty, "ordinary traffic raised \(quiet)")
            #expect(burst.filter { if case .opened = $0 { true } else { false } }.map(\.alert.key)
                == [DemandSeriesKey(departmentID: support.id.rawValue.uuidString)])
            #expect(!still.contains { if case .opened = $0 { true } else { false } }, "the same spike alerted twice")
            #expect(told.count == 1 && told.first?.series == "Suporte" && told.first?.examples == DemandMonitor.exampleCount)
            #expect(told.first.map { $0.supervisors.contains("Sara Supervisora") } == true)
            #expect((told.first?.observed ?? 0) >= 30)
            #expect(stored.count == 1 && stored.first?.examples.count == DemandMonitor.exampleCount)
            #expect(calm.contains { if case .closed = $0 { true } else { false } } || stored.first?.alert.closedAt != nil)
            #expect(stored.first?.alert.closedAt != nil, "the alert did not close once volume was normal")
        }
    }

    @Test("Arrivals follow reclassification: a ticket moved to another category counts there, in the hour it arrived",
        arguments: TestDatabase.available)
    func reclassificationMovesCounts(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let (store, service) = Self.counting(desk)
            let ticket = try await service.open(
                OpenTicket(
                    subject: "Atraso", body: MessageBody(text: "Não chegou"),
                    requester: .email(EmailAddress("ana@loja.example")!, name: nil, kind: nil), channel: .chat,
                    category: "late"),
                by: .system)
            desk.clock.advance(by: 7200)
            var changes = TicketChanges()
            changes.category = .set("broken")
            _ = try await service.update(ticket.id, changes, by: .system)
            let since = ticket.createdAt.addingTimeInterval(-7200)

            let late = try await store.hourlyArrivals(DemandSeriesKey(category: "late"), since: since)
            let broken = try await store.hourlyArrivals(DemandSeriesKey(category: "broken"), since: since)
            let chat = try await store.hourlyArrivals(DemandSeriesKey(channel: "chat"), since: since)
            let series = try await store.activeSeries(since: since)

            #expect(late.map(\.count) == [0])
            #expect(broken.map(\.count) == [1] && broken.first?.hourStart == chat.first?.hourStart)
            #expect(chat.map(\.count) == [1])
            #expect(series.contains(DemandSeriesKey()) && series.contains(DemandSeriesKey(channel: "chat")))
        }
    }
}
