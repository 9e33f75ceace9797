import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Mail intake over a real database")
struct MailIntakeTests {
    /// A desk with a support department fed by suporte@desk.example.
    static func withMailDesk(
        _ database: TestDatabase, _ body: (TestDesk, Department, Agent) async throws -> Void
    ) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let agent = try await desk.makeAgent(departments: [support])
            try await desk.mailStore.save(
                Mailbox(
                    address: EmailAddress("suporte@desk.example")!, displayName: "Suporte Desk",
                    departmentID: support.id, createdAt: desk.clock.now))
            try await body(desk, support, agent)
        }
    }

    @Test("A new mail opens a ticket in the mailbox's department, for a new contact, with original.eml", arguments: TestDatabase.available)
    func newMailOpensTicket(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, support, _ in
            let mail = MailFixture()
            let result = try await desk.mailIntake.receive(mail.raw, recipient: nil)
            let ticket = try #require(result.ticket)
            #expect(result.outcome == .opened)
            #expect(ticket.subject == "Fatura em duplicidade")
            #expect(ticket.channel == .email)
            #expect(ticket.departmentID == support.id)
            let requester = try #require(try await desk.directory.contact(ticket.requesterID))
            #expect(requester.name == "Carla Cliente")
            #expect(requester.emails == [EmailAddress("carla@cliente.example")!])
            let messages = try await desk.tickets.messages(of: ticket.id)
            #expect(messages.count == 1)
            #expect(messages[0].text.contains("recebi a fatura 42 duas vezes"))
            let original = try #require(messages[0].attachments.first { $0.filename == "original.eml" })
            #expect(try await desk.blobs.get(original.sha256) == mail.raw)
        }
    }

    @Test("The same Message-ID delivered twice is stored once", arguments: TestDatabase.available)
    func duplicateStoredOnce(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, _ in
            let mail = MailFixture()
            let first = try await desk.mailIntake.receive(mail.raw, recipient: nil)
            let second = try await desk.mailIntake.receive(mail.raw, recipient: nil)
            #expect(first.outcome == .opened)
            #expect(second.outcome == .duplicate)
            var query = TicketQuery()
            query.limit = 10
            #expect(try await desk.tickets.tickets(query).tickets.count == 1)
        }
    }

    @Test("A human's new mail gets one 'ticket received' auto-reply; auto-replies and bulk mail get none", arguments: TestDatabase.available)
    func autoReplyOnlyForPeople(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, _ in
            let person = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            var outOfOffice = MailFixture(from: "Dora <dora@cliente.example>")
            outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
            var newsletter = MailFixture(from: "news@loja.example")
            newsletter.extraHeaders = ["Precedence: bulk"]
            var bounce = MailFixture(from: "MAILER-DAEMON@mx.cliente.example", subject: "Undelivered Mail Returned to Sender")
            bounce.extraHeaders = ["Auto-Submitted: auto-replied"]
            for mail in [outOfOffice, newsletter, bounce] {
                let result = try await desk.mailIntake.receive(mail.raw, recipient: nil)
                #expect(result.outcome == .opened)
                #expect(result.automation != nil)
            }
            let queued = try await desk.outbox.outbox(.all, limit: 10)
            #expect(queued.count == 1)
            let reply = try #require(queued.first)
            #expect(reply.purpose == .ticketReceived)
            #expect(reply.recipients == ["carla@cliente.example"])
            #expect(reply.envelopeFrom == "suporte@desk.example")
            let text = String(decoding: reply.raw, as: UTF8.self)
            #expect(text.contains("Auto-Submitted: auto-replied"))
            #expect(text.contains("In-Reply-To: <\(person.messageID)>"))
            #expect(reply.subject.contains("[\(person.ticket!.number)]"))
        }
    }

    @Test("Automatic mail to one address is capped per window, so two auto-responders cannot loop", arguments: TestDatabase.available)
    func autoReplyCap(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, _ in
            for _ in 0..<14 { _ = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil) }
            #expect(try await desk.outbox.outbox(.all, limit: 50).count == RecipientRules.automaticPerAddress)
            desk.clock.advance(by: RecipientRules.window + 1)
            _ = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            #expect(try await desk.outbox.outbox(.all, limit: 50).count == RecipientRules.automaticPerAddress + 1)
        }
    }

    @Test("A reply threads by In-Reply-To onto the ticket, trimmed of the quoted history", arguments: TestDatabase.available)
    func replyThreadsByHeaders(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, agent in
            let first = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            let ticket = try #require(first.ticket)
            // The agent answers; the customer replies to that mail (not to her own).
            _ = try await desk.ticketService.addMessage(
                AddMessage(kind: .reply, body: MessageBody(text: "Verificamos: foi estornada."), author: .agent(agent.id), channel: .web),
                to: ticket.id)
            let agentMail = try #require(try await desk.outbox.outbox(.all, limit: 10).first { $0.purpose == .agentReply })
            var answer = MailFixture(subject: "Re: \(agentMail.subject)")
            answer.inReplyTo = "<\(agentMail.messageID)>"
            answer.references = "<\(first.messageID)> <\(agentMail.messageID)>"
            answer.body = "Obrigada, resolvido!\n\nEm qua., 25 de nov. de 2026 às 10:05, Suporte <suporte@desk.example> escreveu:\n> Verificamos: foi estornada.\n"
            let result = try await desk.mailIntake.receive(answer.raw, recipient: nil)
            #expect(result.outcome == .threaded)
            #expect(result.ticket?.id == ticket.id)
            let messages = try await desk.tickets.messages(of: ticket.id)
            #expect(messages.count == 3)
            #expect(messages.last?.text == "Obrigada, resolvido!")
            #expect(messages.last?.author == .contact(ticket.requesterID))
            #expect(messages.last?.attachments.map(\.filename) == ["original.eml"])
        }
    }

    @Test("[#number] in the subject threads only the requester's mail; a stranger's opens a new ticket", arguments: TestDatabase.available)
    func subjectNumberNeedsRequester(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, _ in
            let ticket = try #require(try await desk.mailIntake.receive(MailFixture().raw, recipient: nil).ticket)
            let ownReply = MailFixture(subject: "RES: [\(ticket.number)] Fatura em duplicidade")
            let stranger = MailFixture(from: "eva@outra.example", subject: "Re: [\(ticket.number)] Fatura em duplicidade")
            let threaded = try await desk.mailIntake.receive(ownReply.raw, recipient: nil)
            let separate = try await desk.mailIntake.receive(stranger.raw, recipient: nil)
            #expect(threaded.outcome == .threaded)
            #expect(threaded.ticket?.id == ticket.id)
            #expect(separate.outcome == .opened)
            #expect(separate.ticket?.id != ticket.id)
        }
    }

    @Test("Someone else in the thread is kept as an internal note, never as the requester's reply", arguments: TestDatabase.available)
    func colleagueBecomesNote(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, _ in
            let first = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            var colleague = MailFixture(from: "Fábio <fabio@cliente.example>", subject: "Re: Fatura em duplicidade")
            colleague.inReplyTo = "<\(first.messageID)>"
            colleague.body = "Confirmo, também vi a duplicidade."
            let result = try await desk.mailIntake.receive(colleague.raw, recipient: nil)
            #expect(result.outcome == .threaded)
            let note = try #require(result.message)
            #expect(note.kind == .note)
            #expect(note.author == .system)
            #expect(note.text.hasPrefix("From: Fábio <fabio@cliente.example>"))
        }
    }

    @Test("A reply to a closed ticket opens a new one; mail from the desk's own address is ignored", arguments: TestDatabase.available)
    func closedAndOwnMail(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, agent in
            let first = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            let ticket = try #require(first.ticket)
            for status in [TicketStatus.solved, .closed] {
                var change = TicketChanges()
                change.status = status
                _ = try await desk.ticketService.update(ticket.id, change, by: .agent(agent.id))
            }
            var late = MailFixture(subject: "Re: Fatura em duplicidade")
            late.inReplyTo = "<\(first.messageID)>"
            let result = try await desk.mailIntake.receive(late.raw, recipient: nil)
            #expect(result.outcome == .opened)
            #expect(result.ticket?.id != ticket.id)

            let own = try await desk.mailIntake.receive(MailFixture(from: "suporte@desk.example").raw, recipient: nil)
            #expect(own.outcome == .ignored)
        }
    }

    @Test("Mail without a readable From is quarantined whole; an admin can create the ticket anyway", arguments: TestDatabase.available)
    func unreadableSenderQuarantined(database: TestDatabase) async throws {
        try await Self.withMailDesk(database) { desk, _, _ in
            let broken = MailFixture(from: "not an address")
            let result = try await desk.mailIntake.receive(broken.raw, recipient: EmailAddress("suporte@desk.example"))
            #expect(result.outcome == .quarantined)
            let held = try #require(try await desk.mailStore.quarantined(limit: 5).first)
            #expect(held.reason == "no readable From address")
            #expect(held.raw.isEmpty && held.size == broken.raw.count)  // lists leave the bytes out
            #expect(try await desk.mailStore.quarantinedMail(held.id)?.raw == broken.raw)

            let admin = try await desk.makeAdmin()
            let administration = MailAdministration(
                mail: desk.mailStore, outbox: desk.outbox, directory: desk.directory, clock: desk.clock,
                intake: desk.mailIntake)
            let released = try #require(try await administration.release(held.id, force: true, by: admin))
            #expect(released.outcome == .opened)
            #expect(try await desk.mailStore.quarantined(limit: 5).isEmpty)
        }
    }

    @Test("Mail over the size limit is quarantined and its sender told once", arguments: TestDatabase.available)
    func oversizeQuarantined(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let intake = MailIntake(
                service: desk.ticketService, mail: desk.mailStore, notifier: desk.notifier, signer: desk.signer,
                maxMailBytes: 2000)
            var big = MailFixture()
            big.body = String(repeating: "planilha ", count: 500)
            for _ in 0..<2 {
                big.messageID = "<\(UUID().uuidString)@mail.cliente.example>"
                #expect(try await intake.receive(big.raw, recipient: nil).outcome == .quarantined)
            }
            #expect(try await desk.mailStore.quarantined(limit: 5).map(\.reason) == ["larger than 1 KB", "larger than 1 KB"])
            let notices = try await desk.outbox.outbox(.all, limit: 5)
            #expect(notices.map(\.purpose) == [.mailTooLarge])
            #expect(notices.first?.recipients == ["carla@cliente.example"])
        }
    }
}
