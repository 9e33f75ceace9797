import Foundation
import Testing

@testable import BalcaoCore

@Suite("TicketQuery")
struct TicketQueryTests {
    @Test("A new query lists the most recently updated tickets first, 50 at a time, unfiltered")
    func defaults() {
        let query = TicketQuery()

        #expect(query.sort == .updatedAt)
        #expect(query.descending)
        #expect(query.limit == 50)
        #expect(query.after == nil)
        #expect(query.statuses.isEmpty)
        #expect(query.priorities.isEmpty)
        #expect(query.assignee == nil)
        #expect(query.tag == nil)
        #expect(TicketQuery.maxLimit == 200)
    }

    @Test("Sort keys use the API's snake_case names")
    func sortKeyNames() {
        let names = TicketQuery.SortKey.allCases.map(\.rawValue)

        #expect(names == ["ruler", "updated_at", "created_at", "priority", "number"])
    }
}

@Suite("TicketCursor")
struct TicketCursorTests {
    /// URL-safe base64 without padding, as `TicketCursor.token` writes it.
    static func token(json: String) -> String {
        Data(json.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test(
        "A cursor survives the round trip through its token",
        arguments: TicketQuery.SortKey.allCases, [true, false])
    func roundTrip(sort: TicketQuery.SortKey, descending: Bool) throws {
        let cursor = TicketCursor(sort: sort, descending: descending, number: 1042)

        let parsed = try #require(TicketCursor(token: cursor.token))

        #expect(parsed == cursor)
        #expect(parsed.sort == sort.rawValue)
        #expect(parsed.descending == descending)
        #expect(parsed.number == 1042)
    }

    @Test("Tokens are URL-safe: no +, / or = padding", arguments: TicketQuery.SortKey.allCases, [1001, 99_999_999])
    func tokenIsURLSafe(sort: TicketQuery.SortKey, number: Int) {
        let token = TicketCursor(sort: sort, descending: true, number: number).token

        #expect(!token.isEmpty)
        #expect(!token.contains { "+/=".contains($0) })
    }

    @Test("A hand-written token in the documented shape is accepted")
    func parsesForeignButValidJSON() throws {
        let token = Self.token(json: #"{"sort":"number","descending":false,"number":7}"#)

        let cursor = try #require(TicketCursor(token: token))

        #expect(cursor == TicketCursor(sort: .number, descending: false, number: 7))
    }

    @Test(
        "Garbage and foreign tokens are rejected",
        arguments: [
            "",
            "not a token",
            "%%%%",
            "eyJ",
            TicketCursorTests.token(json: "hello"),
            TicketCursorTests.token(json: #"{"page":2}"#),
            TicketCursorTests.token(json: #"{"sort":"subject","descending":true,"number":1042}"#),
            TicketCursorTests.token(json: #"{"sort":"number","descending":"yes","number":1042}"#),
            TicketCursorTests.token(json: #"{"sort":"number","descending":true,"number":"1042"}"#),
            TicketCursorTests.token(json: "[1042]"),
        ])
    func rejectsGarbage(token: String) {
        #expect(TicketCursor(token: token) == nil)
    }

    @Test("A token longer than 512 characters is rejected even when it decodes")
    func rejectsOversizedToken() {
        let padded = #"{"sort":"number","descending":true,"number":1042"# + String(repeating: " ", count: 400) + "}"
        let token = Self.token(json: padded)

        let parsed = TicketCursor(token: token)

        #expect(token.count > 512)
        #expect(parsed == nil)
    }

    @Test("The cursor after a ticket takes its number and the query's order")
    func afterTicket() {
        var query = TicketQuery()
        query.sort = .priority
        query.descending = false

        let cursor = TicketCursor(after: Ticket.sample(), in: query)

        #expect(cursor == TicketCursor(sort: .priority, descending: false, number: 1042))
    }

    @Test(
        "A cursor only fits a query with the same sort key and direction",
        arguments: [
            (TicketQuery.SortKey.updatedAt, true, true),
            (.updatedAt, false, false),
            (.createdAt, true, false),
            (.priority, true, false),
            (.number, false, false),
        ])
    func fits(sort: TicketQuery.SortKey, descending: Bool, expected: Bool) {
        let cursor = TicketCursor(sort: .updatedAt, descending: true, number: 1042)
        var query = TicketQuery()
        query.sort = sort
        query.descending = descending

        let fits = cursor.fits(query)

        #expect(fits == expected)
    }
}
