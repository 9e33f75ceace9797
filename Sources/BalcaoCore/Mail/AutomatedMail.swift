import Foundation

/// Why a message was sent by a machine. A help desk must not auto-reply to these (RFC 3834) and usually
/// should not open tickets from bounces or list traffic.
public enum AutomatedMail: Sendable, Equatable {
    /// `Auto-Submitted` with a value other than `no` and `auto-replied` (lower-cased, e.g. "auto-generated").
    case autoSubmitted(String)
    /// `Precedence: bulk`, `junk` or `list` (the lower-cased value).
    case bulk(String)
    /// `List-Id` or `List-Unsubscribe` is present.
    case mailingList
    /// A delivery failure report: `multipart/report; report-type=delivery-status`, From `mailer-daemon@` or
    /// `postmaster@`, or a null `Return-Path: <>` without other signs of an auto-reply.
    case bounce
    /// An out-of-office or vacation reply: `Auto-Submitted: auto-replied`, `X-Autoreply`, `X-Autorespond`, or
    /// a subject such as "Auto:", "Automatic reply:", "Out of Office", "Resposta automática", "Ausência".
    case autoReply

    /// Classifies a message by its headers; nil when it looks written by a person. Bounces are checked first,
    /// then auto-replies, then the other kinds. `X-Auto-Response-Suppress` is deliberately ignored: it asks
    /// *others* not to auto-reply and is set by Outlook on ordinary human mail.
    public init?(headers: MailHeaders) {
        let from = headers["From"].flatMap { MailAddressParser.parseList($0).first }
        let localPart = from?.address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        let contentType = HeaderParameters(headers["Content-Type"] ?? "")
        if localPart == "mailer-daemon" || localPart == "postmaster"
            || (contentType.value == "multipart/report"
                && contentType["report-type"]?.lowercased() == "delivery-status")
        {
            self = .bounce
            return
        }
        let autoSubmitted =
            (headers["Auto-Submitted"] ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let subject = EncodedWords.decode(headers["Subject"] ?? "")
        if autoSubmitted == "auto-replied" || Self.isSet(headers["X-Autoreply"]) || Self.isSet(headers["X-Autorespond"])
            || Self.isOutOfOfficeSubject(subject)
        {
            self = .autoReply
        } else if !autoSubmitted.isEmpty, autoSubmitted != "no" {
            self = .autoSubmitted(autoSubmitted)
        } else if let returnPath = headers["Return-Path"], returnPath.filter({ !$0.isWhitespace }) == "<>" {
            self = .bounce
        } else if headers["List-Id"] != nil || headers["List-Unsubscribe"] != nil {
            self = .mailingList
        } else if let precedence = headers["Precedence"]?.trimmingCharacters(in: .whitespaces).lowercased(),
            ["bulk", "junk", "list"].contains(precedence)
        {
            self = .bulk(precedence)
        } else {
            return nil
        }
    }

    private static func isSet(_ value: String?) -> Bool {
        guard let value = value?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return !["no", "false", "0"].contains(value)
    }

    /// Subject prefixes written by out-of-office responders (Outlook, Gmail, Exchange in English and Portuguese,
    /// plus the neighbours Balcão's customers write from). Prefixes only: "Re: out of office policy" is human.
    static func isOutOfOfficeSubject(_ subject: String) -> Bool {
        let lowered = subject.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return outOfOfficePrefixes.contains { lowered.hasPrefix($0) }
    }

    private static let outOfOfficePrefixes = [
        "auto:", "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response",
        "out of office", "out of the office", "resposta automática", "resposta automatica", "ausência", "ausencia",
        "fora do escritório", "fora do escritorio", "respuesta automática", "respuesta automatica",
        "réponse automatique", "abwesenheitsnotiz",
    ]
}
