import BalcaoCore
import Vapor

/// The departments and agents a page takes names and options from, loaded once per request: the sidebar, the
/// rows and the side panel all need them, and loading them for each was three queries of the same lists.
struct DirectorySnapshot: Sendable {
    let departments: [Department]
    let agents: [Agent]
    let departmentNames: [Department.ID: String]
    let agentNames: [Agent.ID: String]

    init(departments: [Department], agents: [Agent]) {
        self.departments = departments
        self.agents = agents
        departmentNames = Dictionary(departments.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        agentNames = Dictionary(agents.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Admins and supervisors see every department; agents see their own.
    func visibleDepartments(for agent: Agent) -> [Department] {
        agent.role == .agent ? departments.filter { agent.departmentIDs.contains($0.id) } : departments
    }

    static func load(_ services: BalcaoServices) async throws -> DirectorySnapshot {
        DirectorySnapshot(
            departments: try await services.directory.departments(.everything),
            agents: try await services.directory.agents(.everything))
    }
}

extension Request {
    private struct DirectorySnapshotKey: StorageKey { typealias Value = DirectorySnapshot }

    /// This request's snapshot, loaded on first use.
    func directorySnapshot(_ services: BalcaoServices) async throws -> DirectorySnapshot {
        if let snapshot = storage[DirectorySnapshotKey.self] { return snapshot }
        let snapshot = try await DirectorySnapshot.load(services)
        storage[DirectorySnapshotKey.self] = snapshot
        return snapshot
    }
}
