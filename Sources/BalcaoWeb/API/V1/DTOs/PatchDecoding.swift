import Foundation
import BalcaoCore

extension KeyedDecodingContainer {
    /// Absent key → unchanged, `null` → clear, a value → set. PATCH bodies need all three.
    func decodePatch<T: Decodable & Sendable & Hashable>(_ type: T.Type, forKey key: Key) throws -> FieldPatch<T> {
        guard contains(key) else { return .unchanged }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(T.self, forKey: key))
    }

    /// Like `decodePatch` for typed ids sent as UUID strings.
    func decodeIDPatch<Owner>(_ type: TypedID<Owner>.Type, forKey key: Key) throws -> FieldPatch<TypedID<Owner>> {
        switch try decodePatch(UUID.self, forKey: key) {
        case .unchanged: .unchanged
        case .clear: .clear
        case .set(let uuid): .set(TypedID(rawValue: uuid))
        }
    }
}
