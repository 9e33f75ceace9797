import BalcaoCore
import FluentKit
import Foundation

extension FluentDirectoryStore {
    // MARK: Departments

    public func department(_ id: Department.ID) async throws -> Department? {
        if let department = try await staff().departmentsByID[id] { return department }
        return try await DepartmentRecord.find(id.rawValue, on: database)?.toDomain()
    }

    public func departments(_ query: DirectoryQuery) async throws -> [Department] {
        if Self.term(query.search) == nil { return Self.page(try await staff().departments, query) }
        let builder = DepartmentRecord.query(on: database)
        if let term = Self.term(query.search) { builder.filter(\.$searchKey ~~ term) }
        return try await builder.sort(\.$searchKey).range(Self.range(query)).all().map { try $0.toDomain() }
    }

    public func insert(_ department: Department) async throws {
        try await context.write { db in
            try await Self.checkName(of: department, on: db)
            try await DepartmentRecord(department).create(on: db)
        }
        await context.staff.clear()
    }

    public func update(_ department: Department) async throws {
        try await context.write { db in
            guard let record = try await DepartmentRecord.find(department.id.rawValue, on: db) else {
                throw DirectoryError.departmentNotFound(department.id)
            }
            try await Self.checkName(of: department, on: db)
            record.update(from: department)
            try await record.update(on: db)
        }
        await context.staff.clear()
    }

    public func delete(_ id: Department.ID) async throws {
        try await context.write { db in
            // Checked again in the deleting transaction: the service's check may have read the kept staff list,
            // and another instance may have pointed a department here since.
            let sources = try await DepartmentRecord.query(on: db).filter(\.$escalationTargetID == id.rawValue).count()
            if sources > 0 { throw DirectoryError.inUse(what: "departments escalating to it", count: sources) }
            try await DepartmentRecord.query(on: db).filter(\.$id == id.rawValue).delete()
        }
        await context.staff.clear()
    }

    private static func checkName(of department: Department, on db: any Database) async throws {
        let clash = try await DepartmentRecord.query(on: db)
            .filter(\.$searchKey == searchKey([department.name])).filter(\.$id != department.id.rawValue).first()
        if clash != nil { throw DirectoryError.nameTaken(department.name) }
    }

    // MARK: Agents

    public func agent(_ id: Agent.ID) async throws -> Agent? {
        if let agent = try await staff().agentsByID[id] { return agent }
        guard let record = try await AgentRecord.find(id.rawValue, on: database) else { return nil }
        return try await withDepartments([record]).first
    }

    public func agent(email: EmailAddress) async throws -> Agent? {
        if let agent = try await staff().agents.first(where: { $0.email == email }) { return agent }
        guard let record = try await AgentRecord.query(on: database).filter(\.$email == email.value).first() else {
            return nil
        }
        return try await withDepartments([record]).first
    }

    public func agents(_ query: DirectoryQuery) async throws -> [Agent] {
        if Self.term(query.search) == nil {
            let agents = try await staff().agents
            return Self.page(query.departmentID.map { id in agents.filter { $0.departmentIDs.contains(id) } } ?? agents, query)
        }
        let builder = AgentRecord.query(on: database)
        if let term = Self.term(query.search) { builder.filter(\.$searchKey ~~ term) }
        if let departmentID = query.departmentID {
            builder.join(AgentDepartmentRecord.self, on: \AgentDepartmentRecord.$agent.$id == \AgentRecord.$id)
                .filter(AgentDepartmentRecord.self, \.$department.$id == departmentID.rawValue)
        }
        let records = try await builder.sort(\.$searchKey).sort(\.$id).range(Self.range(query)).all()
        return try await withDepartments(records)
    }

    public func insert(_ agent: Agent) async throws {
        try await context.write { db in
            try await Self.checkEmail(of: agent, on: db)
            try await AgentRecord(agent).create(on: db)
            try await Self.saveDepartments(of: agent, on: db)
        }
        await context.staff.clear()
    }

    public func update(_ agent: Agent) async throws {
        try await context.write { db in
            guard let record = try await AgentRecord.find(agent.id.rawValue, on: db) else {
                throw DirectoryError.agentNotFound(agent.id)
            }
            try await Self.checkEmail(of: agent, on: db)
            record.update(from: agent)
            try await record.update(on: db)
            try await AgentDepartmentRecord.query(on: db).filter(\.$agent.$id == agent.id.rawValue).delete()
            try await Self.saveDepartments(of: agent, on: db)
        }
        await context.staff.clear()
    }

    private static func checkEmail(of agent: Agent, on db: any Database) async throws {
        let clash = try await AgentRecord.query(on: db).filter(\.$email == agent.email.value)
            .filter(\.$id != agent.id.rawValue).first()
        if clash != nil { throw DirectoryError.emailTaken(agent.email) }
    }

    private static func saveDepartments(of agent: Agent, on db: any Database) async throws {
        for (position, departmentID) in agent.departmentIDs.enumerated() {
            try await AgentDepartmentRecord(
                agentID: agent.id.rawValue, departmentID: departmentID.rawValue, position: position
            ).create(on: db)
        }
    }

    func withDepartments(_ records: [AgentRecord]) async throws -> [Agent] {
        let ids = try records.map { try $0.requireID() }
        guard !ids.isEmpty else { return [] }
        let links = try await AgentDepartmentRecord.query(on: database).filter(\.$agent.$id ~~ ids).all()
        let byAgent = Dictionary(grouping: links, by: { $0.$agent.id })
        return try records.map { try $0.toDomain(departments: byAgent[try $0.requireID()] ?? []) }
    }
}
