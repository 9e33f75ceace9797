import Foundation
import Testing

@testable import BalcaoCore

@Suite("TicketNumber")
struct TicketNumberTests {
    @Test("Parses a number with or without the #", arguments: ["1042", "#1042"])
    func parses(text: String) throws {
        let number = try #require(TicketNumber(text))

        #expect(number == TicketNumber(1042))
    }

    @Test("Rejects text that is not a positive number", arguments: ["", "#", "abc", "0", "-5", "#-5", "# 1042", "1042a", "##1042"])
    func rejects(text: String) {
        #expect(TicketNumber(text) == nil)
    }

    @Test("Shows as #1042 and numbering starts at 1001")
    func descriptionAndFirst() {
        #expect(TicketNumber(1042).description == "#1042")
        #expect(TicketNumber.first == TicketNumber(1001))
    }

    @Test("Numbers order by value")
    func ordering() {
        let numbers = [TicketNumber(1100), TicketNumber(1001), TicketNumber(1042)]

        #expect(numbers.sorted() == [TicketNumber(1001), TicketNumber(1042), TicketNumber(1100)])
    }

    @Test("JSON carries the bare integer")
    func json() throws {
        let data = try JSONEncoder().encode(TicketNumber(1042))

        let decoded = try JSONDecoder().decode(TicketNumber.self, from: Data("1042".utf8))

        #expect(String(decoding: data, as: UTF8.self) == "1042")
        #expect(decoded == TicketNumber(1042))
    }
}

@Suite("TicketPriority")
struct TicketPriorityTests {
    @Test("Ranks go from low (0) to urgent (3) and back", arguments: zip(TicketPriority.allCases, 0...3))
    func ranks(priority: TicketPriority, rank: Int) {
        #expect(priority.rank == rank)
        #expect(TicketPriority(rank: rank) == priority)
    }

    @Test("An unknown rank is no priority", arguments: [-1, 4])
    func unknownRank(rank: Int) {
        #expect(TicketPriority(rank: rank) == nil)
    }

    @Test("Urgent sorts above high, normal and low")
    func ordering() {
        let sorted = [TicketPriority.normal, .urgent, .low, .high].sorted(by: >)

        #expect(sorted == [.urgent, .high, .normal, .low])
    }
}
