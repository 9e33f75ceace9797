import BalcaoCore
import BalcaoStore
import Vapor

/// `/api/v1/agents`. `DELETE` deactivates: an agent's replies and history keep their author.
struct AgentsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let agents = routes.grouped("agents")
        agents.get(use: list)
        agents.post(use: create)
        agents.get("me", use: me)
        agents.get(":agentID", use: show)
        agents.patch(":agentID", use: update)
        agents.delete(":agentID", use: deactivate)
    }

    @Sendable func list(req: Request) async throws -> DirectoryPageDTO<AgentDTO> {
        let query = try DirectoryListParameters.query(from: req.query)
        let agents = try await services.directory.agents(query)
        return DirectoryPageDTO(data: agents.map(AgentDTO.init), offset: query.offset, limit: query.limit)
    }

    @Sendable func me(req: Request) async throws -> AgentDTO {
        AgentDTO(try req.agent)
    }

    @Sendable func show(req: Request) async throws -> AgentDTO {
        let id = try req.id("agentID", as: Agent.ID.self)
        guard let agent = try await services.directory.agent(id) else { throw DirectoryError.agentNotFound(id) }
        return AgentDTO(agent)
    }

    @Sendable func create(req: Request) async throws -> Response {
        let request = try req.content.decode(AgentRequest.self)
        if let password = request.password { try PasswordPolicy.check(password) }
        // The admin check runs inside createAgent, before any bcrypt work is spent on the request.
        let agent = try await services.people.createAgent(request.fields, by: try req.agent)
        if let hash = try await PasswordPolicy.hash(request.password, on: req) {
            try await services.credentials.setPasswordHash(hash, for: agent.id)
        }
        return try await created(AgentDTO(agent), at: "agents/\(agent.id)", for: req)
    }

    @Sendable func update(req: Request) async throws -> AgentDTO {
        let request = try req.content.decode(AgentRequest.self)
        let id = try req.id("agentID", as: Agent.ID.self)
        let actor = try req.agent
        if request.password != nil && actor.id != id && actor.role != .admin {
            throw DirectoryError.forbidden("only admins may set another agent's password")
        }
        if let password = request.password { try PasswordPolicy.check(password) }
        let agent = try await services.people.updateAgent(id, request.fields, by: actor)
        if let hash = try await PasswordPolicy.hash(request.password, on: req) {
            try await services.credentials.setPasswordHash(hash, for: id)
        }
        if !agent.isActive { try await services.credentials.revokeTokens(of: id, at: services.clock.now) }
        return AgentDTO(agent)
    }

    @Sendable func deactivate(req: Request) async throws -> AgentDTO {
        let id = try req.id("agentID", as: Agent.ID.self)
        let agent = try await services.people.deactivateAgent(id, by: try req.agent)
        try await services.credentials.revokeTokens(of: id, at: services.clock.now)
        return AgentDTO(agent)
    }
}

/// Passwords: at least 10 characters (NIST 800-63B favours length over composition rules), at most 72 bytes
/// (bcrypt ignores the rest), hashed with bcrypt off the event loop.
enum PasswordPolicy {
    static let minimumLength = 10

    static func hash(_ password: String?, on req: Request) async throws -> String? {
        guard let password else { return nil }
        try check(password)
        return try await req.password.async.hash(password)
    }

    static func check(_ password: String) throws(ValidationError) {
        if password.count < minimumLength {
            throw ValidationError(field: "password", "must be at least \(minimumLength) characters")
        }
        if password.utf8.count > 72 { throw ValidationError(field: "password", "must be at most 72 bytes") }
    }
}
