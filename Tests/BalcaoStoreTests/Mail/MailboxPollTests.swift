import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Mailbox polling")
struct MailboxPollTests {
    /// A mailbox in memory: messages by UID, the folder's UIDVALIDITY, and which were marked processed.
    actor FakeReader: MailboxReader {
        var messages: [UInt32: Data]
        var processed: [UInt32] = []
        var seen: Set<UInt32>
        var closed = false
        let failOn: UInt32?
        let validity: UInt32

        init(_ messages: [UInt32: Data], seen: Set<UInt32> = [], failOn: UInt32? = nil, validity: UInt32 = 7) {
            self.messages = messages
            self.seen = seen
            self.failOn = failOn
            self.validity = validity
        }

        func uidValidity() async throws -> UInt32 { validity }

        func messages(after uid: UInt32) async throws -> [UInt32] {
            messages.keys.filter { $0 > uid }.shuffled()
        }

        func unseenMessages() async throws -> [UInt32] {
            messages.keys.filter { !seen.contains($0) }.shuffled()
        }

        func message(_ id: UInt32) async throws -> Data? {
            if id == failOn { throw MailSendFailure("connection reset", isPermanent: false) }
            return messages[id]
        }

        func markProcessed(_ id: UInt32) async throws {
            processed.append(id)
            seen.insert(id)
        }
        func close() async { closed = true }
    }

    @Test("Messages are read by UID in order, stored, then marked processed; an unreadable one is quarantined, not lost", arguments: TestDatabase.available)
    func pollsMailbox(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, support, _ in
            let mailbox = try #require(try await desk.mailStore.mailbox(address: EmailAddress("suporte@desk.example")!))
            let reader = FakeReader([
                1: MailFixture(subject: "Primeiro").raw, 2: MailFixture(from: "???").raw,
                3: MailFixture(subject: "Terceiro").raw,
            ])
            let poll = MailboxPoll(intake: desk.mailIntake, mail: desk.mailStore, clock: desk.clock)
            let report = await poll.run(mailbox, reader: reader)
            #expect(report.received.map(\.outcome) == [.opened, .quarantined, .opened])
            #expect(report.received.compactMap(\.ticket).allSatisfy { $0.departmentID == support.id })
            #expect(await reader.processed == [1, 2, 3])
            #expect(await reader.closed)
            #expect(try await desk.mailStore.quarantined(limit: 10).map(\.reason) == ["no readable From address"])
            #expect(try await desk.mailStore.imapProgress(of: mailbox.id) == IMAPProgress(uidValidity: 7, lastUID: 3))
            let saved = try #require(try await desk.mailStore.mailbox(mailbox.id))
            #expect(saved.lastPolledAt == desk.clock.now)
            #expect(saved.lastError == nil)
        }
    }

    @Test("The first poll takes unread mail only; later polls follow UIDs, even for mail someone already read", arguments: TestDatabase.available)
    func uidProgress(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, _ in
            let mailbox = try #require(try await desk.mailStore.mailbox(address: EmailAddress("suporte@desk.example")!))
            let poll = MailboxPoll(intake: desk.mailIntake, mail: desk.mailStore, clock: desk.clock)
            let old = MailFixture(subject: "Histórico").raw, unread = MailFixture(subject: "Não lido").raw
            let first = await poll.run(mailbox, reader: FakeReader([3: old, 10: unread], seen: [3]))
            #expect(first.received.map(\.outcome) == [.opened])
            // Two arrive while the desk is down; someone reads one of them in their mail client meanwhile.
            let downtime = MailFixture(subject: "Durante a parada").raw, readByHand = MailFixture(subject: "Lido").raw
            let later = await poll.run(
                mailbox, reader: FakeReader([3: old, 10: unread, 11: downtime, 12: readByHand], seen: [3, 10, 12]))
            #expect(later.received.map(\.outcome) == [.opened, .opened])
            #expect(try await desk.mailStore.imapProgress(of: mailbox.id) == IMAPProgress(uidValidity: 7, lastUID: 12))
            // The server renumbers the folder: unread mail is taken again, and what was stored stays single.
            let renumbered = await poll.run(
                mailbox, reader: FakeReader([1: unread, 2: downtime, 3: MailFixture().raw], seen: [2], validity: 8))
            #expect(renumbered.received.map(\.outcome) == [.duplicate, .opened])
            #expect(try await desk.mailStore.imapProgress(of: mailbox.id) == IMAPProgress(uidValidity: 8, lastUID: 3))
            var query = TicketQuery()
            query.limit = 10
            #expect(try await desk.tickets.tickets(query).tickets.count == 4)
        }
    }

    @Test("A connection failure stops the poll and leaves the message for the next one; three in a row alert the admins", arguments: TestDatabase.available)
    func failureLeavesMessage(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, _ in
            let admins = try await desk.directory.agents(.everything).filter { $0.role == .admin }.map(\.email.value)
            let mailbox = try #require(try await desk.mailStore.mailbox(address: EmailAddress("suporte@desk.example")!))
            let poll = MailboxPoll(intake: desk.mailIntake, mail: desk.mailStore, clock: desk.clock, alerts: desk.notifier)
            let pending = MailFixture().raw
            let reader = FakeReader([1: MailFixture().raw, 2: pending], failOn: 2)
            let report = await poll.run(mailbox, reader: reader)
            #expect(report.received.count == 1)
            #expect(report.error?.contains("connection reset") == true)
            #expect(await reader.processed == [1])

            for _ in 0..<2 { _ = await poll.run(mailbox, reader: FakeReader([2: pending], failOn: 2)) }
            let failing = try #require(try await desk.mailStore.mailbox(mailbox.id))
            #expect(failing.failureCount == 3)
            let alerts = try await desk.outbox.outbox(.all, limit: 50).filter { $0.purpose == .mailboxFailing }
            #expect(!admins.isEmpty && Set(alerts.flatMap(\.recipients)) == Set(admins))
            _ = await poll.run(mailbox, reader: FakeReader([2: pending], failOn: 2))
            let after = try await desk.outbox.outbox(.all, limit: 50).filter { $0.purpose == .mailboxFailing }
            #expect(after.count == admins.count)  // once per failure streak

            let recovered = await poll.run(mailbox, reader: FakeReader([2: pending]))
            #expect(recovered.received.map(\.outcome) == [.opened])
            #expect(try await desk.mailStore.mailbox(mailbox.id)?.failureCount == 0)
        }
    }
}
