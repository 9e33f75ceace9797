import BalcaoCore
import FluentKit
import Foundation

/// Every agent and department, read together and kept for a moment (`StoreContext.staff`): each request looks up
/// its agent, and most pages name departments and agents, while a desk has a few hundred of them at most and
/// they change rarely. Lookups that miss read the database (something created a moment ago elsewhere); searches
/// always do.
struct StaffSnapshot: Sendable {
    /// In list order: search key, then id.
    let agents: [Agent]
    let departments: [Department]
    let agentsByID: [Agent.ID: Agent]
    let departmentsByID: [Department.ID: Department]

    init(agents: [Agent], departments: [Department]) {
        self.agents = agents
        self.departments = departments
        agentsByID = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        departmentsByID = Dictionary(departments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension FluentDirectoryStore {
    func staff() async throws -> StaffSnapshot {
        try await context.staff.value { [self] in
            let agentRecords = try await AgentRecord.query(on: database).sort(\.$searchKey).sort(\.$id).all()
            let departmentRecords = try await DepartmentRecord.query(on: database).sort(\.$searchKey).sort(\.$id).all()
            return StaffSnapshot(
                agents: try await withDepartments(agentRecords), departments: try departmentRecords.map { try $0.toDomain() })
        }
    }

    /// A page of `all` as `query` asks (no search term: those go to the database).
    static func page<T>(_ all: [T], _ query: DirectoryQuery) -> [T] {
        let range = range(query)
        guard range.lowerBound < all.count else { return [] }
        return Array(all[range.lowerBound..<min(range.upperBound, all.count)])
    }
}
