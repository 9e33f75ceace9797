import BalcaoCore
import Foundation

/// One demo ticket's life: opened by its requester, then — depending on how old it is — assigned, answered,
/// noted, followed up, solved and closed, each step a few minutes to hours after the previous one.
struct DemoTicketStory {
    let seed: DemoTicketSeed
    let requester: Contact
    let department: Department
    let agents: [Agent]
    let ageDays: Double

    func play(with service: TicketService, clock: ManualClock, until now: Date, random: inout SplitMix64)
        async throws
    {
        let channels: [TicketChannel] = [.email, .email, .email, .portal, .portal, .chat, .phone, .api]
        let command = OpenTicket(
            subject: seed.subject, body: MessageBody(text: seed.body), requester: .id(requester.id),
            channel: channels[Int(random.next() % UInt64(channels.count))],
            priority: TicketPriority(rawValue: seed.priority), type: TicketType(rawValue: seed.type),
            category: seed.category, departmentID: department.id, tags: seed.tags)
        let ticket = try await service.open(command, by: .contact(requester.id))
        // Seeds without a written reply still get a short one once they are a few days old: a real desk does not
        // leave week-old tickets untouched.
        let reply = seed.agentReply ?? (ageDays > 2 ? Self.acknowledgement(in: seed.language) : nil)
        guard let reply, let agent = agents.randomElement(using: &random) else { return }

        func later(_ minutes: ClosedRange<Int>) -> Bool {
            clock.advance(by: Double(Int.random(in: minutes, using: &random) * 60))
            return clock.now < now
        }
        guard later(5...240) else { return }
        var assign = TicketChanges()
        assign.assigneeID = .set(agent.id)
        _ = try await service.update(ticket.id, assign, by: .agent(agent.id))
        if let note = seed.internalNote, later(1...30) {
            _ = try await service.addMessage(
                AddMessage(kind: .note, body: MessageBody(text: note), author: .agent(agent.id), channel: .web),
                to: ticket.id)
        }
        guard later(2...90) else { return }
        // Young tickets wait on the requester; older ones move on.
        let waiting: TicketStatus = seed.type == "problem" && ageDays > 3 ? .onHold : .pending
        _ = try await service.addMessage(
            AddMessage(
                kind: .reply, body: MessageBody(text: reply), author: .agent(agent.id), channel: .web, status: waiting),
            to: ticket.id)
        if let followUp = seed.requesterFollowUp, later(30...1440) {
            _ = try await service.addMessage(
                AddMessage(
                    kind: .reply, body: MessageBody(text: followUp), author: .contact(requester.id),
                    channel: ticket.channel),
                to: ticket.id)
        }
        // About one older ticket in six is still being worked on: a real desk has a backlog.
        guard ageDays > 4, Int.random(in: 0..<6, using: &random) != 0, later(60...2880) else { return }
        var solve = TicketChanges()
        solve.status = .solved
        _ = try await service.update(ticket.id, solve, by: .agent(agent.id))
        // Solved tickets close after four days without a reply (Zendesk's default is four).
        guard ageDays > 10, later(5760...5800) else { return }
        var close = TicketChanges()
        close.status = .closed
        _ = try await service.update(ticket.id, close, by: .system)
    }

    static func acknowledgement(in language: String) -> String {
        switch language {
        case "pt-PT": "Obrigado pelo seu contacto. Já estamos a tratar do assunto e voltamos a falar consigo em breve."
        case "pt-BR": "Obrigado pelo contato! Já estamos verificando e retornamos em breve com uma posição."
        default: "Thanks for reaching out. We are looking into this and will get back to you shortly."
        }
    }
}
