import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Quality digest")
struct QualityDigestTests {
    @Test("Sent once a week from Monday 08:00 to the quality team, with the week's complaint types",
        arguments: TestDatabase.available)
    func weekly(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let store = FluentQualityStore(context: desk.context)
            let quality = QualityService(store: store, service: desk.ticketService, tickets: desk.tickets)
            let admin = try await desk.makeAdmin()
            try await quality.save(
                ComplaintTaxonomy(
                    nodes: [.init(key: "late", label: "Atraso")], digestRecipients: [" Qualidade@Loja.example "]),
                by: admin)
            let utc = TimeZone(identifier: "UTC")!
            let digest = QualityDigest(
                quality: quality, claims: store, notifier: desk.notifier, clock: desk.clock, timeZone: utc,
                reportURL: "https://desk.example/agent/quality?days=7")
            var calendar = Calendar(identifier: .iso8601)
            calendar.timeZone = utc
            let monday = calendar.nextDate(
                after: desk.clock.now, matching: DateComponents(hour: 0, minute: 0, weekday: 2), matchingPolicy: .nextTime)!
            desk.clock.advance(by: monday.timeIntervalSince(desk.clock.now) - 86400)
            _ = try await desk.ticketService.open(
                OpenTicket(
                    subject: "Não chegou", body: MessageBody(text: "Atrasado"),
                    requester: .email(EmailAddress("ana@loja.example")!, name: nil, kind: nil), channel: .email,
                    category: "late"),
                by: .system)

            desk.clock.advance(by: 86400 + 7 * 3600)
            let tooEarly = try await digest.sendIfDue()
            desk.clock.advance(by: 3600)
            let sent = try await digest.sendIfDue()
            let again = try await digest.sendIfDue()
            let mails = try await desk.outbox.outbox(.all, limit: 20).filter { $0.purpose == .qualityDigest }

            #expect(!tooEarly && sent && !again)
            #expect(mails.count == 1)
            #expect(mails.first?.recipients == ["qualidade@loja.example"])
            #expect(mails.first.map { String(decoding: $0.raw, as: UTF8.self).contains("Atraso: 1 (0)") } == true)
            #expect(try await quality.taxonomy().digestRecipients == ["qualidade@loja.example"])
        }
    }
}
