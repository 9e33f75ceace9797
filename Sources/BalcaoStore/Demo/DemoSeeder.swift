import BalcaoCore
import Foundation

/// Fills an empty desk with a realistic one: seven departments (plus two tier-2 teams), organizations, customers,
/// employees, agents and a few hundred tickets in pt-BR, pt-PT and English spread over the last eight weeks,
/// each taken through the real ticket rules (replies, notes, solves, closes) so their history is genuine.
public struct DemoSeeder {
    let directory: any DirectoryStore
    let tickets: any TicketStore
    let blobs: any BlobStore
    /// How many times the ticket catalogue is replayed with other requesters and dates (136 seeds × 3 ≈ 400).
    let rounds: Int

    public init(directory: any DirectoryStore, tickets: any TicketStore, blobs: any BlobStore, rounds: Int = 3) {
        self.directory = directory
        self.tickets = tickets
        self.blobs = blobs
        self.rounds = rounds
    }

    /// What was created, for the summary the CLI prints.
    public struct Summary: Sendable {
        public let departments: Int
        public let agents: [Agent]
        public let contacts: Int
        public let tickets: Int
    }

    /// Seeds everything as of `now`. Deterministic: the same `now` gives the same desk.
    public func seed(now: Date) async throws -> Summary {
        let clock = ManualClock(now.addingTimeInterval(-60 * 24 * 3600))
        let people = DirectoryService(directory: directory, tickets: tickets, clock: clock)
        let service = TicketService(tickets: tickets, directory: directory, blobs: blobs, clock: clock)
        var random = SplitMix64(seed: 20_261_125)

        let departments = try await seedDepartments(people)
        let organizations = try await seedOrganizations(people)
        let customers = try await seedPeople(DemoCatalog.customers, kind: .customer, organizations, people)
        let employees = try await seedPeople(DemoCatalog.employees, kind: .employee, organizations, people)
        let agents = try await seedAgents(departments, people)

        // Shuffled, so every desk has old and new tickets (not one desk holding all of the newest).
        let plans = (0..<rounds).flatMap { round in
            (DemoCatalog.internalTickets + DemoCatalog.externalTickets).map { (round, $0) }
        }.shuffled(using: &random)
        // Spread creation times over the eight weeks, oldest first, so the newest tickets are the least advanced.
        let span = now.timeIntervalSince(clock.now) - 3600
        var startTimes = plans.map { _ in clock.now.addingTimeInterval(Double(random.next() % UInt64(span))) }
        startTimes.sort()
        var created = 0
        for ((round, seed), start) in zip(plans, startTimes) {
            let pool = DemoDepartmentKey.internalDesks.contains(seed.department) ? employees : customers
            let requester = Self.requester(for: seed, round: round, pool: pool, random: &random)
            let story = DemoTicketStory(
                seed: seed, requester: requester, department: departments[seed.department]!,
                agents: agents.filter { $0.canWork(in: departments[seed.department]!.id) && $0.role != .admin },
                ageDays: now.timeIntervalSince(start) / 86_400)
            clock.set(start)
            try await story.play(with: service, clock: clock, until: now, random: &random)
            created += 1
        }
        return Summary(
            departments: departments.count + 2, agents: agents, contacts: customers.count + employees.count,
            tickets: created)
    }

    /// Prefers a requester who speaks the seed's language; rounds pick different people.
    static func requester(
        for seed: DemoTicketSeed, round: Int, pool: [(Contact, DemoPerson)], random: inout SplitMix64
    ) -> Contact {
        let speakers = pool.filter { $0.1.language == seed.language }
        let candidates = speakers.isEmpty ? pool : speakers
        return candidates[Int(random.next() % UInt64(candidates.count))].0
    }
}

extension DemoDepartmentKey {
    static let internalDesks: Set<DemoDepartmentKey> = [.it, .hr, .finance, .facilities]
}

/// A small, fast, seedable generator so demo data is the same on every machine.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
