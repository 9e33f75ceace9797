import Foundation

/// Why no auto-response may answer a message: it was sent by a machine (RFC 3834), or its sender asked for no
/// automatic replies. A help desk must not send its "ticket received" mail to these and usually should not
/// open tickets from bounces or list traffic.
public enum AutomatedMail: Sendable, Equatable {
    /// `Auto-Submitted` with a value other than `no` and `auto-replied` (its keyword, lower-cased, e.g.
    /// "auto-generated"), or mail Exchange generated itself (`X-MS-Exchange-Generated-Message-Source`).
    case autoSubmitted(String)
    /// `Precedence` or `X-Precedence` `bulk`, `junk` or `list` (the lower-cased value).
    case bulk(String)
    /// `List-Id` or `List-Unsubscribe` is present.
    case mailingList
    /// A delivery report, usually a failure (`ParsedMail.bounce` has the details): `multipart/report;
    /// report-type=delivery-status` or a `message/delivery-status` part, `X-Failed-Recipients`, Exchange's
    /// `X-MS-Exchange-Message-Is-Ndr`, From `mailer-daemon@` or `postmaster@`, or a null `Return-Path: <>`
    /// without other signs of an auto-reply.
    case bounce
    /// An out-of-office or vacation reply: `Auto-Submitted: auto-replied` (Gmail, Zimbra, iCloud), `X-Autoreply`,
    /// `X-Autorespond`, `X-Autoresponder`, `Precedence: auto_reply`, Exchange's inbox-rule reply, or a subject
    /// such as "Automatic reply:", "Resposta automática:", "Réponse automatique :".
    case autoReply
    /// A loop guard: `X-Loop` (any value), Balcão's own `X-Balcao-Loop`, or Exchange's
    /// `X-MS-Exchange-Inbox-Rules-Loop` (the mail went through someone's inbox rule: a forward or a reply).
    case loop
    /// `X-Auto-Response-Suppress` with `All`, `AutoReply` or `OOF` and no other sign. Exchange puts it on the
    /// mail it generates, but Outlook also puts it on mail a person wrote: send no auto-reply, as asked, but do
    /// not treat it as machine mail (help desks that did lost real mail: osTicket #726, jitbit.com/maxblog/18).
    case autoResponseSuppressed

    /// Classifies a message by its headers; nil when it looks written by a person who accepts auto-replies.
    /// Checked in this order: bounce, auto-reply, loop, `Auto-Submitted`, null return path, list, bulk, suppress.
    /// `MIMEParser` also marks a bounce by its `message/delivery-status` part, which headers cannot show.
    public init?(headers: MailHeaders) {
        let signals = Signals(headers)
        if signals.isBounce {
            self = .bounce
        } else if signals.isAutoReply {
            self = .autoReply
        } else if signals.isLoop {
            self = .loop
        } else if !signals.autoSubmitted.isEmpty, signals.autoSubmitted != "no" {
            self = .autoSubmitted(signals.autoSubmitted)
        } else if headers["X-MS-Exchange-Generated-Message-Source"] != nil {
            self = .autoSubmitted("auto-generated")
        } else if signals.hasNullReturnPath {
            self = .bounce
        } else if headers["List-Id"] != nil || headers["List-Unsubscribe"] != nil {
            self = .mailingList
        } else if let precedence = signals.precedence.first(where: { ["bulk", "junk", "list"].contains($0) }) {
            self = .bulk(precedence)
        } else if signals.suppressesAutoReplies {
            self = .autoResponseSuppressed
        } else {
            return nil
        }
    }

    /// False only for `.autoResponseSuppressed`, whose sender may be a person: skip the auto-reply, but still
    /// read the mail as theirs (a requester's reply stays a reply).
    public var isMachineSent: Bool { self != .autoResponseSuppressed }

    /// Subjects written by out-of-office responders (Outlook, Gmail, Exchange in English and Portuguese, plus the
    /// neighbours Balcão's customers write from). Prefixes only: "Re: out of office policy" is human. The English
    /// labels must end the subject or be followed by a colon, because people write "Out of office policy?" too.
    static func isOutOfOfficeSubject(_ subject: String) -> Bool {
        let lowered = subject.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if outOfOfficePrefixes.contains(where: { lowered.hasPrefix($0) }) { return true }
        return outOfOfficeLabels.contains { label in
            guard lowered.hasPrefix(label) else { return false }
            let rest = lowered.dropFirst(label.count).drop(while: \.isWhitespace)
            return rest.isEmpty || rest.hasPrefix(":") || ["reply", "alert", "autoreply"].contains(String(rest))
                || rest.hasPrefix("autoreply:")
        }
    }

