import Foundation

/// ProblemRecord records and the tickets linked to each (a ticket belongs to at most one problem).
public protocol ProblemStore: Sendable {
    func insert(_ problem: ProblemRecord) async throws
    func update(_ problem: ProblemRecord) async throws
    func problem(_ id: ProblemRecord.ID) async throws -> ProblemRecord?
    /// Newest first; all statuses when `status` is nil.
    func problems(status: ProblemRecord.Status?) async throws -> [ProblemRecord]
    func link(_ ticket: Ticket.ID, to problem: ProblemRecord.ID, at: Date) async throws
    func unlink(_ ticket: Ticket.ID) async throws
    func problem(of ticket: Ticket.ID) async throws -> ProblemRecord?
    func tickets(of problem: ProblemRecord.ID) async throws -> [Ticket.ID]
    /// How many tickets each problem has.
    func linkCounts() async throws -> [ProblemRecord.ID: Int]
}
