import Foundation
import Testing

@testable import BalcaoCore

@Suite("CustomFieldDefinition.check(_:)")
struct CustomFieldCheckTests {
    static let assetTag = CustomFieldDefinition(key: "asset_tag", label: "Asset tag", kind: .text)
    static let hours = CustomFieldDefinition(key: "hours", label: "Hours", kind: .number)
    static let area = CustomFieldDefinition(
        key: "area", label: "Área", kind: .dropdown, options: ["hardware", "software"])
    static let dueDate = CustomFieldDefinition(key: "due_date", label: "Due date", kind: .date)
    static let onSite = CustomFieldDefinition(key: "on_site", label: "On site", kind: .checkbox)

    @Test("Text is kept as typed")
    func text() {
        #expect(Self.assetTag.check(.string("NB-0042")) == .success(.text("NB-0042")))
    }

    @Test("An empty text clears an optional field")
    func emptyTextClears() {
        #expect(Self.assetTag.check(.string("")) == .success(nil))
    }

    @Test("Text is limited to 4000 characters")
    func textLength() {
        let longest = String(repeating: "a", count: 4000)

        #expect(Self.assetTag.check(.string(longest)) == .success(.text(longest)))
        #expect(
            Self.assetTag.check(.string(longest + "a"))
                == .failure(FieldIssue("customFields.asset_tag", "must be at most 4000 characters")))
    }

    @Test(
        "Numbers come as JSON numbers or as text with a dot or a comma",
        arguments: [
            (CustomFieldInput.number(12.5), 12.5),
            (.number(-3), -3),
            (.string("12,5"), 12.5),
            (.string("12.5"), 12.5),
            (.string("42"), 42),
        ])
    func numbers(input: CustomFieldInput, expected: Double) {
        #expect(Self.hours.check(input) == .success(.number(expected)))
    }

    @Test("Text that is not a finite number is refused", arguments: ["doze", "", "12,5,1", "inf", "nan", "1e400"])
    func notANumber(text: String) {
        #expect(Self.hours.check(.string(text)) == .failure(FieldIssue("customFields.hours", "must be a number")))
    }

    @Test("A dropdown takes one of its options, exactly as written")
    func dropdownOption() {
        #expect(Self.area.check(.string("software")) == .success(.option("software")))
        #expect(
            Self.area.check(.string("Software"))
                == .failure(FieldIssue("customFields.area", "must be one of: hardware, software")))
    }

    @Test("Dates must name a real calendar day", arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "2026-01-01"])
    func validDates(text: String) {
        #expect(Self.dueDate.check(.string(text)) == .success(.date(text)))
    }

    @Test(
        "Dates that are not a real YYYY-MM-DD day are refused",
        arguments: [
            "2026-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-05",
            "26-01-05", "2026/01/05", "2026-01-05T10:00", "05-01-2026", "amanhã", "",
        ])
    func invalidDates(text: String) {
        #expect(
            Self.dueDate.check(.string(text))
                == .failure(FieldIssue("customFields.due_date", "must be a date as YYYY-MM-DD")))
        #expect(!CustomFieldDefinition.isCalendarDay(text))
    }

    @Test("A date with a signed month or day is not a calendar day")
    func signedDateParts() {
        #expect(!CustomFieldDefinition.isCalendarDay("2026-+1-05"))
        #expect(!CustomFieldDefinition.isCalendarDay("2026-01-+5"))
    }

    @Test("A checkbox takes a JSON boolean", arguments: [true, false])
    func checkbox(flag: Bool) {
        #expect(Self.onSite.check(.bool(flag)) == .success(.checkbox(flag)))
    }

    @Test(
        "A value of the wrong JSON type is refused with the field's kind",
        arguments: [
            (CustomFieldCheckTests.onSite, CustomFieldInput.string("true"), "must be a checkbox value"),
            (CustomFieldCheckTests.onSite, .number(1), "must be a checkbox value"),
            (CustomFieldCheckTests.assetTag, .number(42), "must be a text value"),
            (CustomFieldCheckTests.assetTag, .bool(true), "must be a text value"),
            (CustomFieldCheckTests.hours, .bool(true), "must be a number value"),
            (CustomFieldCheckTests.hours, .number(.infinity), "must be a number value"),
            (CustomFieldCheckTests.area, .number(1), "must be a dropdown value"),
            (CustomFieldCheckTests.dueDate, .number(20_261_125), "must be a date value"),
        ])
    func typeMismatch(definition: CustomFieldDefinition, input: CustomFieldInput, message: String) {
        #expect(definition.check(input) == .failure(FieldIssue("customFields.\(definition.key)", message)))
    }

    @Test("Null clears an optional field of any kind", arguments: CustomFieldDefinition.Kind.allCases)
    func nullClearsOptional(kind: CustomFieldDefinition.Kind) {
        let definition = CustomFieldDefinition(
            key: "field", label: "Field", kind: kind, options: kind == .dropdown ? ["a"] : [])

        #expect(definition.check(.null) == .success(nil))
    }

    @Test("Null is refused for a required field of any kind", arguments: CustomFieldDefinition.Kind.allCases)
    func nullRefusedWhenRequired(kind: CustomFieldDefinition.Kind) {
        let definition = CustomFieldDefinition(
            key: "field", label: "Field", kind: kind, options: kind == .dropdown ? ["a"] : [], isRequired: true)

        #expect(definition.check(.null) == .failure(FieldIssue("customFields.field", "is required")))
    }
}

@Suite("CustomFieldValue")
struct CustomFieldValueTests {
    @Test(
        "History shows values as plain text, whole numbers without decimals",
        arguments: [
            (CustomFieldValue.text("NB-0042"), "NB-0042"),
            (.option("hardware"), "hardware"),
            (.date("2026-11-25"), "2026-11-25"),
            (.number(4100), "4100"),
            (.number(-2), "-2"),
            (.number(12.5), "12.5"),
            (.checkbox(true), "true"),
            (.checkbox(false), "false"),
        ])
    func displayText(value: CustomFieldValue, expected: String) {
        #expect(value.displayText == expected)
    }

    @Test("A checked value shows as the JSON scalar a client would send")
    func input() {
        #expect(CustomFieldValue.text("a").input == .string("a"))
        #expect(CustomFieldValue.option("hardware").input == .string("hardware"))
        #expect(CustomFieldValue.date("2026-11-25").input == .string("2026-11-25"))
        #expect(CustomFieldValue.number(2.5).input == .number(2.5))
        #expect(CustomFieldValue.checkbox(true).input == .bool(true))
    }

    @Test(
        "Stored values round-trip through JSON with their kind",
        arguments: [
            CustomFieldValue.text("NB-0042"), .number(12.5), .option("hardware"), .date("2024-02-29"), .checkbox(false),
        ])
    func roundTrip(value: CustomFieldValue) throws {
        let data = try JSONEncoder().encode(value)

        let decoded = try JSONDecoder().decode(CustomFieldValue.self, from: data)

        #expect(decoded == value)
    }

    @Test("A dropdown value is stored as kind and value")
    func storedShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys

        let json = String(decoding: try encoder.encode(CustomFieldValue.option("hardware")), as: UTF8.self)

        #expect(json == #"{"kind":"dropdown","value":"hardware"}"#)
    }

    @Test("A stored value whose JSON type does not match its kind fails to decode")
    func mismatchedStoredValue() {
        let json = Data(#"{"kind":"checkbox","value":"yes"}"#.utf8)

        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CustomFieldValue.self, from: json)
        }
    }
}
