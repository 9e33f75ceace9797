import BalcaoCore
import FluentKit
import SQLKit
import Foundation

/// The outbox table. Claims use a lease plus a token, so two workers (or instances on one PostgreSQL) never send
/// the same mail twice, and a worker that died mid-send frees its mail when the lease runs out.
public struct FluentOutboxStore: OutboxStore {
    let context: StoreContext

    public init(context: StoreContext) { self.context = context }

    public func enqueue(_ mail: OutboxMail) async throws {
        try await context.write { db in try await OutboxRecord(mail).create(on: db) }
    }

    public func claimDue(at now: Date, limit: Int, lease: TimeInterval) async throws -> [OutboxMail] {
        let token = UUID()
        let until = now.addingTimeInterval(lease)
        return try await context.write { db in
            let due = try await OutboxRecord.query(on: db).filter(\.$state == OutboxMail.State.pending.rawValue)
                .filter(\.$nextAttemptAt <= now)
                .group(.or) { $0.filter(\.$leaseUntil == nil).filter(\.$leaseUntil < now) }
                .sort(\.$nextAttemptAt).limit(limit).field(\.$id).all().compactMap(\.id)
            guard !due.isEmpty else { return [] }
            // The lease condition is checked again by the UPDATE itself: on PostgreSQL a concurrent claimer
            // blocks on the row and then finds it leased.
            try await OutboxRecord.query(on: db).filter(\.$id ~~ due)
                .group(.or) { $0.filter(\.$leaseUntil == nil).filter(\.$leaseUntil < now) }
                .set(\.$leaseUntil, to: until).set(\.$claimToken, to: token).update()
            return try await OutboxRecord.query(on: db).filter(\.$claimToken == token).sort(\.$nextAttemptAt).all()
                .map { try $0.domain() }
        }
    }

    public func markSent(_ id: OutboxMail.ID, at: Date) async throws {
        try await context.write { db in
            try await OutboxRecord.query(on: db).filter(\.$id == id.rawValue)
                .set(\.$state, to: OutboxMail.State.sent.rawValue).set(\.$sentAt, to: at)
                .set(\.$leaseUntil, to: nil).set(\.$claimToken, to: nil).set(\.$nextAttemptAt, to: nil)
                .set(\.$lastError, to: nil).update()
        }
    }

    public func markFailed(_ id: OutboxMail.ID, attempts: Int, error: String, nextAttemptAt: Date?) async throws {
        let state: OutboxMail.State = nextAttemptAt == nil ? .failed : .pending
        try await context.write { db in
            try await OutboxRecord.query(on: db).filter(\.$id == id.rawValue)
                .set(\.$state, to: state.rawValue).set(\.$attempts, to: attempts)
                .set(\.$lastError, to: String(error.prefix(1000))).set(\.$nextAttemptAt, to: nextAttemptAt)
                .set(\.$leaseUntil, to: nil).set(\.$claimToken, to: nil).update()
        }
    }

    public func retry(_ id: OutboxMail.ID, at: Date) async throws -> Bool {
        try await context.write { db in
            guard let record = try await OutboxRecord.find(id.rawValue, on: db),
                record.state == OutboxMail.State.failed.rawValue
            else { return false }
            record.state = OutboxMail.State.pending.rawValue
            record.nextAttemptAt = at
            record.attempts = 0
            try await record.update(on: db)
            return true
        }
    }

    public func outbox(_ filter: OutboxFilter, limit: Int) async throws -> [OutboxMail] {
        let query = OutboxRecord.query(on: context.database).sort(\.$createdAt, .descending).limit(limit)
        switch filter {
        case .all: break
        case .pending: query.filter(\.$state == OutboxMail.State.pending.rawValue)
        case .failed: query.filter(\.$state == OutboxMail.State.failed.rawValue)
        case .sent: query.filter(\.$state == OutboxMail.State.sent.rawValue)
        }
        return try await query.all().map { try $0.domain() }
    }

    public func outboxCounts() async throws -> [OutboxMail.State: Int] {
        let rows = try await context.sql.raw("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state").all()
        var counts = Dictionary(uniqueKeysWithValues: OutboxMail.State.allCases.map { ($0, 0) })
        for row in rows {
            guard let state = OutboxMail.State(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            counts[state] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    public func hasMail(in state: OutboxMail.State) async throws -> Bool {
        try await context.sql.raw("SELECT 1 AS found FROM outbox WHERE state = \(bind: state.rawValue) LIMIT 1").first() != nil
    }

    public func count(
        _ purposes: [NotificationTemplate.Kind], to recipient: String, ticket: Ticket.ID?, since: Date
    ) async throws -> Int {
        let query = OutboxRecord.query(on: context.database).filter(\.$firstRecipient == recipient.lowercased())
            .filter(\.$purpose ~~ purposes.map(\.rawValue)).filter(\.$createdAt >= since)
        if let ticket { query.filter(\.$ticketID == ticket.rawValue) }
        return try await query.count()
    }
}
