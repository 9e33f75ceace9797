import Foundation

/// Reads raw RFC 5322 / MIME messages as they arrive by SMTP or IMAP.
public enum MIMEParser {
    /// Parses `raw` (CRLF or bare LF line ends). Never throws and never traps: whatever cannot be read is
    /// skipped and described in `warnings`. Linear in the input size apart from MIME nesting (capped at 50).
    public static func parse(_ raw: [UInt8]) -> ParsedMail {
        var warnings: [String] = []
        if raw.isEmpty { warnings.append("the message is empty") }
        let block = MailHeaders.parse(raw[...], warnings: &warnings)
        let headers = block.headers
        let body = raw[min(block.bodyStart, raw.endIndex)...]
        if !raw.isEmpty, !block.hasBlankLine, body.isEmpty { warnings.append("the message has no body") }

        var reader = MIMEBodyReader()
        let content = reader.read(headers: headers, body: body, depth: 0)
        warnings += reader.warnings

        var mail = ParsedMail(headers: headers)
        mail.messageID = headers["Message-ID"].flatMap { MessageIDs.parse($0).first }
        mail.inReplyTo = MessageIDs.parse(headers.all("In-Reply-To").joined(separator: " "))
        mail.references = MessageIDs.parse(headers.all("References").joined(separator: " "))
        mail.from = headers["From"].flatMap { MailAddressParser.parseList($0).first }
        if mail.from == nil, let sender = headers["Sender"].flatMap({ MailAddressParser.parseList($0).first }) {
            mail.from = sender
            warnings.append("no readable From; used Sender")
        } else if mail.from == nil, let from = headers["From"] {
            warnings.append("unreadable From \"\(from.prefix(80))\"")
        }
        mail.replyTo = addresses(headers, "Reply-To")
        mail.to = addresses(headers, "To")
        mail.cc = addresses(headers, "Cc")
        mail.subject = headers["Subject"].map(decodedSubject) ?? ""
        if let date = headers["Date"] {
            mail.date = MailDate.parse(date)
            if mail.date == nil { warnings.append("unreadable Date \"\(date.prefix(80))\"") }
        }
        mail.text = text(of: content.pieces)
        mail.html = html(of: content.pieces)
        mail.attachments = content.attachments
        mail.automation = AutomatedMail(headers: headers)
        if content.attachments.contains(where: { BounceReport.statusTypes.contains($0.contentType) }) {
            mail.automation = .bounce  // a delivery-status part, whatever the headers say
        }
        if mail.automation == .bounce {
            mail.bounce = BounceReport(headers: headers, text: mail.text, attachments: mail.attachments)
        }
        // A message of thousands of broken parts must not carry thousands of warnings.
        mail.warnings =
            warnings.count <= 100 ? warnings : warnings.prefix(99) + ["\(warnings.count - 99) more warnings"]
        return mail
    }

    private static func addresses(_ headers: MailHeaders, _ name: String) -> [MailAddress] {
        headers.all(name).flatMap(MailAddressParser.parseList)
    }

    /// Decoded, with tabs and stray line breaks turned into spaces, and trimmed.
    static func decodedSubject(_ raw: String) -> String {
        let decoded = EncodedWords.decode(raw)
        let cleaned = String(
            String.UnicodeScalarView(decoded.unicodeScalars.map { $0.value < 0x20 || $0 == "\u{7F}" ? " " : $0 }))
        return cleaned.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Body pieces joined by a blank line; HTML-only pieces are converted with `HTMLSanitizer.plainText(fromHTML:)`.
    private static func text(of pieces: [MIMEBodyReader.Piece]) -> String {
        pieces.map { piece in
            if let plain = piece.plain, !plain.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return plain }
            return piece.html.map(HTMLSanitizer.plainText(fromHTML:)) ?? piece.plain ?? ""
        }
        .map(trimmingBlankEdges)
        .filter { !$0.isEmpty }
        .joined(separator: "\n\n")
    }

    /// Without leading line breaks and trailing whitespace; the indentation of the first line is kept.
    private static func trimmingBlankEdges(_ text: String) -> String {
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, first == "\n" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The HTML pieces joined, with plain pieces between them converted to HTML; nil without any HTML.
    private static func html(of pieces: [MIMEBodyReader.Piece]) -> String? {
        guard pieces.contains(where: { $0.html != nil }) else { return nil }
        return pieces.map { $0.html ?? HTMLSanitizer.html(fromPlainText: $0.plain ?? "") }.joined(separator: "\n")
    }
}
