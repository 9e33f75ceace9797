import BalcaoCore
import Foundation
import Vapor

/// Reads typed query parameters, collecting one issue per bad parameter so a client sees them all at once.
struct QueryReader {
    let parameters: any URLQueryContainer
    var collector = ValidationCollector()

    init(_ parameters: any URLQueryContainer) { self.parameters = parameters }

    /// The parameter's text; nil when absent or empty.
    func text(_ name: String) -> String? {
        (try? parameters.get(String.self, at: name)).flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func id<Owner>(_ name: String, as _: TypedID<Owner>.Type) -> TypedID<Owner>? {
        guard let raw = text(name) else { return nil }
        guard let id = TypedID<Owner>(raw) else {
            collector.add(name, "must be a UUID")
            return nil
        }
        return id
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let raw = text(name) else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            collector.add(name, "must be a whole number from \(range.lowerBound)\(upper)")
            return nil
        }
        return value
    }

    mutating func value<T: RawRepresentable>(_ name: String, as _: T.Type, expected: String) -> T?
    where T.RawValue == String {
        guard let raw = text(name) else { return nil }
        guard let value = T(rawValue: raw) else {
            collector.add(name, expected)
            return nil
        }
        return value
    }

    /// A comma-separated list of known values (`status=open,pending`).
    mutating func list<T: RawRepresentable>(_ name: String, as _: T.Type) -> [T] where T.RawValue == String {
        guard let raw = text(name) else { return [] }
        return raw.split(separator: ",").compactMap { part in
            let value = T(rawValue: part.trimmingCharacters(in: .whitespaces))
            if value == nil { collector.add(name, "\(part) is not a known value") }
            return value
        }
    }

    func check() throws(ValidationError) { try collector.check() }
}
