import Foundation
import Testing

@testable import BalcaoCore

@Suite("Ticket.record(_:)")
struct TicketConversationTests {
    @Test("An agent's first public reply sets firstResponseAt and takes a new ticket to open")
    func firstAgentReply() throws {
        var ticket = Ticket.sample(status: .new)
        let reply = Message.sample(.reply, by: Samples.agent, at: Samples.now)

        let events = try ticket.record(reply)

        #expect(ticket.firstResponseAt == Samples.now)
        #expect(ticket.status == .open)
        #expect(ticket.updatedAt == Samples.now)
        #expect(
            events.map(\.change) == [
                Change(.reply, nil, reply.id.description),
                Change(.status, "new", "open"),
            ])
        #expect(events.allSatisfy { $0.actor == Samples.agent && $0.at == Samples.now })
    }

    @Test("A later agent reply keeps the first response time")
    func firstResponseIsSetOnce() throws {
        var ticket = Ticket.sample(status: .open, firstResponseAt: Samples.now)
        let reply = Message.sample(.reply, by: .agent(Samples.otherAgentID), at: Samples.later)

        let events = try ticket.record(reply)

        #expect(ticket.firstResponseAt == Samples.now)
        #expect(ticket.status == .open)
        #expect(events.map(\.change) == [Change(.reply, nil, reply.id.description)])
    }

    @Test(
        "An agent reply does not move a ticket that is already being worked",
        arguments: [TicketStatus.open, .pending, .onHold, .solved])
    func agentReplyKeepsWorkingStatus(status: TicketStatus) throws {
        var ticket = Ticket.sample(status: status)
        let reply = Message.sample(.reply, by: Samples.agent)

        let events = try ticket.record(reply)

        #expect(ticket.status == status)
        #expect(ticket.firstResponseAt == Samples.now)
        #expect(events.map(\.field) == [.reply])
    }

    @Test("A requester reply reopens a pending or solved ticket", arguments: [TicketStatus.pending, .solved])
    func requesterReplyReopens(status: TicketStatus) throws {
        var ticket = Ticket.sample(status: status)
        let reply = Message.sample(.reply, by: Samples.requester)

        let events = try ticket.record(reply)

        #expect(ticket.status == .open)
        #expect(ticket.solvedAt == nil)
        #expect(ticket.updatedAt == Samples.now)
        #expect(
            events.map(\.change) == [
                Change(.reply, nil, reply.id.description),
                Change(.status, status.rawValue, "open"),
            ])
        #expect(events.allSatisfy { $0.actor == Samples.requester })
    }

    @Test(
        "A requester reply leaves new, open and on-hold tickets where they are",
        arguments: [TicketStatus.new, .open, .onHold])
    func requesterReplyKeepsStatus(status: TicketStatus) throws {
        var ticket = Ticket.sample(status: status)
        let reply = Message.sample(.reply, by: Samples.requester)

        let events = try ticket.record(reply)

        #expect(ticket.status == status)
        #expect(events.map(\.change) == [Change(.reply, nil, reply.id.description)])
    }

    @Test("A requester reply is not a first response")
    func requesterReplyIsNotAResponse() throws {
        var ticket = Ticket.sample(status: .new)

        _ = try ticket.record(Message.sample(.reply, by: Samples.requester))

        #expect(ticket.firstResponseAt == nil)
    }

    @Test("An internal note never changes the status nor counts as a response", arguments: [
        TicketStatus.new, .open, .pending, .onHold, .solved,
    ])
    func notesKeepStatus(status: TicketStatus) throws {
        var ticket = Ticket.sample(status: status)
        let note = Message.sample(.note, by: Samples.agent)

        let events = try ticket.record(note)

        #expect(ticket.status == status)
        #expect(ticket.firstResponseAt == nil)
        #expect(ticket.updatedAt == Samples.now)
        #expect(events.map(\.change) == [Change(.note, nil, note.id.description)])
    }

    @Test("A requester cannot write an internal note")
    func contactNoteIsRefused() {
        var ticket = Ticket.sample(status: .open)
        let before = ticket

        #expect(throws: TicketError.noteByNonAgent) {
            try ticket.record(Message.sample(.note, by: Samples.requester))
        }

        #expect(ticket == before)
    }

    @Test("A system message is recorded without touching status or first response")
    func systemMessage() throws {
        var ticket = Ticket.sample(status: .new)
        let message = Message.sample(.system, by: .system)

        let events = try ticket.record(message)

        #expect(ticket.status == .new)
        #expect(ticket.firstResponseAt == nil)
        #expect(events.map(\.change) == [Change(.systemMessage, nil, message.id.description)])
        #expect(events.first?.actor == .system)
    }

    @Test("A reply by Balcão itself does not reopen a solved ticket")
    func systemReplyKeepsSolved() throws {
        var ticket = Ticket.sample(status: .solved)

        let events = try ticket.record(Message.sample(.reply, by: .system))

        #expect(ticket.status == .solved)
        #expect(ticket.solvedAt == Samples.solvedAt)
        #expect(events.map(\.field) == [.reply])
    }

    @Test(
        "Nothing is added to a closed ticket",
        arguments: [
            (Message.Kind.reply, Actor.agent(Samples.agentID)),
            (.reply, .contact(Samples.requesterID)),
            (.note, .agent(Samples.agentID)),
            (.note, .contact(Samples.requesterID)),
            (.system, .system),
        ])
    func closedTicketRefusesMessages(kind: Message.Kind, author: Actor) {
        var ticket = Ticket.sample(status: .closed)
        let before = ticket

        #expect(throws: TicketError.closed(Samples.number)) {
            try ticket.record(Message.sample(kind, by: author))
        }

        #expect(ticket == before)
    }

    @Test("Only replies are public")
    func onlyRepliesArePublic() {
        let kinds = Message.Kind.allCases

        let publicKinds = kinds.filter { Message.sample($0, by: .system).isPublic }

        #expect(publicKinds == [.reply])
    }
}
