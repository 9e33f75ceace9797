import Foundation
import Testing

@testable import BalcaoCore

@Suite("TypedID")
struct TypedIDTests {
    static let uuid = "7B1C0E52-0000-4000-8000-000000000001"

    @Test("Parses the canonical UUID form, in either case")
    func parses() throws {
        let lower = try #require(Ticket.ID(Self.uuid.lowercased()))
        let upper = try #require(Ticket.ID(Self.uuid))

        #expect(lower == upper)
        #expect(upper.rawValue == UUID(uuidString: Self.uuid))
        #expect(lower.description == Self.uuid)
    }

    @Test("Text that is not a UUID is no id", arguments: ["", "1042", "not-a-uuid", "7B1C0E52-0000-4000-8000-00000000000G"])
    func rejects(text: String) {
        #expect(Ticket.ID(text) == nil)
    }

    @Test("Fresh ids are distinct")
    func freshIDs() {
        #expect(Ticket.ID() != Ticket.ID())
    }

    @Test("JSON carries the bare UUID string")
    func json() throws {
        let id = try #require(Contact.ID(Self.uuid))

        let data = try JSONEncoder().encode(id)
        let decoded = try JSONDecoder().decode(Contact.ID.self, from: data)

        #expect(String(decoding: data, as: UTF8.self) == "\"\(Self.uuid)\"")
        #expect(decoded == id)
    }
}

@Suite("UUID text")
struct UUIDTextTests {
    @Test("The canonical form parses in either case, to the same UUID Foundation reads")
    func parses() throws {
        for _ in 0..<50 {
            let uuid = UUID()
            #expect(UUIDText.parse(uuid.uuidString) == uuid)
            #expect(UUIDText.parse(uuid.uuidString.lowercased()) == uuid)
        }
        #expect(UUIDText.parse("00000000-0000-0000-0000-000000000000") == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
    }

    @Test("Anything else is not a UUID", arguments: [
        "", "-", "not-a-uuid", "0000000-00000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000g",
        "00000000-0000-0000-0000-0000000000000", "000000000000-0000-0000-0000-00000000", "00000000_0000_0000_0000_000000000000",
    ])
    func rejects(text: String) {
        #expect(UUIDText.parse(text) == nil)
    }
}
