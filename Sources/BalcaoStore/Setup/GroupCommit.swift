import FluentKit
import Foundation
import SQLKit

/// Group commit for SQLite: write jobs that queue up while a transaction is running are run together in the next
/// one, each in its own savepoint, and committed with one fsync. SQLite has a single writer, so writes queue
/// anyway; committing them together turns N fsyncs into one under concurrent load, while a job that throws rolls
/// back only its own savepoint and gets its own error. A failed COMMIT fails every job of the batch.
actor GroupCommit {
    private struct Job {
        let body: @Sendable (any Database) async throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    private let database: any Database
    private var queue: [Job] = []
    private var isDraining = false
    /// Jobs per transaction at most, so one transaction never holds the write lock for long.
    static let maxBatch = 64

    init(database: any Database) { self.database = database }

    func run<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            queue.append(Job(body: { try await body($0) }, continuation: continuation))
            if !isDraining {
                isDraining = true
                Task { await self.drain() }
            }
        }
        return value as! T
    }

    /// Runs batches until the queue is empty. Jobs submitted while a batch runs wait for the next one.
    private func drain() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.maxBatch))
            queue.removeFirst(batch.count)
            if batch.count == 1 {
                // Alone: the job's error rolls back the whole transaction, no savepoint needed.
                let job = batch[0]
                do {
                    let value = try await database.transaction { try await job.body($0) }
                    job.continuation.resume(returning: value)
                } catch {
                    job.continuation.resume(throwing: error)
                }
                continue
            }
            do {
                let results = try await database.transaction { transaction in
                    try await Self.runInSavepoints(batch, on: transaction)
                }
                for (job, result) in zip(batch, results) { job.continuation.resume(with: result) }
            } catch {
                for job in batch { job.continuation.resume(throwing: error) }
            }
        }
        isDraining = false
    }

    private static func runInSavepoints(_ batch: [Job], on transaction: any Database) async throws
        -> [Result<any Sendable, any Error>]
    {
        let sql = transaction as! any SQLDatabase
        var results: [Result<any Sendable, any Error>] = []
        for (index, job) in batch.enumerated() {
            let savepoint = "gc\(index)"
            try await sql.raw("SAVEPOINT \(unsafeRaw: savepoint)").run()
            do {
                let value = try await job.body(transaction)
                try await sql.raw("RELEASE \(unsafeRaw: savepoint)").run()
                results.append(.success(value))
            } catch {
                try await sql.raw("ROLLBACK TO \(unsafeRaw: savepoint)").run()
                try await sql.raw("RELEASE \(unsafeRaw: savepoint)").run()
                results.append(.failure(error))
            }
        }
        return results
    }
}
