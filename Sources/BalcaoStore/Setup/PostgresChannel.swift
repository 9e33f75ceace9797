import FluentKit
import Foundation
import Logging
import FluentPostgresDriver
import SQLKit

/// A PostgreSQL NOTIFY channel shared by every instance on the database: how several Balcão processes tell each
/// other what they committed (no extra broker). Only on PostgreSQL; SQLite runs one instance.
public struct PostgresChannel: Sendable {
    let context: StoreContext
    public let name: String

    /// `name` is suffixed with the desk's schema: NOTIFY reaches the whole database, and desks (or test runs) in
    /// other schemas of it must not hear each other.
    public init(context: StoreContext, name: String) {
        self.context = context
        let scoped = context.schema.map { "\(name)_\($0)" } ?? name
        self.name = String(scoped.prefix(63))
    }

    /// Whether the store can share a channel at all.
    public var isAvailable: Bool { !context.isSQLite }

    /// Sends `payload` (at most 7,999 bytes, PostgreSQL's limit) to every listener, this instance's included.
    public func notify(_ payload: String) async throws {
        try await context.sql.raw("SELECT pg_notify(\(bind: name), \(bind: payload))").run()
    }

    /// The payloads sent on the channel, for as long as the stream is read. A listening connection is held from
    /// the pool; when it drops, listening starts again a second later (what was sent meanwhile is missed).
    public func listen(logger: Logger) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1024))
        let (context, name) = (context, name)
        let task = Task {
            while !Task.isCancelled {
                do {
                    guard let postgres = context.database as? any PostgresDatabase else { break }
                    try await postgres.withConnection { connection in
                        connection.eventLoop.makeFutureWithTask {
                            try await connection.listen(on: name) { notifications in
                                for try await notification in notifications { continuation.yield(notification.payload) }
                            }
                        }
                    }.get()
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("listening on \(name) stopped, retrying: \(error)")
                    try? await Task.sleep(for: .seconds(1))
                }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
