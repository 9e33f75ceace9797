import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Mailbox polling")
struct MailboxPollTests {
    /// A mailbox in memory: messages by id, and which were marked processed.
    actor FakeReader: MailboxReader {
        var messages: [UInt32: Data]
        var processed: [UInt32] = []
        var closed = false
        let failOn: UInt32?

        init(_ messages: [UInt32: Data], failOn: UInt32? = nil) {
            self.messages = messages
            self.failOn = failOn
        }

        func unprocessedMessages() async throws -> [UInt32] {
            messages.keys.filter { !processed.contains($0) }.sorted()
        }

        func message(_ id: UInt32) async throws -> Data? {
            if id == failOn { throw MailSendFailure("connection reset", isPermanent: false) }
            return messages[id]
        }

        func markProcessed(_ id: UInt32) async throws { processed.append(id) }
        func close() async { closed = true }
    }

    @Test("Each unseen message becomes a ticket and is marked processed; unreadable ones too, with the reason kept", arguments: TestDatabase.available)
    func pollsMailbox(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, support, _ in
            let mailbox = try #require(try await desk.mailStore.mailbox(address: EmailAddress("suporte@desk.example")!))
            let reader = FakeReader([
                1: MailFixture(subject: "Primeiro").raw, 2: MailFixture(from: "???").raw,
                3: MailFixture(subject: "Terceiro").raw,
            ])
            let poll = MailboxPoll(intake: desk.mailIntake, mail: desk.mailStore, clock: desk.clock)
            let report = await poll.run(mailbox, reader: reader)
            #expect(report.received.map(\.outcome) == [.opened, .opened])
            #expect(report.received.allSatisfy { $0.ticket?.departmentID == support.id })
            #expect(report.rejected.count == 1)
            #expect(await reader.processed == [1, 2, 3])
            #expect(await reader.closed)
            let saved = try #require(try await desk.mailStore.mailbox(mailbox.id))
            #expect(saved.lastPolledAt == desk.clock.now)
            #expect(saved.lastError?.contains("From") == true)
        }
    }

    @Test("A connection failure stops the poll and leaves the message for the next one", arguments: TestDatabase.available)
    func failureLeavesMessage(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, _ in
            let mailbox = try #require(try await desk.mailStore.mailbox(address: EmailAddress("suporte@desk.example")!))
            let reader = FakeReader([1: MailFixture().raw, 2: MailFixture().raw], failOn: 2)
            let report = await MailboxPoll(intake: desk.mailIntake, mail: desk.mailStore, clock: desk.clock)
                .run(mailbox, reader: reader)
            #expect(report.received.count == 1)
            #expect(report.error?.contains("connection reset") == true)
            #expect(await reader.processed == [1])
        }
    }
}