    private static let outOfOfficeLabels = [
        "automatic reply", "auto reply", "auto-reply", "autoreply", "auto response", "auto-response", "out of office",
        "out of the office",
    ]

    private static let outOfOfficePrefixes = [
        "auto:", "resposta automática", "resposta automatica", "ausência", "ausencia", "fora do escritório",
        "fora do escritorio", "respuesta automática", "respuesta automatica", "réponse automatique",
        "reponse automatique", "abwesenheitsnotiz", "automatische antwort", "risposta automatica",
        "automatisch antwoord", "autosvar", "automatisk svar",
    ]
}

extension AutomatedMail {
    /// The header values the classification reads, normalized once.
    private struct Signals {
        let headers: MailHeaders
        /// The `Auto-Submitted` keyword without parameters or comments: "auto-replied (zimbra; vacation)" and
        /// iCloud's "auto-replied; owner-email=…" are both "auto-replied".
        let autoSubmitted: String
        /// `Precedence` and `X-Precedence` values, lower-cased.
        let precedence: [String]
        /// The tokens of `X-Auto-Response-Suppress`, lower-cased ("dr", "oof", "autoreply", "all", "none").
        let suppressed: Set<String>

        init(_ headers: MailHeaders) {
            self.headers = headers
            autoSubmitted = String(
                (headers["Auto-Submitted"] ?? "").lowercased().drop(while: \.isWhitespace)
                    .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            precedence = (headers.all("Precedence") + headers.all("X-Precedence")).map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
            suppressed = Set(
                (headers["X-Auto-Response-Suppress"] ?? "").lowercased()
                    .split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init))
        }

        var isBounce: Bool {
            let from = headers["From"].flatMap { MailAddressParser.parseList($0).first }
            let localPart = from?.address.split(separator: "@").first.map { $0.lowercased() } ?? ""
            let contentType = HeaderParameters(headers["Content-Type"] ?? "")
            let reportType = contentType["report-type"]?.lowercased()
            return localPart == "mailer-daemon" || localPart == "postmaster"
                || (contentType.value == "multipart/report"
                    && (reportType == "delivery-status" || reportType == "global-delivery-status"))
                || !(headers["X-Failed-Recipients"] ?? "").isEmpty
                || headers["X-MS-Exchange-Message-Is-Ndr"] != nil
        }

        var isAutoReply: Bool {
            if autoSubmitted == "auto-replied" || precedence.contains("auto_reply") { return true }
            if ["X-Autoreply", "X-Autorespond", "X-Autoresponder"].contains(where: { Self.isSet(headers[$0]) }) {
                return true
            }
            // Exchange's out-of-office: the inbox rule that answered, plus the suppress header it always adds.
            if headers["X-MS-Exchange-Inbox-Rules-Loop"] != nil,
                suppressed.contains("all") || suppressed.contains("oof")
            {
                return true
            }
            return AutomatedMail.isOutOfOfficeSubject(EncodedWords.decode(headers["Subject"] ?? ""))
        }

        var isLoop: Bool {
            headers["X-Loop"] != nil || headers["X-Balcao-Loop"] != nil
                || headers["X-MS-Exchange-Inbox-Rules-Loop"] != nil
        }

        /// `Return-Path: <>`, or Sendmail's `<MAILER-DAEMON>`.
        var hasNullReturnPath: Bool {
            guard let returnPath = headers["Return-Path"]?.filter({ !$0.isWhitespace }).lowercased() else {
                return false
            }
            return returnPath == "<>" || returnPath == "<mailer-daemon>"
        }

        var suppressesAutoReplies: Bool {
            !suppressed.isDisjoint(with: ["all", "autoreply", "oof"])
        }

        private static func isSet(_ value: String?) -> Bool {
            guard let value = value?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
            return !["no", "false", "0"].contains(value)
        }
    }
}
