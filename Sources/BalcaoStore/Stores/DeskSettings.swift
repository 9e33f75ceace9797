import Foundation
import SQLKit

/// JSON documents in `desk_settings`, one per key: the portal's settings, chat widgets and limits, the complaint
/// taxonomy. Small, read often, written by admins.
struct DeskSettings: Sendable {
    let context: StoreContext

    func document<Value: Decodable>(_ key: String, as type: Value.Type) async throws -> Value? {
        guard let row = try await context.sql.raw("SELECT payload FROM desk_settings WHERE key = \(bind: key)").first()
        else { return nil }
        return try JSONColumn.decode(
            type, try row.decode(column: "payload", as: String.self), table: "desk_settings", id: key, column: "payload")
    }

    func save(_ key: String, _ value: some Encodable) async throws {
        let payload = JSONColumn.encode(value)
        try await context.write { db in
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO desk_settings (key, payload, updated_at) VALUES \
                (\(bind: key), \(bind: payload), \(bind: Date())) \
                ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at
                """
            ).run()
        }
    }
}
