import Foundation
import Testing

@testable import BalcaoCore

@Suite("Ticket.apply(_:customFields:by:at:)")
struct TicketLifecycleTests {
    struct FieldChange: Sendable, CustomTestStringConvertible {
        let name: String
        let changes: TicketChanges
        let expected: Change

        init(_ name: String, _ expected: Change, _ edit: (inout TicketChanges) -> Void) {
            var changes = TicketChanges()
            edit(&changes)
            self.name = name
            self.changes = changes
            self.expected = expected
        }

        var testDescription: String { name }
    }

    /// One change per field of `Ticket.sample()`, with the event it must produce.
    static let fieldChanges: [FieldChange] = [
        FieldChange("subject", Change(.subject, "Impressora do 3º andar não imprime", "Impressora offline")) {
            $0.subject = "Impressora offline"
        },
        FieldChange("priority", Change(.priority, "normal", "urgent")) { $0.priority = .urgent },
        FieldChange("type", Change(.type, "question", "incident")) { $0.type = .incident },
        FieldChange("category", Change(.category, nil, "hardware")) { $0.category = .set("hardware") },
        FieldChange("requester", Change(.requester, Samples.requesterID.description, Samples.otherContactID.description)) {
            $0.requesterID = Samples.otherContactID
        },
        FieldChange("organization", Change(.organization, nil, Samples.organizationID.description)) {
            $0.organizationID = .set(Samples.organizationID)
        },
        FieldChange("department", Change(.department, nil, Samples.itDepartmentID.description)) {
            $0.departmentID = .set(Samples.itDepartmentID)
        },
        FieldChange("assignee", Change(.assignee, nil, Samples.agentID.description)) {
            $0.assigneeID = .set(Samples.agentID)
        },
        FieldChange("tags", Change(.tags, "impressora", "impressora printer_jam vip")) {
            $0.tags = ["VIP", "Printer  Jam", "impressora"]
        },
        FieldChange("status", Change(.status, "new", "open")) { $0.status = .open },
    ]

    @Test("Changing one field records exactly one event with the old and new value", arguments: fieldChanges)
    func oneEventPerChangedField(_ fieldChange: FieldChange) throws {
        // An open ticket, except for the status row: assigning a *new* ticket also opens it (tested below).
        var ticket = Ticket.sample(status: fieldChange.name == "status" ? .new : .open)

        let events = try ticket.apply(fieldChange.changes, by: Samples.agent, at: Samples.now)

        let event = try #require(events.only)
        #expect(event.change == fieldChange.expected)
        #expect(event.actor == Samples.agent)
        #expect(event.at == Samples.now)
        #expect(event.ticketID == Samples.ticketID)
        #expect(ticket.updatedAt == Samples.now)
    }

    @Test("Assigning a new ticket opens it; an explicit status wins")
    func assigningOpensANewTicket() throws {
        var ticket = Ticket.sample()
        var assign = TicketChanges()
        assign.assigneeID = .set(Samples.agentID)
        var assignPending = assign
        assignPending.status = .pending
        var other = Ticket.sample()

        let events = try ticket.apply(assign, by: Samples.agent, at: Samples.now)
        _ = try other.apply(assignPending, by: Samples.agent, at: Samples.now)

        #expect(events.map(\.field) == [.assignee, .status])
        #expect(ticket.status == .open)
        #expect(other.status == .pending)
    }

    @Test("The changed values are stored on the ticket")
    func storesNewValues() throws {
        var ticket = Ticket.sample()
        var changes = TicketChanges()
        changes.subject = "Impressora offline"
        changes.priority = .high
        changes.type = .incident
        changes.category = .set("hardware")
        changes.requesterID = Samples.otherContactID
        changes.organizationID = .set(Samples.organizationID)
        changes.departmentID = .set(Samples.itDepartmentID)
        changes.assigneeID = .set(Samples.agentID)
        changes.tags = ["Rede"]
        changes.status = .pending

        _ = try ticket.apply(changes, by: Samples.agent, at: Samples.now)

        #expect(ticket.subject == "Impressora offline")
        #expect(ticket.priority == .high)
        #expect(ticket.type == .incident)
        #expect(ticket.category == "hardware")
        #expect(ticket.requesterID == Samples.otherContactID)
        #expect(ticket.organizationID == Samples.organizationID)
        #expect(ticket.departmentID == Samples.itDepartmentID)
        #expect(ticket.assigneeID == Samples.agentID)
        #expect(ticket.tags == ["rede"])
        #expect(ticket.status == .pending)
    }

