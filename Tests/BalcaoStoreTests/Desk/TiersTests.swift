import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Escalation and merging over a real database")
struct TiersTests {
    /// "Suporte" (tier 1), which escalates to "Suporte N2" (tier 2).
    static func makeTiers(_ desk: TestDesk, admin: Agent) async throws -> (tier1: Department, tier2: Department) {
        let tier2 = try await desk.makeDepartment("Suporte N2", tier: .second, by: admin)
        let support = try await desk.makeDepartment("Suporte", by: admin)
        var fields = DepartmentFields()
        fields.escalationTargetID = .set(tier2.id)
        let tier1 = try await desk.directoryService.updateDepartment(support.id, fields, by: admin)
        return (tier1, tier2)
    }

    static func setStatus(_ status: TicketStatus, of ticket: Ticket, in desk: TestDesk, by admin: Agent) async throws {
        var changes = TicketChanges()
        changes.status = status
        _ = try await desk.ticketService.update(ticket.id, changes, by: .agent(admin.id))
    }

    // MARK: Escalation

    @Test("Escalating moves the ticket to tier 2 and records the reason as a note and an event",
        arguments: TestDatabase.available)
    func escalationMovesAndRecords(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (tier1, tier2) = try await Self.makeTiers(desk, admin: admin)
            let agent = try await desk.makeAgent(departments: [tier1])
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: tier1)
            let reason = "O spooler do servidor de impressão trava; precisa do N2."
            desk.clock.advance(by: 600)

            let escalated = try await desk.ticketService.escalate(ticket.id, reason: "  \(reason)\n", by: agent)

