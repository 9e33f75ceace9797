import Foundation

/// A JSON scalar as a client sent it, before it is checked against a field definition.
public enum CustomFieldInput: Sendable, Hashable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "must be a string, number, boolean or null"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// A checked custom-field value. Dates are calendar days (`2026-11-25`), with no time zone to get wrong.
public enum CustomFieldValue: Sendable, Hashable, Codable {
    case text(String)
    case number(Double)
    case option(String)
    case date(String)
    case checkbox(Bool)

    /// The value as JSON shows it (and as events record it).
    public var input: CustomFieldInput {
        switch self {
        case .text(let value), .option(let value), .date(let value): .string(value)
        case .number(let value): .number(value)
        case .checkbox(let value): .bool(value)
        }
    }

    /// Text for history entries.
    public var displayText: String {
        switch self {
        case .text(let value), .option(let value), .date(let value): value
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .checkbox(let value): value ? "true" : "false"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(CustomFieldDefinition.Kind.self, forKey: .kind)
        switch kind {
        case .text: self = .text(try container.decode(String.self, forKey: .value))
        case .number: self = .number(try container.decode(Double.self, forKey: .value))
        case .dropdown: self = .option(try container.decode(String.self, forKey: .value))
        case .date: self = .date(try container.decode(String.self, forKey: .value))
        case .checkbox: self = .checkbox(try container.decode(Bool.self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let value): try container.encode(CustomFieldDefinition.Kind.text, forKey: .kind); try container.encode(value, forKey: .value)
        case .number(let value): try container.encode(CustomFieldDefinition.Kind.number, forKey: .kind); try container.encode(value, forKey: .value)
        case .option(let value): try container.encode(CustomFieldDefinition.Kind.dropdown, forKey: .kind); try container.encode(value, forKey: .value)
        case .date(let value): try container.encode(CustomFieldDefinition.Kind.date, forKey: .kind); try container.encode(value, forKey: .value)
        case .checkbox(let value): try container.encode(CustomFieldDefinition.Kind.checkbox, forKey: .kind); try container.encode(value, forKey: .value)
        }
    }

    private enum CodingKeys: String, CodingKey { case kind, value }
}

extension CustomFieldDefinition {
    /// Checks a client's value against this field; nil means "clear the field".
    public func check(_ input: CustomFieldInput) -> Result<CustomFieldValue?, FieldIssue> {
        let field = "customFields.\(key)"
        switch (kind, input) {
        case (_, .null):
            return isRequired ? .failure(FieldIssue(field, "is required")) : .success(nil)
        case (.text, .string(let text)):
            if text.count > 4000 { return .failure(FieldIssue(field, "must be at most 4000 characters")) }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return isRequired ? .failure(FieldIssue(field, "is required")) : .success(nil)
            }
            return .success(.text(text))
        case (.number, .number(let number)) where number.isFinite:
            return .success(.number(number))
        case (.number, .string(let text)):
            guard let number = Double(text.replacingOccurrences(of: ",", with: ".")), number.isFinite else {
                return .failure(FieldIssue(field, "must be a number"))
            }
            return .success(.number(number))
        case (.dropdown, .string(let option)):
            guard options.contains(option) else {
                return .failure(FieldIssue(field, "must be one of: \(options.joined(separator: ", "))"))
            }
            return .success(.option(option))
        case (.date, .string(let text)):
            guard Self.isCalendarDay(text) else { return .failure(FieldIssue(field, "must be a date as YYYY-MM-DD")) }
            return .success(.date(text))
        case (.checkbox, .bool(let flag)):
            return .success(.checkbox(flag))
        default:
            return .failure(FieldIssue(field, "must be a \(kind.rawValue) value"))
        }
    }

    /// `YYYY-MM-DD` naming a real day (no 2026-02-30).
    static func isCalendarDay(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
