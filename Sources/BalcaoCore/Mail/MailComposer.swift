import Foundation

/// Writes outgoing messages as RFC 5322 / MIME bytes.
public enum MailComposer {
    /// The whole message with CRLF line ends: standard headers, `extraHeaders`, then the body as
    /// text/plain, or multipart/alternative with the HTML (in multipart/related with inline images), wrapped
    /// in multipart/mixed when files are attached. Text is quoted-printable UTF-8, files base64.
    public static func render(_ mail: OutgoingMail) -> [UInt8] {
        var head = "Date: \(MailDate.format(mail.date))\r\n"
        head += HeaderWriter.addresses("From", [mail.from])
        if !mail.to.isEmpty { head += HeaderWriter.addresses("To", mail.to) }
        if !mail.cc.isEmpty { head += HeaderWriter.addresses("Cc", mail.cc) }
        if let replyTo = mail.replyTo { head += HeaderWriter.addresses("Reply-To", [replyTo]) }
        head += HeaderWriter.unstructured("Subject", mail.subject)
        head += "Message-ID: \(MessageIDs.bracketed(HeaderWriter.singleLine(mail.messageID)))\r\n"
        if let inReplyTo = mail.inReplyTo {
            head += "In-Reply-To: \(MessageIDs.bracketed(HeaderWriter.singleLine(inReplyTo)))\r\n"
        }
        if !mail.references.isEmpty {
            head += HeaderWriter.field(
                "References", atoms: mail.references.map { MessageIDs.bracketed(HeaderWriter.singleLine($0)) })
        }
        head += "MIME-Version: 1.0\r\n"
        for (name, value) in mail.extraHeaders where HeaderWriter.isValidName(name) {
            head += HeaderWriter.unstructured(name, value)
        }
        let (contentHeaders, body) = render(structure(of: mail))
        return Array((head + contentHeaders + "\r\n").utf8) + body
    }

    /// A fresh message id, `<random>@domain` without the brackets. The random part has 143 bits.
    public static func newMessageID(domain: String) -> String {
        let host = domain.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
        return "\(randomToken(length: 24))@\(host.isEmpty ? "balcao.invalid" : host)"
    }

    /// A MIME entity: header lines (each ending CRLF) and body bytes, or a multipart of entities.
    private indirect enum Node {
        case leaf(headers: String, body: [UInt8])
        case multipart(subtype: String, parts: [Node])
    }

    private static func structure(of mail: OutgoingMail) -> Node {
        let text = mail.text.isEmpty ? mail.html.map(HTMLSanitizer.plainText(fromHTML:)) ?? "" : mail.text
        let textPart = textLeaf(text, subtype: "plain")
        var body = textPart
        var files = mail.attachments
        if let html = mail.html {
            var htmlPart = textLeaf(html, subtype: "html")
            let related = files.filter { $0.isInline && $0.contentID != nil }
            if !related.isEmpty {
                htmlPart = .multipart(subtype: "related", parts: [htmlPart] + related.map(attachmentLeaf))
                files.removeAll { $0.isInline && $0.contentID != nil }
            }
            body = .multipart(subtype: "alternative", parts: [textPart, htmlPart])
        }
        return files.isEmpty ? body : .multipart(subtype: "mixed", parts: [body] + files.map(attachmentLeaf))
    }

    private static func textLeaf(_ text: String, subtype: String) -> Node {
        .leaf(
            headers: "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
            body: QuotedPrintable.encode(text: text))
    }

    private static func attachmentLeaf(_ attachment: MailAttachment) -> Node {
        let type = AttachmentUpload.safeContentType(attachment.contentType)
        let name = AttachmentUpload.safeFilename(attachment.fileName)
        var headers = HeaderWriter.field("Content-Type", atoms: [type + ";"] + HeaderWriter.nameParameterAtoms(name))
        headers += "Content-Transfer-Encoding: base64\r\n"
        let disposition = attachment.isInline ? "inline;" : "attachment;"
        headers += HeaderWriter.field(
            "Content-Disposition", atoms: [disposition] + HeaderWriter.fileNameParameterAtoms(name))
        if let contentID = attachment.contentID {
            headers += "Content-ID: \(MessageIDs.bracketed(HeaderWriter.singleLine(contentID)))\r\n"
        }
        return .leaf(headers: headers, body: Base64.encode(attachment.data))
    }

    private static func render(_ node: Node) -> (headers: String, body: [UInt8]) {
        switch node {
        case .leaf(let headers, let body):
            return (headers, body)
        case .multipart(let subtype, let parts):
            let rendered = parts.map(render)
            var boundary = newBoundary()
            while rendered.contains(where: { contains($0.body, boundary) || $0.headers.contains(boundary) }) {
                boundary = newBoundary()
            }
            let delimiter = Array("--\(boundary)".utf8)
            var body: [UInt8] = []
            for part in rendered {
                body +=
                    delimiter + MailBytes.crlf + Array(part.headers.utf8) + MailBytes.crlf + part.body + MailBytes.crlf
            }
            body += delimiter + Array("--".utf8) + MailBytes.crlf
            return ("Content-Type: multipart/\(subtype);\r\n boundary=\"\(boundary)\"\r\n", body)
        }
    }

    /// "=_" never occurs in quoted-printable or base64 output, so these boundaries cannot collide with
    /// encoded content; `render` still checks.
    private static func newBoundary() -> String { "=_Balcao_" + randomToken(length: 28) }

    private static func contains(_ bytes: [UInt8], _ boundary: String) -> Bool {
        let needle = Array(boundary.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var i = 0
        while let found = bytes[i...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) { return true }
            i = found + 1
        }
        return false
    }

    private static func randomToken(length: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] })
    }
}
