import BalcaoCore
import BalcaoStore
import Vapor

/// The agent behind the request's API token.
struct AuthenticatedAgent: Authenticatable {
    let agent: Agent
}

/// Accepts `Authorization: Bearer blc_…` from an active agent.
/// Future-based (see `Request.task`): the rest of the chain continues from the lookup's future.
struct APITokenAuthenticator: Middleware {
    let services: BalcaoServices

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard let bearer = request.headers.bearerAuthorization else { return next.respond(to: request) }
        return request.task { try await agent(for: bearer.token) }.flatMap { agent in
            if let agent { request.auth.login(AuthenticatedAgent(agent: agent)) }
            return next.respond(to: request)
        }
    }

    private func agent(for token: String) async throws -> Agent? {
        guard let agentID = try await services.credentials.agentID(forToken: token),
            let agent = try await services.directory.agent(agentID), agent.isActive
        else { return nil }
        return agent
    }
}

/// Refuses requests without a valid token with a 401 problem and a `WWW-Authenticate` challenge.
struct RequireAgentMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard request.auth.has(AuthenticatedAgent.self) else {
            let problem = Problem(
                status: .unauthorized, type: "unauthorized", title: "Authentication required",
                detail: "Send an API token as Authorization: Bearer <token>. Tokens are created with `balcao create-token`.")
            var withInstance = problem
            withInstance.instance = request.url.path
            let response = ProblemMiddleware.response(for: withInstance)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"balcao\"")
            return request.eventLoop.makeSucceededFuture(response)
        }
        return next.respond(to: request)
    }
}

extension Request {
    /// The signed-in agent; routes behind `RequireAgentMiddleware` always have one.
    var agent: Agent {
        get throws {
            guard let authenticated = auth.get(AuthenticatedAgent.self) else { throw Abort(.unauthorized) }
            return authenticated.agent
        }
    }
}
