import BalcaoCore
import Foundation
import SQLKit

extension SQLRow {
    /// A UUID column, parsed by `UUIDText` rather than Foundation (SQLite stores ids as text; PostgreSQL's uuid
    /// values decode as text too).
    func uuid(_ column: String) throws -> UUID {
        guard let uuid = try optionalUUID(column) else {
            throw StoreError.corruptRow(table: "(query)", id: "null", column: column)
        }
        return uuid
    }

    func optionalUUID(_ column: String) throws -> UUID? {
        guard let text = try decode(column: column, as: String?.self) else { return nil }
        guard let uuid = UUIDText.parse(text) else {
            throw StoreError.corruptRow(table: "(query)", id: text, column: column)
        }
        return uuid
    }
}
