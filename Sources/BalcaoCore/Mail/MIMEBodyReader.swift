import Foundation

/// Walks the MIME tree of a message and collects the readable body and the attachments.
struct MIMEBodyReader {
    /// Deeper nesting is not read: real clients nest four or five levels; more is an attack or a loop.
    static let maxDepth = 50
    /// More parts than this are not read, so a message of a million empty parts stays cheap.
    static let maxParts = 10_000

    /// A run of body text. Inside `multipart/alternative` both versions of the same text are kept.
    struct Piece {
        var plain: String?
        var html: String?
    }

    struct Content {
        var pieces: [Piece] = []
        var attachments: [MailAttachment] = []

        mutating func append(_ other: Content) {
            pieces += other.pieces
            attachments += other.attachments
        }
    }

    private(set) var warnings: [String] = []
    private var partCount = 0
    private var attachmentCount = 0

    /// Reads one entity (the message itself or a part) whose headers are already parsed.
    mutating func read(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int, defaultType: String = "text/plain")
        -> Content
    {
        partCount += 1
        var type = HeaderParameters(headers["Content-Type"] ?? defaultType)
        if !Self.isValidType(type.value) {
            if headers["Content-Type"] != nil {
                warnings.append("unreadable Content-Type \"\(type.value)\"; read as \(defaultType)")
            }
            type = HeaderParameters(defaultType)
        }
        guard type.value.hasPrefix("multipart/") else { return readLeaf(headers: headers, type: type, body: body) }
        guard depth < Self.maxDepth else {
            warnings.append("MIME parts nested deeper than \(Self.maxDepth) levels were not read")
            return Content()
        }
        var boundary = type["boundary"]?.trimmingCharacters(in: .whitespaces) ?? ""
        if boundary.isEmpty {
            guard let guessed = MultipartSplitter.guessBoundary(body) else {
                warnings.append("\(type.value) without a boundary; read as text")
                return readLeaf(headers: headers, type: HeaderParameters("text/plain"), body: body)
            }
            warnings.append("\(type.value) without a boundary parameter; used \"\(guessed)\" found in the body")
            boundary = guessed
        }
        let split = MultipartSplitter.split(body, boundary: boundary)
        if split.parts.isEmpty {
            warnings.append("no part found in \(type.value) (boundary \"\(boundary)\"); read as text")
            return readLeaf(headers: headers, type: HeaderParameters("text/plain"), body: body)
        }
        if !split.isClosed { warnings.append("\(type.value) has no closing boundary; the message may be truncated") }
        let childDefault = type.value == "multipart/digest" ? "message/rfc822" : "text/plain"
        var children: [Content] = []
        for part in split.parts {
            guard partCount < Self.maxParts else {
                warnings.append("more than \(Self.maxParts) MIME parts; the rest were not read")
                break
            }
            let block = MailHeaders.parse(part, warnings: &warnings)
            let partBody = part[min(block.bodyStart, part.endIndex)..<part.endIndex]
            children.append(read(headers: block.headers, body: partBody, depth: depth + 1, defaultType: childDefault))
        }
        return type.value == "multipart/alternative"
            ? Self.chooseAlternative(children) : children.reduce(into: Content()) { $0.append($1) }
    }

    /// In `multipart/alternative` the plain text comes from the first alternative that has it and the HTML
    /// from the last (the richest); attachments of every alternative are kept (inline images of a related HTML).
    private static func chooseAlternative(_ children: [Content]) -> Content {
        var result = Content()
        let plain = children.lazy.compactMap { child -> String? in
            guard !child.pieces.isEmpty, child.pieces.allSatisfy({ $0.plain != nil }) else { return nil }
            let text = child.pieces.compactMap(\.plain).joined(separator: "\n\n")
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
        }.first
        let html = children.reversed().lazy.compactMap { child -> String? in
            guard child.pieces.contains(where: { $0.html != nil }) else { return nil }
            return child.pieces.map { $0.html ?? HTMLSanitizer.html(fromPlainText: $0.plain ?? "") }.joined(
                separator: "\n")
        }.first
        if plain != nil || html != nil { result.pieces = [Piece(plain: plain, html: html)] }
        for child in children { result.attachments += child.attachments }
        return result
    }

