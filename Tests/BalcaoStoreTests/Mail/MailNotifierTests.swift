import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Mail sent for ticket changes")
struct MailNotifierTests {
    @Test("An agent's public reply is queued threaded, tagged [#number], in the requester's language; notes send nothing", arguments: TestDatabase.available)
    func agentReplyQueued(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            let first = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            let ticket = try #require(first.ticket)
            var requester = try #require(try await desk.directory.contact(ticket.requesterID))
            requester.languageTag = "pt-PT"
            try await desk.directory.update(requester)
            let before = try await desk.outbox.outbox(.all, limit: 10).count

            _ = try await desk.ticketService.addMessage(
                AddMessage(kind: .note, body: MessageBody(text: "Cliente antigo"), author: .agent(agent.id), channel: .web),
                to: ticket.id)
            #expect(try await desk.outbox.outbox(.all, limit: 10).count == before)

            _ = try await desk.ticketService.addMessage(
                AddMessage(
                    kind: .reply, body: MessageBody(text: "Já tratámos do estorno."), author: .agent(agent.id),
                    channel: .web, attachments: [AttachmentUpload(filename: "recibo.pdf", contentType: "application/pdf", data: Data("%PDF-1.4".utf8))]),
                to: ticket.id)
            let mail = try #require(try await desk.outbox.outbox(.all, limit: 10).first { $0.purpose == .agentReply })
            #expect(mail.recipients == ["carla@cliente.example"])
            #expect(mail.subject.hasPrefix("[\(ticket.number)]"))
            let parsed = MIMEParser.parse(Array(mail.raw))
            #expect(parsed.inReplyTo.first == first.messageID)
            #expect(parsed.references.contains(first.messageID))
            #expect(parsed.messageID == mail.messageID)
            #expect(parsed.replyTo.first?.address == "suporte@desk.example")
            #expect(parsed.text.contains("Já tratámos do estorno."))
            #expect(parsed.text.contains("basta responder a este e-mail"))
            #expect(parsed.html?.contains("Já tratámos do estorno.") == true)
            #expect(parsed.attachments.map(\.fileName) == ["recibo.pdf"])
            // The desk's own Message-ID threads the customer's answer back.
            #expect(try await desk.mailStore.ticketID(forMessageIDs: [mail.messageID]) == ticket.id)
        }
    }

    @Test("Replies leave from the address the customer wrote to, even when a department has several", arguments: TestDatabase.available)
    func replyFromReceivingMailbox(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, support, agent in
            try await desk.mailStore.save(
                Mailbox(
                    address: EmailAddress("atendimento@desk.example")!, displayName: "Atendimento",
                    departmentID: support.id, createdAt: desk.clock.now))
            for address in ["atendimento@desk.example", "suporte@desk.example"] {
                let ticket = try #require(
                    try await desk.mailIntake.receive(MailFixture(to: address).raw, recipient: nil).ticket)
                _ = try await desk.ticketService.addMessage(
                    AddMessage(kind: .reply, body: MessageBody(text: "Olá"), author: .agent(agent.id), channel: .web),
                    to: ticket.id)
                let sent = try #require(
                    try await desk.outbox.outbox(.all, limit: 20).first { $0.ticketID == ticket.id && $0.purpose == .agentReply })
                #expect(sent.envelopeFrom == address)
            }
        }
    }

    @Test("Solving without a reply sends the 'solved' notice; edited templates replace the built-in text", arguments: TestDatabase.available)
    func solvedNotice(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            let ticket = try #require(try await desk.mailIntake.receive(MailFixture().raw, recipient: nil).ticket)
            try await desk.mailStore.save(
                NotificationTemplate(
                    kind: .ticketSolved, language: .portugueseBrazil, subject: "Resolvido: {{ticket.subject}}",
                    body: "Oi {{requester.name}}, {{agent.name}} resolveu {{ticket.number}}."))
            var solve = TicketChanges()
            solve.status = .solved
            _ = try await desk.ticketService.update(ticket.id, solve, by: .agent(agent.id))
            let mail = try #require(try await desk.outbox.outbox(.all, limit: 10).first { $0.purpose == .ticketSolved })
            let parsed = MIMEParser.parse(Array(mail.raw))
            #expect(parsed.subject == "[\(ticket.number)] Resolvido: Fatura em duplicidade")
            #expect(parsed.text.contains("Oi Carla Cliente, \(agent.name) resolveu \(ticket.number)."))
        }
    }
}

