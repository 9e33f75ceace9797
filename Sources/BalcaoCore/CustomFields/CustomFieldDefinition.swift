import Foundation

/// A field a department adds to its tickets ("Asset tag", "Order number", "Cost centre").
public struct CustomFieldDefinition: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case text, number, dropdown, date, checkbox
    }

    /// Stable machine name: lower-case letters, digits and "_"; used as the JSON key.
    public var key: String
    public var label: String
    public var kind: Kind
    /// The allowed values of a dropdown; empty for other kinds.
    public var options: [String]
    public var isRequired: Bool

    public init(key: String, label: String, kind: Kind, options: [String] = [], isRequired: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.options = options
        self.isRequired = isRequired
    }

    enum CodingKeys: String, CodingKey {
        case key, label, kind, options
        case isRequired = "required"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        label = try container.decode(String.self, forKey: .label)
        kind = try container.decode(Kind.self, forKey: .kind)
        options = try container.decodeIfPresent([String].self, forKey: .options) ?? []
        isRequired = try container.decodeIfPresent(Bool.self, forKey: .isRequired) ?? false
    }

    /// Checks the definition itself (as an admin writes it); issues are named under `prefix`.
    public static func validate(_ definitions: [CustomFieldDefinition], prefix: String, into collector: inout ValidationCollector) {
        var seen = Set<String>()
        for (index, definition) in definitions.enumerated() {
            let path = "\(prefix)[\(index)]"
            let validKey = !definition.key.isEmpty && definition.key.count <= 64
                && definition.key.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
            if !validKey { collector.add("\(path).key", "must be 1–64 lower-case letters, digits or _") }
            if !seen.insert(definition.key).inserted { collector.add("\(path).key", "is used twice") }
            collector.requireText(definition.label, field: "\(path).label", maxLength: 120)
            if definition.kind == .dropdown && definition.options.isEmpty {
                collector.add("\(path).options", "a dropdown needs at least one option")
            }
            if definition.kind != .dropdown && !definition.options.isEmpty {
                collector.add("\(path).options", "only dropdowns have options")
            }
        }
    }
}
