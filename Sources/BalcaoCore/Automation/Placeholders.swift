import Foundation

/// The `{{placeholders}}` rules and macros may write: the same names in notes, mails and canned replies.
public enum Placeholders {
    public static let names = [
        "ticket.number", "ticket.subject", "ticket.status", "ticket.priority", "ticket.type", "ticket.url",
        "requester.name", "requester.first_name", "requester.email", "assignee.name", "department.name",
        "agent.name", "desk.name",
    ]

    static func check(_ text: String, field: String, into issues: inout ValidationCollector) {
        for name in TemplateText(text).placeholderNames where !names.contains(name) {
            issues.add(field, "unknown placeholder {{\(name)}}; use one of \(names.map { "{{\($0)}}" }.joined(separator: ", "))")
        }
    }

    /// Fills `text`; unknown names become empty (validation refuses them before they are saved).
    public static func fill(_ text: String, with values: [String: String]) -> String {
        TemplateText(text).filled { values[$0] ?? "" }
    }

    /// The values for one ticket. `agent` is who applies a macro (nil for rules, then it reads as the desk).
    public static func values(
        ticket: Ticket, requester: Contact?, assignee: Agent?, department: Department?, agent: Agent?,
        deskName: String, ticketURL: String
    ) -> [String: String] {
        let requesterName = requester?.name ?? ""
        return [
            "ticket.number": ticket.number.description, "ticket.subject": ticket.subject,
            "ticket.status": ticket.status.rawValue, "ticket.priority": ticket.priority.rawValue,
            "ticket.type": ticket.type.rawValue, "ticket.url": ticketURL,
            "requester.name": requesterName,
            "requester.first_name": requesterName.split(separator: " ").first.map(String.init) ?? "",
            "requester.email": requester?.primaryEmail?.value ?? "", "assignee.name": assignee?.name ?? "",
            "department.name": department?.name ?? deskName, "agent.name": agent?.name ?? deskName,
            "desk.name": deskName,
        ]
    }

    /// The values for one ticket, looking up its requester, assignee and department.
    public static func values(for ticket: Ticket, agent: Agent?, directory: any DirectoryStore, desk: DeskIdentity)
        async throws -> [String: String]
    {
        let requester = try await directory.contact(ticket.requesterID)
        let assignee = try await ticket.assigneeID.asyncFlatMap { try await directory.agent($0) }
        let department = try await ticket.departmentID.asyncFlatMap { try await directory.department($0) }
        return values(
            ticket: ticket, requester: requester, assignee: assignee, department: department, agent: agent,
            deskName: desk.name, ticketURL: desk.ticketURL(ticket.number))
    }
}
