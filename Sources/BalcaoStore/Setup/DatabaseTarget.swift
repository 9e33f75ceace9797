import Foundation

/// Which database Balcão keeps its data in: an embedded SQLite file under the data dir, or a PostgreSQL server.
public enum DatabaseTarget: Sendable, Hashable, CustomStringConvertible {
    case sqlite(file: URL)
    /// `schema` keeps Balcão's tables in their own PostgreSQL schema (created when missing); nil uses `public`.
    case postgres(url: String, schema: String? = nil)

    public var isSQLite: Bool {
        if case .sqlite = self { return true }
        return false
    }

    /// Safe for logs: never prints a password.
    public var description: String {
        switch self {
        case .sqlite(let file): "SQLite at \(file.path)"
        case .postgres(let url, let schema):
            if let components = URLComponents(string: url) {
                "PostgreSQL at \(components.host ?? "?"):\(components.port ?? 5432)\(components.path)"
                    + (schema.map { " (schema \($0))" } ?? "")
            } else {
                "PostgreSQL"
            }
        }
    }
}
