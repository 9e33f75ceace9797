import Foundation

/// A stored row that cannot be turned back into a domain value (edited by hand, or written by a newer version), or
/// a batch write that answered for a different number of callers than it served (a programming error).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case corruptRow(table: String, id: String, column: String)
    case batchMismatch(String)

    public var description: String {
        switch self {
        case .corruptRow(let table, let id, let column): "corrupt row \(id) in \(table): bad \(column)"
        case .batchMismatch(let work): "batch work \(work) did not answer once per input"
        }
    }
}

/// JSON columns (tags, custom fields, domains) are text, so both databases store them alike.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String, id: String, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError.corruptRow(table: table, id: id, column: column)
        }
    }
}

/// A lower-cased copy of names and addresses, so search is case-insensitive with a plain LIKE on both databases.
func searchKey(_ parts: [String]) -> String {
    parts.joined(separator: " ").lowercased()
}
