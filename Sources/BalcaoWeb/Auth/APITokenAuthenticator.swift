import BalcaoCore
import BalcaoStore
import Vapor

/// The agent behind the request's API token.
struct AuthenticatedAgent: Authenticatable {
    let agent: Agent
}

/// Accepts `Authorization: Bearer blc_…` from an active agent.
struct APITokenAuthenticator: AsyncBearerAuthenticator {
    let services: BalcaoServices

    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        guard let agentID = try await services.credentials.agentID(forToken: bearer.token),
            let agent = try await services.directory.agent(agentID), agent.isActive
        else { return }
        request.auth.login(AuthenticatedAgent(agent: agent))
    }
}

/// Refuses requests without a valid token with a 401 problem and a `WWW-Authenticate` challenge.
struct RequireAgentMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(AuthenticatedAgent.self) else {
            let problem = Problem(
                status: .unauthorized, type: "unauthorized", title: "Authentication required",
                detail: "Send an API token as Authorization: Bearer <token>. Tokens are created with `balcao create-token`.")
            var withInstance = problem
            withInstance.instance = request.url.path
            let response = ProblemMiddleware.response(for: withInstance)
            response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"balcao\"")
            return response
        }
        return try await next.respond(to: request)
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