    @Test("Several changes give one event each, in field order, with the status last")
    func eventsInFieldOrder() throws {
        var ticket = Ticket.sample(customFields: ["asset_tag": .text("NB-0001")])
        var changes = TicketChanges()
        changes.status = .solved
        changes.tags = ["impressora", "toner"]
        changes.priority = .low
        changes.subject = "Toner acabou"

        let events = try ticket.apply(
            changes, customFields: ["asset_tag": .text("NB-0042")], by: Samples.agent, at: Samples.now)

        #expect(
            events.map(\.change) == [
                Change(.subject, "Impressora do 3º andar não imprime", "Toner acabou"),
                Change(.priority, "normal", "low"),
                Change(.tags, "impressora", "impressora toner"),
                Change(.customField("asset_tag"), "NB-0001", "NB-0042"),
                Change(.status, "new", "solved"),
            ])
        #expect(ticket.solvedAt == Samples.now)
    }

    @Test("Clearing a field records the old value and nil")
    func clearingFields() throws {
        var ticket = Ticket.sample(category: "hardware", assigneeID: Samples.agentID)
        var changes = TicketChanges()
        changes.category = .clear
        changes.assigneeID = .clear

        let events = try ticket.apply(changes, by: Samples.agent, at: Samples.now)

        #expect(
            events.map(\.change) == [
                Change(.category, "hardware", nil),
                Change(.assignee, Samples.agentID.description, nil),
            ])
        #expect(ticket.category == nil)
        #expect(ticket.assigneeID == nil)
    }

    @Test("No changes record nothing and leave updatedAt alone")
    func emptyChanges() throws {
        var ticket = Ticket.sample()
        let before = ticket

        let events = try ticket.apply(TicketChanges(), by: Samples.agent, at: Samples.now)

        #expect(events.isEmpty)
        #expect(ticket == before)
    }

    @Test("Setting every field to the value it already has records nothing")
    func noOpChanges() throws {
        var ticket = Ticket.sample(
            status: .open, category: "hardware", assigneeID: Samples.agentID, tags: ["impressora", "vip"],
            customFields: ["asset_tag": .text("NB-0001")])
        let before = ticket
        var changes = TicketChanges()
        changes.subject = before.subject
        changes.status = .open
        changes.priority = .normal
        changes.type = .question
        changes.category = .set("hardware")
        changes.requesterID = Samples.requesterID
        changes.assigneeID = .set(Samples.agentID)
        changes.tags = ["VIP", " impressora ", "vip"]

        let events = try ticket.apply(
            changes, customFields: ["asset_tag": .text("NB-0001")], by: Samples.agent, at: Samples.now)

        #expect(events.isEmpty)
        #expect(ticket.updatedAt == Samples.opened)
        #expect(ticket == before)
    }

    @Test("Custom fields record custom_fields.<key> events, sorted by key")
    func customFieldEvents() throws {
        var ticket = Ticket.sample(customFields: ["asset_tag": .text("NB-0001"), "cost_centre": .number(4100)])
        let checked: [String: CustomFieldValue?] = [
            "due_date": .date("2026-12-01"),
            "asset_tag": .text("NB-0042"),
            "cost_centre": .number(4100),
        ]

        let events = try ticket.apply(TicketChanges(), customFields: checked, by: Samples.requester, at: Samples.now)

        #expect(
            events.map(\.change) == [
                Change(.customField("asset_tag"), "NB-0001", "NB-0042"),
                Change(.customField("due_date"), nil, "2026-12-01"),
            ])
        #expect(events.allSatisfy { $0.actor == Samples.requester })
        #expect(
            ticket.customFields == [
                "asset_tag": .text("NB-0042"), "cost_centre": .number(4100), "due_date": .date("2026-12-01"),
            ])
        #expect(ticket.updatedAt == Samples.now)
    }

    @Test("A nil custom field value clears the field and records its old display text")
    func clearingCustomField() throws {
        var ticket = Ticket.sample(customFields: ["hours": .number(2.5), "urgent_fix": .checkbox(true)])
        let checked: [String: CustomFieldValue?] = ["hours": nil, "urgent_fix": nil]

        let events = try ticket.apply(TicketChanges(), customFields: checked, by: Samples.agent, at: Samples.now)

        #expect(
            events.map(\.change) == [
                Change(.customField("hours"), "2.5", nil),
                Change(.customField("urgent_fix"), "true", nil),
            ])
        #expect(ticket.customFields.isEmpty)
    }

    @Test("Custom field events show whole numbers without a decimal part")
    func wholeNumberDisplay() throws {
        var ticket = Ticket.sample()

        let events = try ticket.apply(
            TicketChanges(), customFields: ["cost_centre": .number(4100)], by: Samples.agent, at: Samples.now)

        #expect(events.map(\.change) == [Change(.customField("cost_centre"), nil, "4100")])
    }

    @Test("Nothing can be changed on a closed ticket")
    func closedTicketRefusesChanges() {
        var ticket = Ticket.sample(status: .closed)
        let before = ticket
        var changes = TicketChanges()
        changes.subject = "Reabrir"

        #expect(throws: TicketError.closed(Samples.number)) {
            try ticket.apply(changes, by: Samples.agent, at: Samples.now)
        }

        #expect(ticket == before)
    }

    @Test("An empty change on a closed ticket is refused too")
    func closedTicketRefusesEmptyChange() {
        var ticket = Ticket.sample(status: .closed)

        #expect(throws: TicketError.closed(Samples.number)) {
            try ticket.apply(TicketChanges(), by: Samples.agent, at: Samples.now)
        }
    }

    @Test("A status change that breaks the rules throws invalidTransition")
    func invalidStatusChange() {
        var ticket = Ticket.sample(status: .open)
        var changes = TicketChanges()
        changes.status = .closed

        #expect(throws: TicketError.invalidTransition(from: .open, to: .closed)) {
            try ticket.apply(changes, by: Samples.agent, at: Samples.now)
        }
    }

    @Test("TicketChanges is empty only when it changes nothing")
    func changesIsEmpty() {
        var withCategory = TicketChanges()
        withCategory.category = .clear
        var withCustomField = TicketChanges()
        withCustomField.customFields = ["asset_tag": .null]

        #expect(TicketChanges().isEmpty)
        #expect(!withCategory.isEmpty)
        #expect(!withCustomField.isEmpty)
    }

    @Test("A field patch keeps, replaces or clears the current value")
    func fieldPatch() {
        let keep = FieldPatch<String>.unchanged
        let set = FieldPatch<String>.set("software")
        let clear = FieldPatch<String>.clear

        #expect(keep.applied(to: "hardware") == "hardware")
        #expect(keep.applied(to: nil) == nil)
        #expect(set.applied(to: "hardware") == "software")
        #expect(set.applied(to: nil) == "software")
        #expect(clear.applied(to: "hardware") == nil)
    }
}
