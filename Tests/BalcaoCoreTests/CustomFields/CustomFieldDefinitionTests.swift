import Foundation
import Testing

@testable import BalcaoCore

@Suite("CustomFieldDefinition.validate(_:prefix:into:)")
struct CustomFieldDefinitionTests {
    static let keyMessage = "must be 1–64 lower-case letters, digits or _"

    func issues(of definitions: [CustomFieldDefinition]) -> [FieldIssue] {
        var collector = ValidationCollector()
        CustomFieldDefinition.validate(definitions, prefix: "customFields", into: &collector)
        return collector.issues
    }

    @Test("Well-formed definitions of every kind have no issues")
    func validDefinitions() {
        let definitions = [
            CustomFieldDefinition(key: "asset_tag", label: "Asset tag", kind: .text, isRequired: true),
            CustomFieldDefinition(key: "hours", label: "Hours", kind: .number),
            CustomFieldDefinition(key: "area", label: "Área", kind: .dropdown, options: ["hardware", "software"]),
            CustomFieldDefinition(key: "due_date_2", label: "Due date", kind: .date),
            CustomFieldDefinition(key: String(repeating: "k", count: 64), label: "On site", kind: .checkbox),
        ]

        #expect(issues(of: definitions).isEmpty)
    }

    @Test(
        "A key must be 1–64 lower-case ASCII letters, digits or _",
        arguments: ["", "Asset", "asset-tag", "asset tag", "ação", "asset.tag", String(repeating: "k", count: 65)])
    func badKey(key: String) {
        let definition = CustomFieldDefinition(key: key, label: "Label", kind: .text)

        #expect(issues(of: [definition]) == [FieldIssue("customFields[0].key", Self.keyMessage)])
    }

    @Test("A key used twice is reported on the second definition")
    func duplicateKey() {
        let definitions = [
            CustomFieldDefinition(key: "asset_tag", label: "Asset tag", kind: .text),
            CustomFieldDefinition(key: "hours", label: "Hours", kind: .number),
            CustomFieldDefinition(key: "asset_tag", label: "Asset tag again", kind: .text),
        ]

        #expect(issues(of: definitions) == [FieldIssue("customFields[2].key", "is used twice")])
    }

    @Test("A dropdown without options is refused")
    func dropdownWithoutOptions() {
        let definition = CustomFieldDefinition(key: "area", label: "Área", kind: .dropdown)

        #expect(issues(of: [definition]) == [FieldIssue("customFields[0].options", "a dropdown needs at least one option")])
    }

    @Test("Only dropdowns have options", arguments: [CustomFieldDefinition.Kind.text, .number, .date, .checkbox])
    func optionsOnOtherKinds(kind: CustomFieldDefinition.Kind) {
        let definition = CustomFieldDefinition(key: "field", label: "Field", kind: kind, options: ["a"])

        #expect(issues(of: [definition]) == [FieldIssue("customFields[0].options", "only dropdowns have options")])
    }

    @Test("A label must not be blank nor longer than 120 characters")
    func labels() {
        let definitions = [
            CustomFieldDefinition(key: "blank", label: "   ", kind: .text),
            CustomFieldDefinition(key: "long", label: String(repeating: "x", count: 121), kind: .text),
            CustomFieldDefinition(key: "longest", label: String(repeating: "x", count: 120), kind: .text),
        ]

        #expect(
            issues(of: definitions) == [
                FieldIssue("customFields[0].label", "must not be blank"),
                FieldIssue("customFields[1].label", "must be at most 120 characters"),
            ])
    }

    @Test("Every issue of every definition is reported, in order")
    func collectsAllIssues() {
        let definitions = [
            CustomFieldDefinition(key: "Bad Key", label: "", kind: .dropdown),
            CustomFieldDefinition(key: "Bad Key", label: "Ok", kind: .text),
        ]

        #expect(
            issues(of: definitions) == [
                FieldIssue("customFields[0].key", Self.keyMessage),
                FieldIssue("customFields[0].label", "must not be blank"),
                FieldIssue("customFields[0].options", "a dropdown needs at least one option"),
                FieldIssue("customFields[1].key", Self.keyMessage),
                FieldIssue("customFields[1].key", "is used twice"),
            ])
    }
}

@Suite("Custom field JSON")
struct CustomFieldCodingTests {
    @Test("A definition decodes with options and required defaulting to empty and false")
    func definitionDefaults() throws {
        let json = Data(#"{"key":"asset_tag","label":"Asset tag","kind":"text"}"#.utf8)

        let definition = try JSONDecoder().decode(CustomFieldDefinition.self, from: json)

        #expect(definition == CustomFieldDefinition(key: "asset_tag", label: "Asset tag", kind: .text))
        #expect(definition.options.isEmpty)
        #expect(!definition.isRequired)
    }

    @Test("A definition's isRequired is written as required")
    func definitionRequiredKey() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let definition = CustomFieldDefinition(
            key: "area", label: "Área", kind: .dropdown, options: ["hardware"], isRequired: true)

        let json = String(decoding: try encoder.encode(definition), as: UTF8.self)
        let decoded = try JSONDecoder().decode(CustomFieldDefinition.self, from: Data(json.utf8))

        #expect(json == #"{"key":"area","kind":"dropdown","label":"Área","options":["hardware"],"required":true}"#)
        #expect(decoded == definition)
    }

    @Test("Client input decodes strings, numbers, booleans and null")
    func inputDecoding() throws {
        let json = Data(#"{"a":"NB-0042","b":12.5,"c":true,"d":null,"e":1,"f":"true"}"#.utf8)

        let inputs = try JSONDecoder().decode([String: CustomFieldInput].self, from: json)

        #expect(
            inputs == [
                "a": .string("NB-0042"), "b": .number(12.5), "c": .bool(true), "d": .null, "e": .number(1),
                "f": .string("true"),
            ])
    }

    @Test("Client input that is not a JSON scalar is refused", arguments: [#"{"x":[1,2]}"#, #"{"x":{"y":1}}"#])
    func inputRejectsContainers(json: String) {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: CustomFieldInput].self, from: Data(json.utf8))
        }
    }

    @Test("Client input encodes back to the same JSON scalars")
    func inputEncoding() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let inputs: [String: CustomFieldInput] = ["a": .string("x"), "b": .number(12.5), "c": .bool(false), "d": .null]

        let json = String(decoding: try encoder.encode(inputs), as: UTF8.self)

        #expect(json == #"{"a":"x","b":12.5,"c":false,"d":null}"#)
    }
}
