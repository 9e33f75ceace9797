import Foundation
import Testing

@testable import BalcaoCore

@Suite("ValidationCollector")
struct ValidationCollectorTests {
    @Test("With no issues, check() does not throw")
    func noIssues() {
        let collector = ValidationCollector()

        #expect(collector.issues.isEmpty)
        #expect(throws: Never.self) { try collector.check() }
    }

    @Test("check() throws every issue at once, in the order they were added")
    func throwsAllIssues() {
        var collector = ValidationCollector()
        collector.add("subject", "must not be blank")
        collector.add("requester.email", "is not an email address")

        #expect(
            throws: ValidationError([
                FieldIssue("subject", "must not be blank"),
                FieldIssue("requester.email", "is not an email address"),
            ])
        ) {
            try collector.check()
        }
    }

    @Test(
        "requireText reports missing, blank and too long text",
        arguments: [
            (nil, "is required"),
            ("", "must not be blank"),
            (" \n\t ", "must not be blank"),
            ("abcdef", "must be at most 5 characters"),
        ] as [(String?, String)])
    func requireTextIssues(text: String?, message: String) {
        var collector = ValidationCollector()

        collector.requireText(text, field: "subject", maxLength: 5)

        #expect(collector.issues == [FieldIssue("subject", message)])
    }

    @Test("requireText measures the trimmed text", arguments: ["abcde", "  abcde  ", "a"])
    func requireTextAccepts(text: String) {
        var collector = ValidationCollector()

        collector.requireText(text, field: "subject", maxLength: 5)

        #expect(collector.issues.isEmpty)
    }

    @Test("limit only reports text over the maximum", arguments: [
        (nil, false), ("", false), ("abcde", false), ("abcdef", true),
    ] as [(String?, Bool)])
    func limit(text: String?, reported: Bool) {
        var collector = ValidationCollector()

        collector.limit(text, field: "category", maxLength: 5)

        #expect(collector.issues == (reported ? [FieldIssue("category", "must be at most 5 characters")] : []))
    }

    @Test("A single-field ValidationError holds that one issue")
    func singleFieldError() {
        let error = ValidationError(field: "kind", "must be reply or note")

        #expect(error == ValidationError([FieldIssue("kind", "must be reply or note")]))
        #expect(error.issues.map(\.field) == ["kind"])
    }
}
