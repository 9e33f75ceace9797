import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Recurrence in the store")
struct RecurrenceStoreTests {
    /// SplitMix64: the same random desk on every run and both databases.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("SQL counts equal a brute-force recount over a random desk, per ticket and for a queue page",
        arguments: TestDatabase.available)
    func matchesBruteForce(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            var random = SeededRandom(state: 2026)
            let store = FluentQualityStore(context: desk.context)
            let acme = Organization(name: "Acme", createdAt: desk.clock.now)
            let beta = Organization(name: "Beta", createdAt: desk.clock.now)
            try await desk.directory.insert(acme)
            try await desk.directory.insert(beta)
            var contacts: [Contact] = []
            for index in 0..<6 {
                let contact = Contact(
                    name: "Cliente \(index)", emails: [EmailAddress("cliente\(index)@loja.example")!],
                    organizationID: [acme.id, beta.id, nil][index % 3], createdAt: desk.clock.now)
                try await desk.directory.insert(contact)
                contacts.append(contact)
            }
            let categories = ["late", "broken", "billing", "refund"]
            var opened: [Ticket] = []
            for index in 0..<160 {
                // Hours to days apart, so the 7/30/90-day windows each cut through the history.
                desk.clock.advance(by: Double(Int.random(in: 600...120_000, using: &random)))
                let classified = Int.random(in: 0..<5, using: &random) > 0
                opened.append(
                    try await desk.ticketService.open(
                        OpenTicket(
                            subject: "Reclamação \(index)", body: MessageBody(text: "Texto"),
                            requester: .id(contacts.randomElement(using: &random)!.id), channel: .email,
                            category: classified ? categories.randomElement(using: &random) : nil),
                        by: .system))
            }
            let subjects = opened.compactMap(RecurrenceSubject.init)
            let windows = [7, 30, 90]

            var mismatches: [String] = []
            for subject in subjects {
                let stored = try await store.recurrence(of: subject, windows: windows)
                let recounted = RecurrenceCounter.counts(for: subject, among: subjects, windows: windows)
                if stored != recounted { mismatches.append("\(subject.ticketID): \(stored) ≠ \(recounted)") }
            }
            let page = Array(opened.suffix(50))
            let service = QualityService(store: store, service: desk.ticketService, tickets: desk.tickets)
            let badges = try await service.requesterRecurrence(of: page, in: ComplaintTaxonomy(recurrenceWindows: windows))
            let expectedBadges = Dictionary(
                uniqueKeysWithValues: page.compactMap(RecurrenceSubject.init).compactMap { subject in
                    let count = RecurrenceCounter.counts(for: subject, among: subjects, windows: [30])[0].requester
                    return count > 0 ? (subject.ticketID, count) : nil
                })

            #expect(subjects.count > 100)
            #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
            #expect(subjects.contains { RecurrenceCounter.counts(for: $0, among: subjects, windows: [7])[0].requester > 0 })
            #expect(badges == expectedBadges)
        }
    }

    @Test("The taxonomy is saved whole and read back", arguments: TestDatabase.available)
    func taxonomyRoundTrip(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let store = FluentQualityStore(context: desk.context)
            let taxonomy = ComplaintTaxonomy(
                nodes: [.init(key: "delivery", label: "Entrega", keywords: ["entrega"]),
                        .init(key: "late", label: "Atraso", parentKey: "delivery")],
                recurrenceWindows: [14, 60])

            let empty = try await store.taxonomy()
            try await store.save(taxonomy)

            #expect(empty.isEmpty && empty.recurrenceWindows == ComplaintTaxonomy.defaultWindows)
            #expect(try await store.taxonomy() == taxonomy)
        }
    }
}
