import BalcaoMailTransport
import Testing

@Suite("Mail server endpoints")
struct MailServerEndpointTests {
    @Test("A password given to the initializer is a password credential, readable as password")
    func passwordCredential() {
        let endpoint = MailServerEndpoint(host: "mail.test", port: 993, username: "ana", password: "pw")

        #expect(endpoint.credential == .password("pw"))
        #expect(endpoint.password == "pw")
    }

    @Test("An OAuth 2.0 endpoint has no password; setting one replaces the token")
    func oauthCredential() {
        var endpoint = MailServerEndpoint(
            host: "outlook.office365.com", port: 993, username: "ana@contoso.test",
            credential: .oauth2(accessToken: "eyJ0eXAi.token"))

        let passwordBefore = endpoint.password
        endpoint.password = "pw"

        #expect(passwordBefore == nil)
        #expect(endpoint.credential == .password("pw"))
    }

    @Test("The description names the account but never the secret")
    func descriptionHidesSecrets() {
        let endpoint = MailServerEndpoint(
            host: "imap.gmail.com", port: 993, username: "ana@gmail.test", credential: .oauth2(accessToken: "ya29.x"))

        #expect(endpoint.description == "tls://ana@gmail.test@imap.gmail.com:993")
    }
}
