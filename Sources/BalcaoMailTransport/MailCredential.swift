/// How a mail account proves who it is.
public enum MailCredential: Sendable, Equatable {
    /// A password: IMAP LOGIN, SMTP AUTH PLAIN (or AUTH LOGIN).
    case password(String)
    /// An OAuth 2.0 access token, as Microsoft 365 and Google mailboxes require: SASL XOAUTH2 on IMAP and SMTP.
    ///
    /// Access tokens expire (typically after an hour) and this module does not refresh them: build each
    /// connection's endpoint with a token that is still valid.
    case oauth2(accessToken: String)
}
