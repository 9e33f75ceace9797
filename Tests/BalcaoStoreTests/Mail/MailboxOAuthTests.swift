import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Mailbox OAuth 2.0")
struct MailboxOAuthTests {
    /// A token endpoint that records requests and hands out numbered access tokens.
    actor FakeTokenEndpoint: OAuthTokenEndpoint {
        var forms: [[String: String]] = []
        var issued = 0

        func requestTokens(at tokenURL: String, form: [String: String]) async throws -> OAuthTokenResponse {
            forms.append(form)
            issued += 1
            return OAuthTokenResponse(
                accessToken: "access-\(issued)", refreshToken: issued == 1 ? "refresh-1" : nil, expiresIn: 3600)
        }
    }

    @Test("Connect through the authorization-code flow; tokens are sealed, refreshed before expiry, state is checked", arguments: TestDatabase.available)
    func connectAndRefresh(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let endpoint = FakeTokenEndpoint()
            let sealer = AESSecretSealer(key: Data(repeating: 7, count: 32))
            let oauth = MailboxOAuth(
                mail: desk.mailStore, endpoint: endpoint, sealer: sealer, signer: desk.signer, clock: desk.clock)
            var mailbox = Mailbox(
                address: EmailAddress("suporte@empresa.example")!, displayName: "Suporte",
                imap: IMAPSettings(host: "outlook.office365.com", port: 993, security: .tls, username: "suporte@empresa.example", password: ""),
                createdAt: desk.clock.now)
            try await desk.mailStore.save(mailbox)

            let url = try await oauth.begin(
                mailbox.id, provider: .microsoft(tenant: "empresa.example"), clientID: "app-id", clientSecret: "segredo",
                redirectURI: "https://balcao.example/agent/admin/mail/oauth/callback", by: admin)
            let items = URLComponents(string: url)?.queryItems ?? []
            let query = Dictionary(items.map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { first, _ in first })
            #expect(url.hasPrefix("https://login.microsoftonline.com/empresa.example/oauth2/v2.0/authorize?"))
            #expect(query["client_id"] == "app-id" && query["login_hint"] == "suporte@empresa.example")
            let state = try #require(query["state"])

            await #expect(throws: MailboxOAuthError.invalidState) {
                try await oauth.complete(code: "c", state: state + "x", redirectURI: "r", by: admin)
            }
            mailbox = try await oauth.complete(code: "c0de", state: state, redirectURI: "r", by: admin)
            let connection = try #require(mailbox.imap?.oauth)
            #expect(connection.isConnected)
            #expect(connection.sealedClientSecret != "segredo" && connection.sealedRefreshToken != "refresh-1")
            #expect(try sealer.open(connection.sealedRefreshToken!) == "refresh-1")

            #expect(try await oauth.accessToken(for: mailbox) == "access-1")  // still fresh: no request
            desk.clock.advance(by: 3600 - MailboxOAuth.refreshMargin + 1)
            let stored = try #require(try await desk.mailStore.mailbox(mailbox.id))
            #expect(try await oauth.accessToken(for: stored) == "access-2")
            let forms = await endpoint.forms
            #expect(forms.map { $0["grant_type"] } == ["authorization_code", "refresh_token"])
            #expect(forms[1]["refresh_token"] == "refresh-1" && forms[1]["client_secret"] == "segredo")
            // The provider sent no new refresh token: the old one is kept.
            let refreshed = try #require(try await desk.mailStore.mailbox(mailbox.id)?.imap?.oauth)
            #expect(try sealer.open(refreshed.sealedRefreshToken!) == "refresh-1")

            desk.clock.advance(by: MailboxOAuth.stateLifetime)
            #expect(oauth.mailboxID(in: state) == nil)  // expired
        }
    }
}
