import BalcaoCore
import FluentKit
import Foundation
import SQLKit

/// Loads a large, realistic desk straight into the tables — many rows per statement, one transaction per batch —
/// for benchmarks. It writes exactly what the stores write (same columns, same encodings through SQLKit binds,
/// search documents, queue counters), but skips the per-ticket rules: the texts come from the demo catalogue.
public struct BulkLoader: Sendable {
    public struct Scale: Sendable {
        public var tickets: Int
        public var messagesPerTicket: Int
        public var contacts: Int
        public var departments: Int

        public init(tickets: Int, messagesPerTicket: Int, contacts: Int, departments: Int) {
            self.tickets = tickets
            self.messagesPerTicket = messagesPerTicket
            self.contacts = contacts
            self.departments = departments
        }
    }

    /// What was loaded, for the benchmark's later steps.
    public struct Loaded: Sendable {
        public let departments: [Department.ID]
        public let agents: [Agent.ID]
        public let contacts: [Contact.ID]
        public let lastTicketNumber: Int
    }

    let context: StoreContext
    let scale: Scale

    public init(context: StoreContext, scale: Scale) {
        self.context = context
        self.scale = scale
    }

    /// Loads everything; `progress` gets the number of tickets written so far.
    public func load(now: Date, progress: @Sendable (Int) -> Void) async throws -> Loaded {
        var random = SplitMix64(seed: 42)
        let departments = (0..<scale.departments).map { _ in Department.ID() }
        let agents = (0..<max(2, scale.departments * 3)).map { _ in Agent.ID() }
        let contacts = (0..<scale.contacts).map { _ in Contact.ID() }
        try await loadDirectory(departments: departments, agents: agents, contacts: contacts, now: now)
        await context.staff.clear()

        let seeds = DemoCatalog.internalTickets + DemoCatalog.externalTickets
        let batch = 500
        var number = TicketNumber.first.value
        let span = 365.0 * 86_400
        while number - TicketNumber.first.value < scale.tickets {
            let count = min(batch, scale.tickets - (number - TicketNumber.first.value))
            var rows: [TicketRows] = []
            for _ in 0..<count {
                let seed = seeds[Int(random.next() % UInt64(seeds.count))]
                let created = now.addingTimeInterval(-Double(random.next() % UInt64(span)))
                rows.append(
                    TicketRows(
                        number: number, seed: seed,
                        requester: contacts[Int(random.next() % UInt64(contacts.count))],
                        department: departments[Int(random.next() % UInt64(departments.count))],
                        assignee: random.next() % 4 == 0 ? nil : agents[Int(random.next() % UInt64(agents.count))],
                        status: Self.statusMix[Int(random.next() % UInt64(Self.statusMix.count))],
                        created: created, messages: scale.messagesPerTicket))
                number += 1
            }
            try await write(rows)
            progress(number - TicketNumber.first.value)
        }
        try await finish(lastNumber: number - 1)
        return Loaded(departments: departments, agents: agents, contacts: contacts, lastTicketNumber: number - 1)
    }

    /// A year of history: most tickets done, a working backlog open.
    static let statusMix: [TicketStatus] =
        Array(repeating: .closed, count: 14) + Array(repeating: .solved, count: 2) + [.new, .open, .open, .pending]

    struct TicketRows {
        let number: Int
        let seed: DemoTicketSeed
        let requester: Contact.ID
        let department: Department.ID
        let assignee: Agent.ID?
        let status: TicketStatus
        let created: Date
        let messages: Int
        let id = UUID()

        var subject: String { "\(seed.subject) (\(number))" }

        /// The requester's words, then alternating agent and requester replies from the catalogue.
        func texts() -> [String] {
            let pool = [seed.body, seed.agentReply, seed.requesterFollowUp, seed.internalNote].compactMap { $0 }
            return (0..<messages).map { pool[$0 % pool.count] }
        }
    }
}
