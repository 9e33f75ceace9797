import Foundation

@testable import BalcaoCore

/// Fixed ids and instants shared by the tests, so nothing depends on the wall clock or on random UUIDs.
enum Samples {
    /// 2026-11-25 09:00:00 UTC: when the sample ticket was opened.
    static let opened = Date(timeIntervalSince1970: 1_795_597_200)
    /// One hour later: when a test changes the ticket.
    static let now = opened.addingTimeInterval(3_600)
    /// Two hours later: a second, later change.
    static let later = opened.addingTimeInterval(7_200)
    /// When a solved or closed sample ticket was solved.
    static let solvedAt = opened.addingTimeInterval(1_800)
    /// When a closed sample ticket was closed.
    static let closedAt = opened.addingTimeInterval(2_700)

    static let ticketID = Ticket.ID("7B1C0E52-0000-4000-8000-000000000001")!
    static let requesterID = Contact.ID("C0000000-0000-4000-8000-000000000001")!
    static let otherContactID = Contact.ID("C0000000-0000-4000-8000-000000000002")!
    static let agentID = Agent.ID("A0000000-0000-4000-8000-000000000001")!
    static let otherAgentID = Agent.ID("A0000000-0000-4000-8000-000000000002")!
    static let organizationID = Organization.ID("0A000000-0000-4000-8000-000000000001")!
    static let itDepartmentID = Department.ID("D0000000-0000-4000-8000-000000000001")!
    static let hrDepartmentID = Department.ID("D0000000-0000-4000-8000-000000000002")!

    static let agent = Actor.agent(agentID)
    static let requester = Actor.contact(requesterID)

    static let number = TicketNumber(1042)
}

extension Ticket {
    /// Ticket #1042, opened by email at `Samples.opened`, with solved/closed timestamps consistent with `status`.
    static func sample(
        status: TicketStatus = .new, subject: String = "Impressora do 3º andar não imprime", category: String? = nil,
        assigneeID: Agent.ID? = nil, tags: [String] = ["impressora"], customFields: [String: CustomFieldValue] = [:],
        firstResponseAt: Date? = nil
    ) -> Ticket {
        Ticket(
            id: Samples.ticketID, number: Samples.number, subject: subject, status: status, priority: .normal,
            type: .question, category: category, channel: .email, requesterID: Samples.requesterID,
            assigneeID: assigneeID, tags: tags, customFields: customFields, createdAt: Samples.opened,
            firstResponseAt: firstResponseAt,
            solvedAt: status == .solved || status == .closed ? Samples.solvedAt : nil,
            closedAt: status == .closed ? Samples.closedAt : nil)
    }
}

extension Message {
    /// A message on the sample ticket.
    static func sample(_ kind: Kind = .reply, by author: Actor, at createdAt: Date = Samples.now) -> Message {
        Message(
            ticketID: Samples.ticketID, kind: kind, author: author, channel: .email, text: "Obrigado pelo retorno.",
            html: "<p>Obrigado pelo retorno.</p>", createdAt: createdAt)
    }
}

/// What an event records, without its random id: compared exactly in the lifecycle tests.
struct Change: Equatable, CustomStringConvertible {
    let field: TicketEvent.Field
    let old: String?
    let new: String?

    init(_ field: TicketEvent.Field, _ old: String?, _ new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }

    var description: String { "\(field): \(old ?? "nil") → \(new ?? "nil")" }
}

extension TicketEvent {
    var change: Change { Change(field, oldValue, newValue) }
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
