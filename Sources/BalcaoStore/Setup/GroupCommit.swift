import FluentKit
import Foundation
import SQLKit

/// Writes that one set of statements can serve for many callers at once: queued inputs of the same work run
/// together (multi-row inserts, one counter update for N ticket numbers) instead of one statement set each.
/// `body` answers one output per input, in order.
struct BatchWork<Input: Sendable, Output: Sendable>: Sendable {
    let name: String
    let body: @Sendable ([Input], any Database) async throws -> [Output]
}

/// Group commit for SQLite: write jobs that queue up while a transaction is running are run together in the next
/// one, each in its own savepoint, and committed with one fsync. SQLite has a single writer, so writes queue
/// anyway; committing them together turns N fsyncs into one under concurrent load, while a job that throws rolls
/// back only its own savepoint and gets its own error. A failed COMMIT fails every job of the batch.
///
/// Jobs of the same `BatchWork` in one batch are merged into a single call of its body (one savepoint); if that
/// throws, each of them is run again alone so only the bad input fails.
actor GroupCommit {
    private struct Job {
        /// Jobs with the same key are merged; nil runs alone.
        let mergeKey: String?
        let input: any Sendable
        let body: @Sendable ([any Sendable], any Database) async throws -> [any Sendable]
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let database: any Database
    private var queue: [Job] = []
    private var isDraining = false
    /// Jobs per transaction at most, so one transaction never holds the write lock for long.
    static let maxBatch = 64

    init(database: any Database) { self.database = database }

    func run<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await enqueue(mergeKey: nil, input: ()) { _, database in [try await body(database)] } as! T
    }

    func run<Input, Output>(_ work: BatchWork<Input, Output>, _ input: Input) async throws -> Output {
        // The input type is part of the key: only the same work ever merges.
        try await enqueue(mergeKey: "\(work.name)/\(ObjectIdentifier(Input.self))", input: input) { inputs, database in
            let outputs = try await work.body(inputs.map { $0 as! Input }, database)
            // One output per input, or nobody gets one: a short answer would leave callers waiting forever.
            guard outputs.count == inputs.count else { throw StoreError.batchMismatch(work.name) }
            return outputs
        } as! Output
    }

    private func enqueue(
        mergeKey: String?, input: any Sendable,
        body: @escaping @Sendable ([any Sendable], any Database) async throws -> [any Sendable]
    ) async throws -> any Sendable {
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Job(mergeKey: mergeKey, input: input, body: body, continuation: continuation))
            if !isDraining {
                isDraining = true
                Task { await self.drain() }
            }
        }
    }

    /// Runs batches until the queue is empty. Jobs submitted while a batch runs wait for the next one.
    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.maxBatch))
            queue.removeFirst(batch.count)
            let units = Self.units(of: batch)
            if units.count == 1, units[0].count == 1 {
                // Alone: the job's error rolls back the whole transaction, no savepoint needed.
                let job = units[0][0]
                do {
                    let value = try await database.transaction { try await job.body([job.input], $0) }
                    job.continuation.resume(returning: value[0])
                } catch {
                    job.continuation.resume(throwing: error)
                }
                continue
            }
            do {
                let results = try await database.transaction { transaction in
                    try await Self.runInSavepoints(units, on: transaction)
                }
                for (job, result) in zip(units.joined(), results) { job.continuation.resume(with: result) }
            } catch {
                for job in batch { job.continuation.resume(throwing: error) }
            }
        }
        isDraining = false
    }

    /// The batch's jobs grouped by merge key, in order of first appearance; unmergeable jobs stand alone.
    private static func units(of batch: [Job]) -> [[Job]] {
        var units: [[Job]] = []
        var unitOfKey: [String: Int] = [:]
        for job in batch {
            if let key = job.mergeKey, let index = unitOfKey[key] {
                units[index].append(job)
            } else {
                if let key = job.mergeKey { unitOfKey[key] = units.count }
                units.append([job])
            }
        }
        return units
    }

    /// One savepoint per unit; a merged unit that fails is retried job by job so only the bad input fails.
    private static func runInSavepoints(_ units: [[Job]], on transaction: any Database) async throws
        -> [Result<any Sendable, any Error>]
    {
        var results: [Result<any Sendable, any Error>] = []
        var savepoint = 0
        for unit in units {
            savepoint += 1
            let merged = try await inSavepoint(savepoint, on: transaction) {
                try await unit[0].body(unit.map(\.input), $0)
            }
            if case .success(let outputs) = merged {
                results += outputs.map { .success($0) }
            } else if unit.count == 1, case .failure(let error) = merged {
                results.append(.failure(error))
            } else {
                for job in unit {
                    savepoint += 1
                    let alone = try await inSavepoint(savepoint, on: transaction) { try await job.body([job.input], $0) }
                    results.append(alone.map { $0[0] })
                }
            }
        }
        return results
    }

    private static func inSavepoint(
        _ number: Int, on transaction: any Database,
        _ body: (any Database) async throws -> [any Sendable]
    ) async throws -> Result<[any Sendable], any Error> {
        let sql = transaction as! any SQLDatabase
        let name = "gc\(number)"
        try await sql.raw("SAVEPOINT \(unsafeRaw: name)").run()
        do {
            let value = try await body(transaction)
            try await sql.raw("RELEASE \(unsafeRaw: name)").run()
            return .success(value)
        } catch {
            try await sql.raw("ROLLBACK TO \(unsafeRaw: name)").run()
            try await sql.raw("RELEASE \(unsafeRaw: name)").run()
            return .failure(error)
        }
    }
}
