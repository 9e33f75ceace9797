import Foundation

/// ProblemRecord management: record a problem (often from a recurring ticket), link tickets to it, keep its root cause
/// and workaround, and solve it — which answers every linked, unsolved ticket with the resolution and solves it,
/// so each requester hears once, on their own request.
public struct ProblemService: Sendable {
    let store: any ProblemStore
    let service: TicketService
    let tickets: any TicketStore
    let clock: any Clock

    public init(store: any ProblemStore, service: TicketService, tickets: any TicketStore, clock: any Clock) {
        self.store = store
        self.service = service
        self.tickets = tickets
        self.clock = clock
    }

    /// Opens a problem; with `ticket`, links it straight away.
    public func open(_ draft: ProblemRecord, linking ticket: Ticket.ID? = nil, by agent: Agent) async throws -> ProblemRecord {
        let now = clock.now
        let problem = try ProblemRecord(
            title: draft.title, category: draft.category, rootCause: draft.rootCause, workaround: draft.workaround,
            status: draft.status == .solved ? .investigating : draft.status, createdBy: agent.id, createdAt: now
        ).validated()
        try await store.insert(problem)
        if let ticket { try await link(ticket, to: problem.id, by: agent) }
        return problem
    }

    /// Changes the title, category, root cause, workaround or status (not to solved: `solve` does that).
    public func update(_ id: ProblemRecord.ID, with draft: ProblemRecord, by agent: Agent) async throws -> ProblemRecord {
        var problem = try await open(id)
        problem.title = draft.title
        problem.category = draft.category
        problem.rootCause = draft.rootCause
        problem.workaround = draft.workaround
        if draft.status != .solved { problem.status = draft.status }
        problem.updatedAt = clock.now
        let checked = try problem.validated()
        try await store.update(checked)
        return checked
    }

    /// Links the ticket (moving it from another problem if it had one); the history says so.
    public func link(_ ticket: Ticket.ID, to id: ProblemRecord.ID, by agent: Agent) async throws {
        let problem = try await open(id)
        let previous = try await store.problem(of: ticket)
        guard previous?.id != id else { return }
        guard try await tickets.ticket(ticket) != nil else { throw TicketError.notFound(ticket) }
        try await store.link(ticket, to: id, at: clock.now)
        _ = try await service.record(.problem, old: previous?.title, new: problem.title, on: ticket, by: .agent(agent.id))
    }

    public func unlink(_ ticket: Ticket.ID, by agent: Agent) async throws {
        guard let previous = try await store.problem(of: ticket) else { return }
        try await store.unlink(ticket)
        _ = try await service.record(.problem, old: previous.title, new: nil, on: ticket, by: .agent(agent.id))
    }

    /// Solves the problem: each linked ticket not yet solved gets `message` as a public reply from the agent and
    /// is solved. Returns how many tickets were answered.
    public func solve(_ id: ProblemRecord.ID, message: String, by agent: Agent) async throws -> Int {
        var problem = try await open(id)
        var collector = ValidationCollector()
        collector.requireText(message, field: "message", maxLength: ProblemRecord.maxTextLength)
        try collector.check()
        // Tickets first: if this stops half way, solving again skips the ones already solved.
        var answered = 0
        for ticketID in try await store.tickets(of: id) {
            guard let ticket = try await tickets.ticket(ticketID), ticket.status.isUnsolved else { continue }
            _ = try await service.addMessage(
                AddMessage(kind: .reply, body: MessageBody(text: message), author: .agent(agent.id), channel: .web),
                to: ticketID)
            answered += 1
            var changes = TicketChanges()
            changes.status = .solved
            do {
                _ = try await service.update(ticketID, changes, by: .agent(agent.id))
            } catch is ValidationError {
                // Its department requires fields nobody filled: answered, left open for an agent to finish.
            }
        }
        let now = clock.now
        problem.status = .solved
        problem.resolution = message
        problem.solvedAt = now
        problem.updatedAt = now
        try await store.update(problem)
        return answered
    }

    public func problem(_ id: ProblemRecord.ID) async throws -> ProblemRecord? { try await store.problem(id) }
    public func problem(of ticket: Ticket.ID) async throws -> ProblemRecord? { try await store.problem(of: ticket) }
    public func problems(status: ProblemRecord.Status? = nil) async throws -> [ProblemRecord] { try await store.problems(status: status) }
    public func tickets(of id: ProblemRecord.ID) async throws -> [Ticket] {
        var found: [Ticket] = []
        for ticketID in try await store.tickets(of: id) {
            if let ticket = try await tickets.ticket(ticketID) { found.append(ticket) }
        }
        return found.sorted { $0.createdAt < $1.createdAt }
    }
    public func linkCounts() async throws -> [ProblemRecord.ID: Int] { try await store.linkCounts() }

    /// A problem that may still change.
    private func open(_ id: ProblemRecord.ID) async throws -> ProblemRecord {
        guard let problem = try await store.problem(id) else { throw ProblemError.notFound(id) }
        guard problem.status != .solved else { throw ProblemError.solved(id) }
        return problem
    }
}
