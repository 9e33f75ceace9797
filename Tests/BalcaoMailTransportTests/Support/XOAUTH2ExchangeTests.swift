import Testing

@testable import BalcaoMailTransport

@Suite("XOAUTH2 exchange")
struct XOAUTH2ExchangeTests {
    /// Dovecot's error challenge: {"status":"401","schemes":"bearer","scope":"mail"}.
    private static let dovecotError = "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0="

    @Test("The initial response is base64 of user, ^A, the bearer token and ^A^A (Google's documented example)")
    func initialResponse() throws {
        let response = try XOAUTH2Exchange.initialResponse(
            username: "someuser@example.com", accessToken: "ya29.vF9dft4qmTc2Nvb3RlckBhdHRhdmlzdGEuY29tCg")

        #expect(
            response == "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNr"
                + "QmhkSFJoZG1semRHRXVZMjl0Q2cBAQ=="
        )
    }

    @Test(
        "Error challenges decode to the server's JSON; anything else is kept as sent",
        arguments: [
            (dovecotError, #"{"status":"401","schemes":"bearer","scope":"mail"}"#),
            (
                "eyJzdGF0dXMiOiI0MDAiLCJzY2hlbWVzIjoiQmVhcmVyIiwic2NvcGUiOiJodHRwczovL21haWwuZ29vZ2xlLmNvbS8ifQ",
                #"{"status":"400","schemes":"Bearer","scope":"https://mail.google.com/"}"#
            ),
            ("not base64 at all!", "not base64 at all!"),
            ("", ""),
        ]
    )
    func decodeError(challenge: String, expected: String) {
        #expect(XOAUTH2Exchange.decodeError(challenge) == expected)
    }

    @Test("With the response sent inline, the first challenge is the error and gets an empty line")
    func inlineResponseThenError() throws {
        var exchange = try XOAUTH2Exchange(username: "ana", accessToken: "tok", sendsInitialResponseWithCommand: true)

        let answer = try exchange.answer(challenge: Self.dovecotError)
        let again = #expect(throws: MailTransportError.self) { try exchange.answer(challenge: Self.dovecotError) }

        #expect(answer == "")
        #expect(exchange.serverError == #"{"status":"401","schemes":"bearer","scope":"mail"}"#)
        #expect(again?.kind == .protocolViolation)
    }

    @Test("Without an inline response, the first (empty) challenge gets the initial response")
    func responseAfterEmptyChallenge() throws {
        var exchange = try XOAUTH2Exchange(username: "ana", accessToken: "tok", sendsInitialResponseWithCommand: false)

        let first = try exchange.answer(challenge: "")
        let second = try exchange.answer(challenge: Self.dovecotError)

        #expect(first == "dXNlcj1hbmEBYXV0aD1CZWFyZXIgdG9rAQE=")
        #expect(exchange.initialResponse == first)
        #expect(second == "")
        #expect(exchange.serverError?.contains("401") == true)
    }

    @Test(
        "Usernames and tokens that would corrupt the message are refused before anything is sent",
        arguments: [
            ("ana", ""), ("ana", "two words"), ("ana", "tok\u{01}en"), ("ana", "tóken"), ("", "tok"),
            ("a\u{01}na", "tok"), ("ana\r\n", "tok"),
        ]
    )
    func unusableCredentials(username: String, token: String) {
        let error = #expect(throws: MailTransportError.self) {
            _ = try XOAUTH2Exchange.initialResponse(username: username, accessToken: token)
        }

        #expect(error?.kind == .authenticationFailed)
        #expect(error?.isPermanent == true)
        #expect(token.isEmpty || error?.message.contains(token) == false)  // secrets stay out of error messages
    }
}
