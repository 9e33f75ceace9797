import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Writes committed in groups")
struct GroupCommitTests {
    @Test("Concurrent writes all commit; one that fails rolls back alone and reports its own error",
        arguments: TestDatabase.available)
    func failureStaysAlone(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let now = desk.clock.now
            let taken = try #require(EmailAddress("dup@cliente.example"))
            try await desk.directory.insert(Contact(name: "Primeira", emails: [taken], createdAt: now))
            let contacts = (0..<40).map { index in
                // Every eighth one reuses the taken address: it must fail, and only it.
                let email = index % 8 == 0 ? taken : EmailAddress("c\(index)@cliente.example")!
                return Contact(name: "Contato \(index)", emails: [email], createdAt: now)
            }

            let outcomes = await withTaskGroup(of: (Contact.ID, Bool).self) { group in
                for contact in contacts {
                    group.addTask {
                        do {
                            try await desk.directory.insert(contact)
                            return (contact.id, true)
                        } catch {
                            return (contact.id, false)
                        }
                    }
                }
                var results: [Contact.ID: Bool] = [:]
                for await (id, saved) in group { results[id] = saved }
                return results
            }

            for contact in contacts {
                let expected = contact.emails != [taken]
                #expect(outcomes[contact.id] == expected)
                #expect((try await desk.directory.contact(contact.id) != nil) == expected)
            }
            #expect(try await desk.directory.contact(email: taken)?.name == "Primeira")
        }
    }

    @Test("Ticket numbers stay unique and gapless under concurrent creation", arguments: TestDatabase.available)
    func numbersUnderLoad(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let requester = try await desk.makeContact()
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<12 {
                    group.addTask { try await desk.openTicket("Pedido \(index)", requester: requester).number.value }
                }
                var numbers: [Int] = []
                for try await number in group { numbers.append(number) }
                return numbers.sorted()
            }

            #expect(Set(numbers).count == 12)
            #expect(numbers.last! - numbers.first! == 11)
        }
    }
}
