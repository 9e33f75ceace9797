import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Threading that cannot be hijacked")
struct MailThreadingTests {
    /// A ticket opened by Carla's mail, with the agent's reply queued (so a signed reference exists).
    static func conversation(_ desk: TestDesk, agent: Agent) async throws -> (Ticket, MailIntakeResult, OutboxMail) {
        let first = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
        let ticket = try #require(first.ticket)
        _ = try await desk.ticketService.addMessage(
            AddMessage(kind: .reply, body: MessageBody(text: "Pode confirmar o CNPJ?"), author: .agent(agent.id), channel: .web),
            to: ticket.id)
        let sent = try #require(try await desk.outbox.outbox(.all, limit: 10).first { $0.purpose == .agentReply })
        return (ticket, first, sent)
    }

    @Test("Outgoing Message-IDs are signed references; a forged or altered one threads nothing", arguments: TestDatabase.available)
    func forgedReference(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            let (ticket, _, sent) = try await Self.conversation(desk, agent: agent)
            let reference = try #require(MailReference.decode(sent.messageID, signer: desk.signer))
            #expect(reference.ticketNumber == ticket.number)

            // Same shape, right ticket number, wrong signature: a guess, not a reply.
            var parts = sent.messageID.split(separator: "@")[0].split(separator: ".").map(String.init)
            parts[4] = String(parts[4].reversed())
            var forged = MailFixture(from: "eva@outra.example", subject: "Re: sua fatura")
            forged.inReplyTo = "<\(parts.joined(separator: "."))@desk.example>"
            let result = try await desk.mailIntake.receive(forged.raw, recipient: nil)
            #expect(result.outcome == .opened)
            #expect(result.ticket?.id != ticket.id)
        }
    }

    @Test("The body marker threads a reply whose provider rewrote the Message-ID", arguments: TestDatabase.available)
    func bodyMarker(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            let (ticket, _, sent) = try await Self.conversation(desk, agent: agent)
            let marker = try #require(MailReference.decode(sent.messageID, signer: desk.signer)?.marker(signer: desk.signer))
            #expect(String(decoding: sent.raw, as: UTF8.self).contains(marker))
            var reply = MailFixture(subject: "RES: sua solicitação")
            reply.body = "CNPJ 12.345.678/0001-90\n\nEm ter., 24 de nov. de 2026 às 10:00, Suporte escreveu:\n> Pode confirmar o CNPJ?\n> \(marker)"
            let result = try await desk.mailIntake.receive(reply.raw, recipient: nil)
            #expect(result.outcome == .threaded)
            #expect(result.ticket?.id == ticket.id)
            #expect(result.message?.kind == .reply)
        }
    }

    @Test("A participant copied on the first mail threads by [#number] and gets the agent's replies in Cc", arguments: TestDatabase.available)
    func participants(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            var first = MailFixture()
            first.extraHeaders = ["Cc: Fábio <fabio@cliente.example>, suporte@desk.example"]
            let ticket = try #require(try await desk.mailIntake.receive(first.raw, recipient: nil).ticket)
            #expect(try await desk.mailStore.participants(of: ticket.id).map(\.address) == ["fabio@cliente.example"])

            _ = try await desk.ticketService.addMessage(
                AddMessage(kind: .reply, body: MessageBody(text: "Estornado."), author: .agent(agent.id), channel: .web),
                to: ticket.id)
            let sent = try #require(try await desk.outbox.outbox(.all, limit: 10).first { $0.purpose == .agentReply })
            #expect(sent.recipients == ["carla@cliente.example", "fabio@cliente.example"])

            let fromParticipant = MailFixture(from: "fabio@cliente.example", subject: "Re: [\(ticket.number)] Fatura")
            let threaded = try await desk.mailIntake.receive(fromParticipant.raw, recipient: nil)
            #expect(threaded.ticket?.id == ticket.id)
            #expect(threaded.message?.kind == .note)
            let stranger = MailFixture(from: "eva@outra.example", subject: "Re: [\(ticket.number)] Fatura")
            #expect(try await desk.mailIntake.receive(stranger.raw, recipient: nil).ticket?.id != ticket.id)
        }
    }

    @Test("A reply to a merged ticket lands on the ticket it was merged into", arguments: TestDatabase.available)
    func mergedTicket(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, support, _ in
            let admin = try await desk.makeAdmin(departments: [support])
            let duplicate = try await desk.mailIntake.receive(MailFixture().raw, recipient: nil)
            let surviving = try #require(try await desk.mailIntake.receive(MailFixture(subject: "Outra").raw, recipient: nil).ticket)
            _ = try await desk.ticketService.merge(duplicate.ticket!.id, into: surviving.id, by: admin)
            var reply = MailFixture(subject: "Re: Fatura em duplicidade")
            reply.inReplyTo = "<\(duplicate.messageID)>"
            let result = try await desk.mailIntake.receive(reply.raw, recipient: nil)
            #expect(result.outcome == .threaded)
            #expect(result.ticket?.id == surviving.id)
        }
    }

    @Test("An out-of-office reply is stored as a note that changes no status and is never answered", arguments: TestDatabase.available)
    func automaticReplyIsNote(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            let (ticket, _, sent) = try await Self.conversation(desk, agent: agent)
            var pending = TicketChanges()
            pending.status = .pending
            _ = try await desk.ticketService.update(ticket.id, pending, by: .agent(agent.id))
            var away = MailFixture(subject: "Resposta automática: [\(ticket.number)] Fatura")
            away.inReplyTo = "<\(sent.messageID)>"
            away.extraHeaders = ["Auto-Submitted: auto-replied"]
            away.body = "Estou de férias até dia 30."
            let before = try await desk.outbox.outbox(.all, limit: 20).count
            let result = try await desk.mailIntake.receive(away.raw, recipient: nil)
            #expect(result.outcome == .threaded)
            #expect(result.message?.kind == .note)
            #expect(result.ticket?.status == .pending)
            #expect(try await desk.outbox.outbox(.all, limit: 20).count == before)
        }
    }

    @Test("The same mail without a Message-ID, delivered twice with different Received headers, is stored once", arguments: TestDatabase.available)
    func contentDedupe(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, _ in
            let body = "From: ana@cliente.example\r\nTo: suporte@desk.example\r\nSubject: Sem id\r\nDate: Wed, 25 Nov 2026 10:00:00 -0300\r\n\r\nTexto.\r\n"
            let first = Data(("Received: from mx1.example by a\r\n" + body).utf8)
            let second = Data(("Received: from mx2.example by b\r\nDelivered-To: outro@desk.example\r\n" + body).utf8)
            let once = try await desk.mailIntake.receive(first, recipient: nil)
            let twice = try await desk.mailIntake.receive(second, recipient: nil)
            #expect(once.outcome == .opened)
            #expect(twice.outcome == .duplicate)
        }
    }

    @Test("No automatic mail to no-reply, mailer-daemon or bounced addresses", arguments: TestDatabase.available)
    func unmailable(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, _ in
            _ = try await desk.mailIntake.receive(MailFixture(from: "no-reply@loja.example").raw, recipient: nil)
            _ = try await desk.mailIntake.receive(MailFixture(from: "Postmaster <postmaster@loja.example>").raw, recipient: nil)
            try await desk.mailStore.markUndeliverable(
                "dora@cliente.example", until: desk.clock.now.addingTimeInterval(86400), reason: "550 no such user",
                at: desk.clock.now)
            _ = try await desk.mailIntake.receive(MailFixture(from: "dora@cliente.example").raw, recipient: nil)
            #expect(try await desk.outbox.outbox(.all, limit: 10).isEmpty)
            #expect(RecipientRules.isUnmailable("Nao-Responda@banco.example"))
            #expect(!RecipientRules.isUnmailable("noemi@cliente.example"))
        }
    }
}

