import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import SQLKit

/// Registers Balcão's database with Fluent and prepares it (SQLite pragmas, migrations).
public enum BalcaoDatabase {
    /// Whether `name` can be a schema name (lower-case letters, digits and _, not starting with a digit).
    public static func isValidSchemaName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber, name.count <= 63 else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
    }

    /// Registers `target` as the default database of `databases`.
    public static func register(_ target: DatabaseTarget, on databases: Databases) throws {
        switch target {
        case .sqlite(let file):
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // One connection per event loop (the driver allows no more); a request waits up to 30 s for it, as on
            // PostgreSQL, so a burst queues instead of failing.
            let configuration = DatabaseConfigurationFactory.sqlite(
                .init(storage: .file(path: file.path), enableForeignKeys: true), connectionPoolTimeout: .seconds(30),
                sqlLogLevel: .debug)
            databases.use(configuration, as: .sqlite, isDefault: true)
            // Readers above (one connection per event loop), the group-commit writer here (see StoreContext).
            databases.use(configuration, as: .sqliteWriter, isDefault: false)
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            // Four connections per event loop: with one, requests queue on the pool (see DESIGN.md).
            databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: 4,
                    connectionPoolTimeout: .seconds(30), encodingContext: .default, decodingContext: .default),
                as: .psql, isDefault: true)
        }
    }

    /// Turns on WAL for SQLite (a property of the file, so once is enough) and runs pending migrations.
    public static func prepare(_ target: DatabaseTarget, databases: Databases, logger: Logger) async throws {
        let database = databases.database(logger: logger, on: databases.eventLoopGroup.any())!
        let sql = database as! any SQLDatabase
        switch target {
        case .sqlite:
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        case .postgres(_, let schema?):
            try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        case .postgres:
            break
        }
        let migrations = Migrations()
        migrations.add(BalcaoMigrations.all)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }
}

/// What every store adapter needs: connections to read on, the writer, and what is kept in memory.
public struct StoreContext: Sendable {
    public let isSQLite: Bool
    private let target: DatabaseTarget
    private let databases: Databases
    private let logger: Logger
    /// SQLite's writes, committed in groups on the writer's own connection (nil on PostgreSQL, where transactions
    /// run concurrently on the pool).
    let groupCommit: GroupCommit?
    /// Agents and departments, kept for two seconds (`StaffSnapshot`); the directory store clears it on writes.
    let staff = SnapshotCache<StaffSnapshot>(lifetime: 2)
    /// Answers once the app has shut its databases down: a task still running then (a socket's last frame) gets
    /// an error from the closed pool instead of crashing the process.
    private let afterShutdown: any Database

    /// `databases` must have `target` registered (`BalcaoDatabase.register`).
    public init(databases: Databases, target: DatabaseTarget, logger: Logger) {
        self.databases = databases
        self.logger = logger
        self.target = target
        self.isSQLite = target.isSQLite
        afterShutdown = databases.database(logger: logger, on: databases.eventLoopGroup.any())!
        groupCommit = target.isSQLite
            ? GroupCommit(database: databases.database(.sqliteWriter, logger: logger, on: databases.eventLoopGroup.any())!)
            : nil
    }

    /// A context on the same database with nothing kept in common (caches, write queue): what a second instance
    /// sees. For tests of behaviour across instances.
    public func anotherInstance() -> StoreContext {
        StoreContext(databases: databases, target: target, logger: logger)
    }

    /// For reads (and PostgreSQL's transactions): the pool of any event loop, so concurrent requests spread over
    /// every loop's connections. A `Database` value is bound to one loop's pool — one connection on SQLite — so
    /// keeping a single one serialised every query of the process behind the writer (docs/BENCHMARKS.md).
    public var database: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any()) ?? afterShutdown
    }

    /// The PostgreSQL schema Balcão's tables live in (nil: `public`, or SQLite).
    public var schema: String? {
        if case .postgres(_, let schema) = target { return schema }
        return nil
    }

    /// The same database as SQLKit, for raw SQL (both drivers implement it).
    public var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Runs `body` atomically: on SQLite in a savepoint of a group-committed transaction (see `GroupCommit`), on
    /// PostgreSQL in a transaction of its own. Either way it is all or nothing, and it has committed when this
    /// returns.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let groupCommit { return try await groupCommit.run(body) }
        return try await database.transaction { transaction in try await body(transaction) }
    }

    /// Runs `work` for `input` atomically: on SQLite merged with the same work queued by other callers into one
    /// call (see `GroupCommit`), on PostgreSQL alone in a transaction of its own.
    func write<Input, Output>(_ work: BatchWork<Input, Output>, _ input: Input) async throws -> Output {
        if let groupCommit { return try await groupCommit.run(work, input) }
        return try await write { try await work.body([input], $0)[0] }
    }
}

extension DatabaseID {
    /// SQLite's writer: the same file as the default id, a connection of its own.
    static let sqliteWriter = DatabaseID(string: "sqlite-writer")
}