    private mutating func readLeaf(headers: MailHeaders, type: HeaderParameters, body: ArraySlice<UInt8>) -> Content {
        let (data, transferWarning) = TransferEncoding(headers["Content-Transfer-Encoding"]).decode(body)
        let disposition = HeaderParameters(headers["Content-Disposition"] ?? "")
        let fileName = (disposition["filename"] ?? type["name"]).map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        .flatMap { $0.isEmpty ? nil : $0 }
        if let transferWarning { warnings.append("\(fileName ?? type.value): \(transferWarning)") }
        let isTextBody =
            (type.value == "text/plain" || type.value == "text/html") && disposition.value != "attachment"
            && (fileName == nil || disposition.value == "inline")
        if isTextBody {
            var text = decodeText(data, type: type)
            if type.value == "text/html" { return Content(pieces: [Piece(plain: nil, html: text)]) }
            if type["format"]?.lowercased() == "flowed" {
                text = FormatFlowed.unflow(text, deleteSpace: type["delsp"]?.lowercased() == "yes")
            }
            return Content(pieces: [Piece(plain: text, html: nil)])
        }
        attachmentCount += 1
        var name = fileName.map(AttachmentUpload.safeFilename)
        if name == nil, type.value == "message/rfc822" || type.value == "message/global" {
            name = Self.forwardedName(data)
        }
        let contentID = headers["Content-ID"].flatMap {
            MessageIDs.parse($0).first ?? $0.trimmingCharacters(in: .whitespaces)
        }
        let attachment = MailAttachment(
            fileName: name ?? MailAttachment.generatedName(for: type.value, position: attachmentCount),
            contentType: type.value, data: data, contentID: contentID,
            isInline: disposition.value == "inline" || (disposition.value.isEmpty && contentID != nil))
        return Content(attachments: [attachment])
    }

    /// `<subject>.eml` for a forwarded message, or `forwarded-message.eml` when it has no subject.
    private static func forwardedName(_ data: [UInt8]) -> String {
        var ignored: [String] = []
        let headers = MailHeaders.parse(data[...], warnings: &ignored).headers
        let subject = EncodedWords.decode(headers["Subject"] ?? "")
            .replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "\\", with: "-")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { return "forwarded-message.eml" }
        let name = AttachmentUpload.safeFilename(String(subject.prefix(120)))
        return name == "attachment" ? "forwarded-message.eml" : name + ".eml"
    }

    /// Decodes a text part by its charset, normalizing line ends. HTML without a charset parameter may name
    /// one in a `<meta>` tag. Unknown charsets are read as UTF-8, else Latin-1, with a warning.
    private mutating func decodeText(_ data: [UInt8], type: HeaderParameters) -> String {
        var label = type["charset"]
        if label == nil, type.value == "text/html" { label = Self.metaCharset(data) }
        let text: String
        if let label, !label.isEmpty {
            if let charset = Charset(label: label) {
                let decoded = charset.decodeReportingErrors(data)
                if decoded.isLossy {
                    warnings.append("invalid \(label) in a \(type.value) part; some characters were replaced")
                }
                text = decoded.text
            } else {
                let isUTF8 = String(validating: data, as: UTF8.self) != nil
                warnings.append(
                    "unknown charset \"\(label)\" in a \(type.value) part; read as \(isUTF8 ? "UTF-8" : "Latin-1")")
                text = Charset.guess(data)
            }
        } else {
            text = Charset.ascii.decode(data)  // the RFC default, read leniently (UTF-8, else Windows-1252)
        }
        return MailBytes.normalizingLineEnds(text)
    }

    /// The charset named by `<meta charset=…>` or `<meta http-equiv … content="text/html; charset=…">`.
    private static func metaCharset(_ data: [UInt8]) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" }
        return label.isEmpty ? nil : String(label)
    }

    private static func isValidType(_ value: String) -> Bool {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && !$0.contains(where: \.isWhitespace) }
    }
}
