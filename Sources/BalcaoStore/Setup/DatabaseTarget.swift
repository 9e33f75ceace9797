import Foundation

/// Which database Balcão keeps its data in: an embedded SQLite file under the data dir, or a PostgreSQL server.
public enum DatabaseTarget: Sendable, Hashable, CustomStringConvertible {
    case sqlite(file: URL)
    case postgres(url: String)

    public var isSQLite: Bool {
        if case .sqlite = self { return true }
        return false
    }

    /// Safe for logs: never prints a password.
    public var description: String {
        switch self {
        case .sqlite(let file): "SQLite at \(file.path)"
        case .postgres(let url):
            if let components = URLComponents(string: url) {
                "PostgreSQL at \(components.host ?? "?"):\(components.port ?? 5432)\(components.path)"
            } else {
                "PostgreSQL"
            }
        }
    }
}
