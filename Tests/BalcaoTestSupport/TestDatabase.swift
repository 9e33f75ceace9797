import BalcaoStore
import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// Which database a test runs on. PostgreSQL joins when `BALCAO_TEST_DATABASE_URL` is set (the test script starts
/// a throwaway server and sets it), so the same tests run on both.
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BALCAO_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// SQLite always; PostgreSQL when a server is configured.
    public static var available: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public var description: String { rawValue }
}

/// A fresh, migrated database for one test: a SQLite file in a new temp dir, or a new schema on the test
/// PostgreSQL server. Both are removed afterwards.
public struct ScratchDatabase: Sendable {
    public let kind: TestDatabase
    public let directory: URL
    public let target: DatabaseTarget
    public let schema: String?

    public init(_ kind: TestDatabase) throws {
        self.kind = kind
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("balcao-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch kind {
        case .sqlite:
            schema = nil
            target = .sqlite(file: directory.appendingPathComponent("balcao.sqlite"))
        case .postgres:
            guard let url = TestDatabase.postgresURL else { throw ScratchError.noPostgres }
            let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
            schema = String(name)
            target = .postgres(url: url, schema: String(name))
        }
    }

    /// Runs `body` with a migrated database and tears everything down, also when `body` throws.
    public func withDatabase<T: Sendable>(_ body: (StoreContext) async throws -> T) async throws -> T {
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        let logger = Logger(label: "balcao.test")
        do {
            try BalcaoDatabase.register(target, on: databases)
            try await BalcaoDatabase.prepare(target, databases: databases, logger: logger)
            let database = databases.database(logger: logger, on: databases.eventLoopGroup.any())!
            let result = try await body(StoreContext(databases: databases, target: target, logger: logger))
            try await cleanUp(database)
            await databases.shutdownAsync()
            removeDirectory()
            return result
        } catch {
            if let database = databases.database(logger: logger, on: databases.eventLoopGroup.any()) {
                try? await cleanUp(database)
            }
            await databases.shutdownAsync()
            removeDirectory()
            throw error
        }
    }

    func cleanUp(_ database: any Database) async throws {
        if let schema, let sql = database as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        }
    }

    public func removeDirectory() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Drops the PostgreSQL schema of a test that used the database through its own app (web tests).
    public static func dropSchema(_ schema: String) async throws {
        guard let url = TestDatabase.postgresURL else { return }
        let databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        try BalcaoDatabase.register(.postgres(url: url), on: databases)
        let database = databases.database(logger: Logger(label: "balcao.test"), on: databases.eventLoopGroup.any())!
        var failure: (any Error)?
        do {
            try await (database as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        } catch {
            failure = error
        }
        await databases.shutdownAsync()
        if let failure { throw failure }
    }
}

public enum ScratchError: Error {
    case noPostgres
}
