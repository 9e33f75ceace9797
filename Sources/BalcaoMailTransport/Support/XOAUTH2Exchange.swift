import Foundation

/// The client side of SASL XOAUTH2, the OAuth 2.0 mechanism of Google and Microsoft 365 mail, as pure steps
/// shared by the IMAP and SMTP clients (https://developers.google.com/gmail/imap/xoauth2-protocol).
///
/// The client's only message is base64(`user=` user `^A` `auth=Bearer ` token `^A^A`), sent with the command
/// (IMAP SASL-IR, SMTP initial response) or after the server's first, empty, challenge. A server that refuses
/// the token answers with one more challenge, a base64 JSON error such as `{"status":"401","schemes":"bearer",
/// "scope":"mail"}`; the client answers it with an empty line and the server then fails the command.
struct XOAUTH2Exchange: Sendable {
    /// The client's message, base64.
    let initialResponse: String
    private(set) var hasSentInitialResponse: Bool
    /// The server's error challenge, decoded, once one has arrived.
    private(set) var serverError: String?

    /// - Parameter sendsInitialResponseWithCommand: whether ``initialResponse`` goes with the command itself.
    /// - Throws: `.authenticationFailed` when the username or token cannot be put into the message.
    init(username: String, accessToken: String, sendsInitialResponseWithCommand: Bool) throws(MailTransportError) {
        initialResponse = try Self.initialResponse(username: username, accessToken: accessToken)
        hasSentInitialResponse = sendsInitialResponseWithCommand
    }

    /// base64(`user=` username `^A` `auth=Bearer ` token `^A^A`).
    static func initialResponse(username: String, accessToken: String) throws(MailTransportError) -> String {
        guard !username.isEmpty, !username.utf8.contains(where: { $0 == 0x01 || $0 == 0x0A || $0 == 0x0D }) else {
            throw MailTransportError(.authenticationFailed, "username not usable for XOAUTH2", isPermanent: true)
        }
        // RFC 6750 b64token characters are a subset of visible ASCII; anything else would corrupt the message.
        guard !accessToken.isEmpty, accessToken.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw MailTransportError(
                .authenticationFailed, "the OAuth 2.0 access token is empty or not a bearer token", isPermanent: true)
        }
        let message = "user=\(username)\u{01}auth=Bearer \(accessToken)\u{01}\u{01}"
        return Data(message.utf8).base64EncodedString()
    }

    /// The text of a base64 error challenge (the JSON itself), or the challenge as sent when it is not base64
    /// of UTF-8 text.
    static func decodeError(_ challenge: String) -> String {
        let trimmed = challenge.trimmingCharacters(in: .whitespaces)
        let padded = trimmed + String(repeating: "=", count: (4 - trimmed.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), let text = String(data: data, encoding: .utf8) else {
            return trimmed
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The line to send (without CRLF) in answer to a server challenge (its base64 text): the initial response
    /// when it is still due, else an empty line acknowledging the error the challenge carries.
    ///
    /// - Throws: `.protocolViolation` for a challenge after the error, which the mechanism does not have.
    mutating func answer(challenge: String) throws(MailTransportError) -> String {
        if !hasSentInitialResponse {
            hasSentInitialResponse = true
            return initialResponse
        }
        if let serverError {
            throw MailTransportError(.protocolViolation, "XOAUTH2 challenge after the server's error \(serverError)")
        }
        serverError = Self.decodeError(challenge)
        return ""
    }
}
