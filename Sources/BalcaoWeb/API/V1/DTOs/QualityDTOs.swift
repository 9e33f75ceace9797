import BalcaoCore
import Foundation
import Vapor

/// The taxonomy as the API shows and takes it.
struct ComplaintTaxonomyDTO: Content {
    struct Node: Content {
        var key: String
        var label: String
        var parentKey: String?
        var keywords: [String]?
    }

    var nodes: [Node]
    var recurrenceWindows: [Int]?
    /// Who gets the weekly digest.
    var digestRecipients: [String]?

    init(_ taxonomy: ComplaintTaxonomy) {
        nodes = taxonomy.outline.map { Node(key: $0.node.key, label: $0.node.label, parentKey: $0.node.parentKey, keywords: $0.node.keywords) }
        recurrenceWindows = taxonomy.recurrenceWindows
        digestRecipients = taxonomy.digestRecipients
    }

    var taxonomy: ComplaintTaxonomy {
        ComplaintTaxonomy(
            nodes: nodes.map { .init(key: $0.key, label: $0.label, parentKey: $0.parentKey, keywords: $0.keywords ?? []) },
            recurrenceWindows: recurrenceWindows ?? ComplaintTaxonomy.defaultWindows,
            digestRecipients: digestRecipients ?? [])
    }
}

struct RecurrenceDTO: Content {
    let category: String?
    let label: String?
    let windows: [RecurrenceCount]
}

struct IncidentHistoryDTO: Content {
    struct TypeSummary: Content {
        let key: String
        let label: String
        let count: Int
        let first: Date
        let last: Date
    }

    struct Entry: Content {
        let ticketId: UUID
        let number: Int
        let subject: String
        let status: TicketStatus
        let channel: TicketChannel
        let category: String?
        let categoryLabel: String?
        /// Its place among the history's tickets of the same type (1 for the first report).
        let occurrence: Int?
        let createdAt: Date
    }

    let types: [TypeSummary]
    let tickets: [Entry]
    let isTruncated: Bool

    init(_ history: IncidentHistory) {
        types = history.types.map { .init(key: $0.key, label: $0.label, count: $0.count, first: $0.first, last: $0.last) }
        tickets = history.entries.map {
            .init(
                ticketId: $0.ticket.id.rawValue, number: $0.ticket.number.value, subject: $0.ticket.subject,
                status: $0.ticket.status, channel: $0.ticket.channel, category: $0.ticket.category,
                categoryLabel: $0.categoryLabel, occurrence: $0.occurrence, createdAt: $0.ticket.createdAt)
        }
        isTruncated = history.isTruncated
    }
}

struct ProblemDTO: Content {
    let id: UUID
    let title: String
    let category: String?
    let rootCause: String
    let workaround: String
    let status: ProblemRecord.Status
    let resolution: String?
    let createdBy: UUID
    let createdAt: Date
    let updatedAt: Date
    let solvedAt: Date?
    let linkedTickets: Int
    /// On a single problem: the linked tickets' numbers.
    let ticketNumbers: [Int]?

    init(_ problem: ProblemRecord, linkedTickets: Int, ticketNumbers: [Int]? = nil) {
        id = problem.id.rawValue
        title = problem.title
        category = problem.category
        rootCause = problem.rootCause
        workaround = problem.workaround
        status = problem.status
        resolution = problem.resolution
        createdBy = problem.createdBy.rawValue
        createdAt = problem.createdAt
        updatedAt = problem.updatedAt
        solvedAt = problem.solvedAt
        self.linkedTickets = linkedTickets
        self.ticketNumbers = ticketNumbers
    }

    init(_ problem: ProblemRecord, tickets: [Ticket]) {
        self.init(problem, linkedTickets: tickets.count, ticketNumbers: tickets.map(\.number.value))
    }
}

/// Creating or changing a problem; absent fields keep their value (or a new problem's default).
struct ProblemRequest: Content {
    var title: String?
    var category: String?
    var rootCause: String?
    var workaround: String?
    var status: ProblemRecord.Status?

    func draft(by agent: Agent.ID, at date: Date) -> ProblemRecord {
        ProblemRecord(
            title: title ?? "", category: category, rootCause: rootCause ?? "", workaround: workaround ?? "",
            status: status ?? .investigating, createdBy: agent, createdAt: date)
    }

    func draft(over current: ProblemRecord) -> ProblemRecord {
        ProblemRecord(
            id: current.id, title: title ?? current.title, category: category ?? current.category,
            rootCause: rootCause ?? current.rootCause, workaround: workaround ?? current.workaround,
            status: status ?? current.status, createdBy: current.createdBy, createdAt: current.createdAt)
    }
}

struct ProblemSolveRequest: Content {
    var message: String
}

struct ProblemLinkRequest: Content {
    var problemId: UUID
}