@Suite("Bounces")
struct BounceTests {
    @Test("A permanent bounce of our reply lands on its ticket as a note and stops mail to the address", arguments: TestDatabase.available)
    func permanentBounce(database: TestDatabase) async throws {
        try await MailIntakeTests.withMailDesk(database) { desk, _, agent in
            let (ticket, _, sent) = try await MailThreadingTests.conversation(desk, agent: agent)
            let boundary = "bnd42"
            let report = """
                From: MAILER-DAEMON@mx.cliente.example\r
                To: suporte@desk.example\r
                Subject: Undelivered Mail Returned to Sender\r
                Message-ID: <\(UUID().uuidString)@mx.cliente.example>\r
                Auto-Submitted: auto-replied\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="\(boundary)"\r
                \r
                --\(boundary)\r
                Content-Type: text/plain\r
                \r
                Your message could not be delivered.\r
                --\(boundary)\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.cliente.example\r
                \r
                Final-Recipient: rfc822; carla@cliente.example\r
                Action: failed\r
                Status: 5.1.1\r
                Diagnostic-Code: smtp; 550 5.1.1 User unknown\r
                --\(boundary)\r
                Content-Type: text/rfc822-headers\r
                \r
                From: suporte@desk.example\r
                To: carla@cliente.example\r
                Message-ID: <\(sent.messageID)>\r
                Subject: \(sent.subject)\r
                --\(boundary)--\r

                """
            let result = try await desk.mailIntake.receive(Data(report.utf8), recipient: nil)
            #expect(result.outcome == .threaded)
            #expect(result.ticket?.id == ticket.id)
            #expect(result.message?.kind == .note)
            let blocked = try await desk.mailStore.undeliverable(["carla@cliente.example"], at: desk.clock.now)
            #expect(blocked.map(\.email) == ["carla@cliente.example"])
            #expect(try await desk.mailStore.undeliverableAddresses(at: desk.clock.now).first?.reason.contains("User unknown") == true)

            let before = try await desk.outbox.outbox(.all, limit: 20).count
            _ = try await desk.ticketService.addMessage(
                AddMessage(kind: .reply, body: MessageBody(text: "Tentando de novo"), author: .agent(agent.id), channel: .web),
                to: ticket.id)
            #expect(try await desk.outbox.outbox(.all, limit: 20).count == before)
        }
    }
}
