import Foundation

/// Complaint classification and recurrence: admins keep the taxonomy, agents classify tickets (a category change,
/// so it is in the history like any field), everyone sees how often a complaint comes back.
public struct QualityService: Sendable {
    let store: any QualityStore
    let service: TicketService
    let tickets: any TicketStore

    public init(store: any QualityStore, service: TicketService, tickets: any TicketStore) {
        self.store = store
        self.service = service
        self.tickets = tickets
    }

    public func taxonomy() async throws -> ComplaintTaxonomy { try await store.taxonomy() }

    public func save(_ taxonomy: ComplaintTaxonomy, by agent: Agent) async throws {
        try DirectoryService.requireAdmin(agent)
        try await store.save(try taxonomy.validated())
    }

    /// Classifies the ticket as the taxonomy's node `key` (nil clears it).
    public func classify(_ id: Ticket.ID, as key: String?, by agent: Agent) async throws -> Ticket {
        if let key, try await store.taxonomy().node(key) == nil {
            throw ValidationError(field: "category", "no complaint type has the key \(key)")
        }
        var changes = TicketChanges()
        changes.category = key.map { .set($0) } ?? .clear
        return try await service.update(id, changes, by: .agent(agent.id))
    }

    /// Types the ticket's subject and first message suggest, best first.
    public func suggestions(for ticket: Ticket, in taxonomy: ComplaintTaxonomy) async throws -> [ComplaintSuggestion] {
        guard !taxonomy.isEmpty else { return [] }
        let first = try await tickets.messages(of: ticket.id).first?.text ?? ""
        return taxonomy.suggestions(for: ticket.subject + "\n" + first)
    }

    /// Earlier tickets of the ticket's category in each of the taxonomy's windows; empty when unclassified.
    public func recurrence(of ticket: Ticket, in taxonomy: ComplaintTaxonomy) async throws -> [RecurrenceCount] {
        guard let subject = RecurrenceSubject(ticket) else { return [] }
        return try await store.recurrence(of: subject, windows: taxonomy.recurrenceWindows)
    }

    /// For a page of the queue: each classified ticket's earlier reports by the same requester in the headline
    /// window (tickets without any are left out).
    public func requesterRecurrence(of page: [Ticket], in taxonomy: ComplaintTaxonomy) async throws -> [Ticket.ID: Int] {
        let subjects = page.compactMap(RecurrenceSubject.init)
        guard let days = RecurrenceCounter.headlineWindow(taxonomy.recurrenceWindows), !subjects.isEmpty,
            let oldest = subjects.map(\.createdAt).min()
        else { return [:] }
        let candidates = try await store.recurrenceSubjects(
            categories: Set(subjects.map(\.category)), requesters: Set(subjects.map(\.requesterID)),
            since: oldest.addingTimeInterval(-Double(days) * 86400))
        var result: [Ticket.ID: Int] = [:]
        for subject in subjects {
            let count = RecurrenceCounter.counts(for: subject, among: candidates, windows: [days]).first?.requester ?? 0
            if count > 0 { result[subject.ticketID] = count }
        }
        return result
    }

    /// The quality report for `[from, to)` against the period of the same length before it.
    public func report(from: Date, to: Date) async throws -> QualityReport {
        let facts = try await store.reportFacts(from: from.addingTimeInterval(-to.timeIntervalSince(from)), to: to)
        return QualityReport(facts: facts, from: from, to: to, taxonomy: try await store.taxonomy())
    }
}