@Suite("Outbox")
struct OutboxTests {
    /// Accepts or refuses mail as told, remembering what it was given.
    final class FakeSender: MailSender, @unchecked Sendable {
        private let lock = NSLock()
        private var failures: [MailSendFailure?]
        private(set) var sent: [[String]] = []

        init(_ failures: [MailSendFailure?]) { self.failures = failures }

        func send(from: String, recipients: [String], message: Data) async throws {
            let failure = lock.withLock { failures.isEmpty ? nil : failures.removeFirst() }
            if let failure { throw failure }
            lock.withLock { sent.append(recipients) }
        }
    }

    static func queued(_ desk: TestDesk, to: String = "carla@cliente.example") async throws -> OutboxMail {
        let mail = OutboxMail(
            ticketID: nil, purpose: .agentReply, envelopeFrom: "suporte@desk.example", recipients: [to],
            messageID: "m\(UUID().uuidString)@desk.example", subject: "Olá", raw: Data("Subject: Olá\r\n\r\nx".utf8),
            nextAttemptAt: desk.clock.now, createdAt: desk.clock.now)
        try await desk.outbox.enqueue(mail)
        return mail
    }

    @Test("A temporary failure is retried with backoff; a permanent one is given up and an admin can retry it", arguments: TestDatabase.available)
    func retriesAndGivesUp(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let temporary = try await Self.queued(desk)
            let sender = FakeSender([MailSendFailure("421 try later", isPermanent: false)])
            let delivery = OutboxDelivery(outbox: desk.outbox, sender: sender, clock: desk.clock)

            let first = try await delivery.deliverDue()
            #expect(first.retrying == 1)
            #expect(try await delivery.deliverDue().total == 0)  // not due yet
            desk.clock.advance(by: 61)
            #expect(try await delivery.deliverDue().sent == 1)
            let sent = try #require(try await desk.outbox.outbox(.sent, limit: 5).first)
            #expect(sent.id == temporary.id)
            #expect(sent.attempts == 1)

            let rejected = try await Self.queued(desk, to: "nobody@cliente.example")
            let refusing = OutboxDelivery(
                outbox: desk.outbox, sender: FakeSender([MailSendFailure("550 no such user", isPermanent: true)]),
                clock: desk.clock)
            #expect(try await refusing.deliverDue().gaveUp == 1)
            let failed = try #require(try await desk.outbox.outbox(.failed, limit: 5).first)
            #expect(failed.id == rejected.id)
            #expect(failed.lastError == "550 no such user")
            #expect(try await desk.outbox.outboxCounts()[.failed] == 1)
            #expect(try await desk.outbox.hasMail(in: .failed))
            #expect(try await desk.outbox.outboxCounts()[.sent] == 1)

            let admin = try await desk.makeAdmin()
            let administration = MailAdministration(
                mail: desk.mailStore, outbox: desk.outbox, directory: desk.directory, clock: desk.clock)
            #expect(try await administration.retry(rejected.id, by: admin))
            #expect(try await delivery.deliverDue().sent == 1)
        }
    }

    @Test("A claimed mail is not claimed again until its lease runs out (a worker that died mid-send)", arguments: TestDatabase.available)
    func leases(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let mail = try await Self.queued(desk)
            let claimed = try await desk.outbox.claimDue(at: desk.clock.now, limit: 10, lease: 300)
            #expect(claimed.map(\.id) == [mail.id])
            #expect(try await desk.outbox.claimDue(at: desk.clock.now, limit: 10, lease: 300).isEmpty)
            desk.clock.advance(by: 301)
            #expect(try await desk.outbox.claimDue(at: desk.clock.now, limit: 10, lease: 300).map(\.id) == [mail.id])
        }
    }
}
