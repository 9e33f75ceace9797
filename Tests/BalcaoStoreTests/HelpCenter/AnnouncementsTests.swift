import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Announcements")
struct AnnouncementsStoreTests {
    @Test("Managers publish notices; each reader sees the running ones meant for them", arguments: TestDatabase.available)
    func publishAndShow(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let writer = try await desk.makeAgent(departments: [])
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let announcements = Announcements(
                store: FluentAnnouncementStore(context: desk.context), directory: desk.directory, clock: desk.clock)
            let now = desk.clock.now
            func notice(_ title: String, _ audience: Announcement.Audience, from start: TimeInterval = -60, until end: TimeInterval? = nil)
                -> Announcement
            {
                Announcement(
                    title: LocalizedText([.portugueseBrazil: title]), body: LocalizedText([.portugueseBrazil: "Detalhes."]),
                    audience: audience, startsAt: now.addingTimeInterval(start), endsAt: end.map(now.addingTimeInterval),
                    createdAt: now)
            }
            let everyone = notice("Feriado", .everyone)
            let vpn = notice("VPN em manutenção", .department(it.id))
            let customers = notice("Novo horário", .customers)
            let past = notice("Antigo", .everyone, from: -7200, until: -3600)
            let future = notice("Futuro", .everyone, from: 3600)
            for announcement in [everyone, vpn, customers, past, future] {
                try await announcements.save(announcement, by: admin)
            }

            await #expect(throws: HelpCenterError.forbidden("only supervisors and admins arrange the help section")) {
                try await announcements.save(notice("Meu aviso", .everyone), by: writer)
            }
            await #expect(throws: ValidationError.self) {
                try await announcements.save(notice("Sem setor", .department(Department.ID())), by: admin)
            }
            let employee = try await announcements.current(for: .contact(.employee), departments: [it])
            let customer = try await announcements.current(for: .contact(.customer))
            #expect(Set(employee.map(\.id)) == [everyone.id, vpn.id])
            #expect(Set(customer.map(\.id)) == [everyone.id, customers.id])
            #expect(try await announcements.all().count == 5)
            #expect(try await announcements.all().first { $0.id == vpn.id } == vpn)

            try await announcements.delete(vpn.id, by: admin)
            await #expect(throws: HelpCenterError.announcementNotFound(vpn.id)) {
                try await announcements.delete(vpn.id, by: admin)
            }
            #expect(try await announcements.current(for: .contact(.employee), departments: [it]).map(\.id) == [everyone.id])
        }
    }
}
