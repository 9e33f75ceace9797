/// The human number of a ticket (#1042), separate from its UUID. Numbers start at 1001 and only grow.
public struct TicketNumber: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public static let first = TicketNumber(1001)

    public let value: Int

    public init(_ value: Int) { self.value = value }

    /// Parses "1042" or "#1042".
    public init?(_ text: String) {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let value = Int(digits), value > 0 else { return nil }
        self.value = value
    }

    public init(from decoder: any Decoder) throws { value = try decoder.singleValueContainer().decode(Int.self) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { "#\(value)" }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
}
