/// The queues an agent works from, as in the sidebar: their own open tickets, the unassigned ones, each
/// department's queue, and everything. All show unsolved tickets by the priority ruler.
public enum QueueView: Sendable, Hashable {
    case mine
    case unassigned
    case department(Department.ID)
    case all

    /// Statuses that still need work and so appear in queues.
    public static let unsolved: [TicketStatus] = TicketStatus.allCases.filter(\.isUnsolved)

    /// The list query behind this view for `agent`.
    public func query(for agent: Agent) -> TicketQuery {
        var query = TicketQuery()
        query.statuses = Self.unsolved
        query.sort = .ruler
        query.descending = false
        switch self {
        case .mine: query.assignee = .agent(agent.id)
        case .unassigned: query.assignee = .unassigned
        case .department(let id): query.departmentID = id
        case .all: break
        }
        return query
    }

    /// A stable name for URLs and WebSocket messages: `mine`, `unassigned`, `all`, or the department id.
    public var slug: String {
        switch self {
        case .mine: "mine"
        case .unassigned: "unassigned"
        case .all: "all"
        case .department(let id): id.description
        }
    }

    public init?(slug: String) {
        switch slug {
        case "mine": self = .mine
        case "unassigned": self = .unassigned
        case "all": self = .all
        default:
            guard let id = Department.ID(slug) else { return nil }
            self = .department(id)
        }
    }

    /// Whether `ticket` belongs in this view for `agent` (live updates decide with this whether to show a row).
    public func contains(_ ticket: Ticket, for agent: Agent) -> Bool {
        guard ticket.status.isUnsolved else { return false }
        switch self {
        case .mine: return ticket.assigneeID == agent.id
        case .unassigned: return ticket.assigneeID == nil
        case .department(let id): return ticket.departmentID == id
        case .all: return true
        }
    }
}

/// How many tickets sit in each (department, assignee, status) cell; the store keeps these up to date in the same
/// transaction as every change, so sidebar counts never scan the tickets table.
public struct QueueCounts: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        public let departmentID: Department.ID?
        public let assigneeID: Agent.ID?
        public let status: TicketStatus
        public let count: Int

        public init(departmentID: Department.ID?, assigneeID: Agent.ID?, status: TicketStatus, count: Int) {
            self.departmentID = departmentID
            self.assigneeID = assigneeID
            self.status = status
            self.count = count
        }
    }

    public let cells: [Cell]

    public init(cells: [Cell]) { self.cells = cells }

    /// The number of tickets `view` shows to `agent`.
    public func count(of view: QueueView, for agent: Agent) -> Int {
        cells.lazy.filter { $0.status.isUnsolved }.filter { cell in
            switch view {
            case .mine: cell.assigneeID == agent.id
            case .unassigned: cell.assigneeID == nil
            case .department(let id): cell.departmentID == id
            case .all: true
            }
        }.reduce(0) { $0 + $1.count }
    }
}
