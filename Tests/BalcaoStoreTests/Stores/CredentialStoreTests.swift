import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Credentials")
struct CredentialStoreTests {
    @Test("A token works until it is revoked, and only its hash is stored", arguments: TestDatabase.available)
    func tokenLifecycle(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let agent = try await desk.makeAdmin()

            let token = try await desk.credentials.createToken(for: agent.id, name: "loja", at: desk.clock.now)
            let resolved = try await desk.credentials.agentID(forToken: token)
            let wrong = try await desk.credentials.agentID(forToken: String(token.dropLast()) + "0")
            let stored = try await desk.context.sql.raw("SELECT token_hash FROM api_tokens").all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            try await desk.credentials.revokeTokens(of: agent.id, at: desk.clock.now)

            #expect(token.hasPrefix("blc_") && token.count == 68)
            #expect(resolved == agent.id)
            #expect(wrong == nil || token.hasSuffix("0"))
            #expect(!stored.contains(token) && stored.count == 1)
            #expect(try await desk.credentials.agentID(forToken: token) == nil)
            #expect(try await desk.credentials.tokens(of: agent.id).isEmpty)
        }
    }
}
