import BalcaoCore
import Foundation

/// One line of a ticket list, ready to print.
struct TicketRow: Encodable {
    let id: String
    let number: Int
    let subject: String
    let url: String
    let requester: String
    let department: String
    let priority: String
    let priorityLabel: String
    let priorityRank: Int
    let status: String
    let statusLabel: String
    let assignee: String
    let updated: String
    let updatedISO: String
    let channel: String
}

/// Turns tickets into rows: one query for the requesters' names whatever the page size; departments and agents come
/// from the request's snapshot.
struct TicketRowBuilder {
    let services: BalcaoServices

    func rows(_ tickets: [Ticket], _ l: Localizer, directory: DirectorySnapshot) async throws -> [TicketRow] {
        let contacts = try await services.directory.contacts(ids: Array(Set(tickets.map(\.requesterID))))
        let names = Dictionary(contacts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let departments = directory.departmentNames
        let agents = directory.agentNames
        return tickets.map { ticket in
            TicketRow(
                id: ticket.id.description, number: ticket.number.value, subject: ticket.subject,
                url: "/agent/tickets/\(ticket.number.value)", requester: names[ticket.requesterID] ?? "—",
                department: ticket.departmentID.flatMap { departments[$0] } ?? "—",
                priority: ticket.priority.rawValue, priorityLabel: l[ticket.priority.rawValue],
                priorityRank: ticket.priority.rank, status: ticket.status.rawValue,
                statusLabel: l[ticket.status.rawValue],
                assignee: ticket.assigneeID.flatMap { agents[$0] } ?? l["unassigned"], updated: l.dateTime(ticket.updatedAt),
                updatedISO: l.iso(ticket.updatedAt), channel: l.channel(ticket.channel))
        }
    }
}