            let note = try #require(try await desk.tickets.messages(of: ticket.id).last)
            let events = try await desk.tickets.events(of: ticket.id)
            let escalation = try #require(events.first { $0.field == .escalation })
            #expect(escalated.departmentID == tier2.id)
            #expect(escalated.status == .open)
            #expect(try await desk.tickets.ticket(ticket.id) == escalated)
            #expect(note.kind == .note)
            #expect(note.author == .agent(agent.id))
            #expect(note.channel == .web)
            #expect(note.text == reason)
            #expect(note.html == MessageBody(text: reason).normalized()?.html)
            #expect(note.createdAt == desk.clock.now)
            #expect(escalation.actor == .agent(agent.id))
            #expect(escalation.oldValue == tier1.id.description)
            #expect(escalation.newValue == reason)
            #expect(events.map(\.field) == [.created, .reply, .escalation, .department, .status, .note])
            #expect(events.first { $0.field == .department }?.newValue == tier2.id.description)
        }
    }

    @Test(
        "An assignee who does not work in tier 2 is unassigned; one who does stays", arguments: TestDatabase.available)
    func escalationAssignee(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (tier1, tier2) = try await Self.makeTiers(desk, admin: admin)
            let firstLine = try await desk.makeAgent(name: "Bruno Agente", departments: [tier1])
            let specialist = try await desk.makeAgent(name: "Clara Especialista", departments: [tier1, tier2])
            let requester = try await desk.makeContact()
            let handedOver = try await desk.openTicket(requester: requester, department: tier1) {
                $0.assigneeID = firstLine.id
            }
            let keptOn = try await desk.openTicket(requester: requester, department: tier1) {
                $0.assigneeID = specialist.id
            }

            let unassigned = try await desk.ticketService.escalate(
                handedOver.id, reason: "Precisa do N2", by: firstLine)
            let kept = try await desk.ticketService.escalate(keptOn.id, reason: "Precisa do N2", by: specialist)

            #expect(unassigned.departmentID == tier2.id)
            #expect(unassigned.assigneeID == nil)
            #expect(kept.departmentID == tier2.id)
            #expect(kept.assigneeID == specialist.id)
            let handedOverHistory = try await desk.tickets.events(of: handedOver.id)
            let assigneeChange = try #require(handedOverHistory.first { $0.field == .assignee })
            #expect(assigneeChange.oldValue == firstLine.id.description)
            #expect(assigneeChange.newValue == nil)
            #expect(try await desk.tickets.events(of: keptOn.id).contains { $0.field == .assignee } == false)
        }
    }

    @Test("A new, pending or on-hold ticket is open after escalation",
        arguments: TestDatabase.available, [TicketStatus.new, .open, .pending, .onHold])
    func escalationOpens(database: TestDatabase, status: TicketStatus) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (tier1, _) = try await Self.makeTiers(desk, admin: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: tier1)
            if status != .new { try await Self.setStatus(status, of: ticket, in: desk, by: admin) }

            let escalated = try await desk.ticketService.escalate(ticket.id, reason: "Precisa do N2", by: admin)

            #expect(escalated.status == .open)
            let statusChanges = try await desk.tickets.events(of: ticket.id).filter { $0.field == .status }
            let expectedLast = status == .open ? "new → open" : "\(status.rawValue) → open"
            #expect(statusChanges.last.map { "\($0.oldValue ?? "") → \($0.newValue ?? "")" } == expectedLast)
        }
    }

    @Test("A blank or overlong reason is refused and nothing is saved", arguments: TestDatabase.available)
    func escalationNeedsReason(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (tier1, _) = try await Self.makeTiers(desk, admin: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: tier1)

            await #expect(throws: ValidationError(field: "reason", "must not be blank")) {
                try await desk.ticketService.escalate(ticket.id, reason: " \n\t ", by: admin)
            }
            await #expect(throws: ValidationError(field: "reason", "must be at most 2000 characters")) {
                try await desk.ticketService.escalate(
                    ticket.id, reason: String(repeating: "x", count: 2_001), by: admin)
            }

            #expect(try await desk.tickets.ticket(ticket.id) == ticket)
            #expect(try await desk.tickets.events(of: ticket.id).map(\.field) == [.created, .reply])
        }
    }

    @Test("A ticket without a department, or whose department has no escalation target, is refused",
        arguments: TestDatabase.available)
    func escalationNeedsTarget(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (_, tier2) = try await Self.makeTiers(desk, admin: admin)
            let finance = try await desk.makeDepartment("Financeiro", by: admin)
            let requester = try await desk.makeContact()
            let inFinance = try await desk.openTicket(requester: requester, department: finance)
            let inTier2 = try await desk.openTicket(requester: requester, department: tier2)
            let nowhere = try await desk.openTicket(requester: requester)
            let noTarget = ValidationError(
                field: "departmentId", "the ticket's department has no tier-2 team to escalate to")

            await #expect(throws: noTarget) {
                try await desk.ticketService.escalate(inFinance.id, reason: "Precisa do N2", by: admin)
            }
            await #expect(throws: noTarget) {
                try await desk.ticketService.escalate(inTier2.id, reason: "Precisa do N3", by: admin)
            }
            await #expect(throws: ValidationError(field: "departmentId", "the ticket has no department")) {
                try await desk.ticketService.escalate(nowhere.id, reason: "Precisa do N2", by: admin)
            }

            #expect(try await desk.tickets.ticket(inFinance.id) == inFinance)
        }
    }

    @Test("A closed ticket cannot be escalated", arguments: TestDatabase.available)
    func escalationOfClosedTicket(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let (tier1, _) = try await Self.makeTiers(desk, admin: admin)
            let ticket = try await desk.openTicket(requester: try await desk.makeContact(), department: tier1)
            try await Self.setStatus(.solved, of: ticket, in: desk, by: admin)
            try await Self.setStatus(.closed, of: ticket, in: desk, by: admin)

            await #expect(throws: TicketError.closed(ticket.number)) {
                try await desk.ticketService.escalate(ticket.id, reason: "Precisa do N2", by: admin)
            }
        }
    }

    // MARK: Merging

    @Test(
        "Merging adds a note quoting the source, with its attachments, to the target",
        arguments: TestDatabase.available)
    func mergeNoteOnTarget(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let agent = try await desk.makeAgent(departments: [support])
            let requester = try await desk.makeContact()
            let target = try await desk.openTicket(requester: requester, department: support)
            let source = try await desk.openTicket(
                "Impressora parada de novo", body: "Segue a foto do erro.", requester: requester, department: support
            ) { command in
                command.attachments = [
                    AttachmentUpload(filename: "erro.png", contentType: "image/png", data: Data("png bytes".utf8))
                ]
            }
            let sourceFiles = try await desk.tickets.messages(of: source.id).flatMap(\.attachments)
            desk.clock.advance(by: 600)

            let merged = try await desk.ticketService.merge(source.id, into: target.id, by: agent)

            let note = try #require(try await desk.tickets.messages(of: target.id).last)
            let mergedFrom = try #require(try await desk.tickets.events(of: target.id).last)
            #expect(merged.id == target.id)
            #expect(merged.status == target.status)
            #expect(try await desk.tickets.ticket(target.id) == merged)
            #expect(note.kind == .note)
            #expect(note.author == .agent(agent.id))
            #expect(note.text == "#\(source.number.value) — Impressora parada de novo\n\nSegue a foto do erro.")
            #expect(note.attachments.map(\.filename) == ["erro.png"])
            #expect(note.attachments.map(\.contentType) == ["image/png"])
            #expect(note.attachments.map(\.size) == sourceFiles.map(\.size))
            #expect(note.attachments.map(\.sha256) == sourceFiles.map(\.sha256))
            #expect(Set(note.attachments.map(\.id)).isDisjoint(with: sourceFiles.map(\.id)))
            let copy = try #require(note.attachments.first)
            #expect(try await desk.tickets.attachment(copy.id)?.ticket == target.id)
            #expect(try await desk.blobs.get(copy.sha256) == Data("png bytes".utf8))
            #expect(mergedFrom.field == .mergedFrom)
            #expect(mergedFrom.newValue == source.number.description)
            #expect(mergedFrom.actor == .agent(agent.id))
        }
    }

    @Test("Merging closes the source with a system message and the merge events", arguments: TestDatabase.available)
    func mergeClosesSource(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let support = try await desk.makeDepartment("Suporte", by: admin)
            let agent = try await desk.makeAgent(departments: [support])
            let requester = try await desk.makeContact()
            let target = try await desk.openTicket(requester: requester, department: support)
            let source = try await desk.openTicket(
                "Impressora parada de novo", requester: requester, department: support)

            _ = try await desk.ticketService.merge(source.id, into: target.id, by: agent)

            let closed = try #require(try await desk.tickets.ticket(source.id))
            let system = try #require(try await desk.tickets.messages(of: source.id).last)
            let events = try await desk.tickets.events(of: source.id)
            #expect(closed.status == .closed)
            #expect(closed.solvedAt != nil && closed.closedAt != nil)
            #expect(system.kind == .system)
            #expect(system.author == .agent(agent.id))
            #expect(system.text == "Merged into #\(target.number.value)")
            #expect(events.first { $0.field == .mergedInto }?.newValue == target.number.description)
            #expect(events.suffix(3).map(\.field) == [.mergedInto, .status, .status])
            #expect(events.suffix(2).map(\.newValue) == ["solved", "closed"])
            #expect(events.suffix(3).allSatisfy { $0.actor == .agent(agent.id) })
        }
    }

    @Test("An already solved source is closed without being solved again", arguments: TestDatabase.available)
    func mergeSolvedSource(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let requester = try await desk.makeContact()
            let target = try await desk.openTicket(requester: requester)
            let source = try await desk.openTicket("Impressora parada de novo", requester: requester)
            try await Self.setStatus(.solved, of: source, in: desk, by: admin)

            _ = try await desk.ticketService.merge(source.id, into: target.id, by: admin)

            let statusChanges = try await desk.tickets.events(of: source.id).filter { $0.field == .status }
            #expect(statusChanges.map(\.newValue) == ["solved", "closed"])
            #expect(try await desk.tickets.ticket(source.id)?.status == .closed)
        }
    }

    @Test("A ticket cannot be merged into itself, nor from or into a closed ticket", arguments: TestDatabase.available)
    func mergeRefusals(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let requester = try await desk.makeContact()
            let open = try await desk.openTicket(requester: requester)
            let closed = try await desk.openTicket("Impressora parada de novo", requester: requester)
            try await Self.setStatus(.solved, of: closed, in: desk, by: admin)
            try await Self.setStatus(.closed, of: closed, in: desk, by: admin)

            await #expect(throws: ValidationError(field: "target", "a ticket cannot be merged into itself")) {
                try await desk.ticketService.merge(open.id, into: open.id, by: admin)
            }
            await #expect(throws: TicketError.closed(closed.number)) {
                try await desk.ticketService.merge(closed.id, into: open.id, by: admin)
            }
            await #expect(throws: TicketError.closed(closed.number)) {
                try await desk.ticketService.merge(open.id, into: closed.id, by: admin)
            }

            #expect(try await desk.tickets.ticket(open.id) == open)
            #expect(try await desk.tickets.messages(of: open.id).count == 1)
            #expect(try await desk.tickets.messages(of: closed.id).count == 1)
        }
    }

    @Test("Repeating a merge whose second save failed closes the source without a second note",
        arguments: TestDatabase.available)
    func mergeRetryAfterPartialFailure(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let requester = try await desk.makeContact()
            let target = try await desk.openTicket(requester: requester)
            let source = try await desk.openTicket("Impressora parada de novo", requester: requester)
            let flaky = TicketService(
                tickets: FailingSaves(base: desk.tickets, failing: source.id), directory: desk.directory,
                blobs: desk.blobs, clock: desk.clock)
            await #expect(throws: FailingSaves.Dropped.self) {
                try await flaky.merge(source.id, into: target.id, by: admin)
            }
            let targetAfterFailure = try #require(try await desk.tickets.ticket(target.id))
            let sourceAfterFailure = try #require(try await desk.tickets.ticket(source.id))

            let merged = try await desk.ticketService.merge(source.id, into: target.id, by: admin)

            #expect(sourceAfterFailure == source)
            #expect(try await desk.tickets.messages(of: target.id).filter { $0.kind == .note }.count == 1)
            #expect(try await desk.tickets.events(of: target.id).filter { $0.field == .mergedFrom }.count == 1)
            #expect(merged == targetAfterFailure)
            #expect(try await desk.tickets.ticket(source.id)?.status == .closed)
            #expect(try await desk.tickets.messages(of: source.id).last?.kind == .system)
        }
    }
}

/// A ticket store that refuses every save of one ticket, as if the connection dropped between a merge's two saves.
struct FailingSaves: TicketStore {
    struct Dropped: Error {}

    let base: any TicketStore
    let failing: Ticket.ID

    func update(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws -> Bool {
        if ticket.id == failing { throw Dropped() }
        return try await base.update(ticket, messages: messages, events: events)
    }

    func nextTicketNumber() async throws -> TicketNumber { try await base.nextTicketNumber() }
    func ticket(_ id: Ticket.ID) async throws -> Ticket? { try await base.ticket(id) }
    func ticket(number: TicketNumber) async throws -> Ticket? { try await base.ticket(number: number) }
    func insert(_ ticket: Ticket, messages: [Message], events: [TicketEvent]) async throws {
        try await base.insert(ticket, messages: messages, events: events)
    }
    func tickets(_ query: TicketQuery) async throws -> TicketPage { try await base.tickets(query) }
    func messages(of ticketID: Ticket.ID) async throws -> [Message] { try await base.messages(of: ticketID) }
    func events(of ticketID: Ticket.ID) async throws -> [TicketEvent] { try await base.events(of: ticketID) }
    // Qualified: Swift Testing has an `Attachment` type too.
    func attachment(_ id: BalcaoCore.Attachment.ID) async throws -> (
        attachment: BalcaoCore.Attachment, message: Message.ID, ticket: Ticket.ID
    )? {
        try await base.attachment(id)
    }
    func queueCounts() async throws -> QueueCounts { try await base.queueCounts() }
    func ticketCount(referencing reference: TicketReference) async throws -> Int {
        try await base.ticketCount(referencing: reference)
    }
}
