import Foundation

/// Writes header fields: folded to lines of at most 78 characters where possible, non-ASCII text as RFC 2047
/// encoded words, and never a line break taken from the input (no header injection). Values are built as
/// lists of atoms, and folding happens only between atoms, never inside a quoted display name or file name.
enum HeaderWriter {
    static let lineLimit = 78

    /// `Name: atom atom…` ending in CRLF, folding before an atom that would pass the line limit.
    static func field(_ name: String, atoms: [String]) -> String {
        var out = name + ":"
        var column = out.utf8.count
        for (index, atom) in atoms.enumerated() {
            if index > 0, !atom.isEmpty, column + 1 + atom.utf8.count > lineLimit {
                out += "\r\n"
                column = 0
            }
            out += " " + atom
            column += 1 + atom.utf8.count
        }
        return out + "\r\n"
    }

    /// Free text such as the subject: as is when printable ASCII, else encoded words. ASCII with a word too
    /// long to fold (a pasted URL or token) is encoded too, so no line can pass the 998-character limit.
    static func unstructured(_ name: String, _ value: String) -> String {
        let clean = singleLine(value)
        let words = clean.split(separator: " ", omittingEmptySubsequences: false)
        if !needsEncoding(clean), !words.contains(where: { $0.utf8.count > lineLimit - 2 }) {
            return field(name, atoms: words.map(String.init))
        }
        let room = lineLimit - name.utf8.count - 2
        return field(name, atoms: EncodedWords.encode(clean, firstLimit: max(room, 30), limit: 75))
    }

    /// An address list; display names are quoted or encoded as needed.
    static func addresses(_ name: String, _ list: [MailAddress]) -> String {
        let mailboxes = list.map(mailboxAtoms).filter { !$0.isEmpty }
        let atoms = mailboxes.enumerated().flatMap { offset, atoms in
            offset < mailboxes.count - 1 ? atoms.dropLast() + [atoms[atoms.count - 1] + ","] : atoms
        }
        return field(name, atoms: atoms)
    }

    /// `Ana Souza <ana@x.com.br>`, `"Souza, Ana" <ana@x.com.br>`, `=?utf-8?Q?Jo=C3=A3o?= <joao@x.com.br>`.
    static func mailbox(_ mailbox: MailAddress) -> String {
        mailboxAtoms(mailbox).joined(separator: " ")
    }

    private static func mailboxAtoms(_ mailbox: MailAddress) -> [String] {
        let address = String(
            singleLine(mailbox.address).unicodeScalars.filter {
                !$0.properties.isWhitespace && $0 != "<" && $0 != ">" && $0 != ","
            })
        guard !address.isEmpty else { return [] }
        let name = singleLine(mailbox.name ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return [address] }
        return phraseAtoms(name) + ["<\(address)>"]
    }

    /// A display name as atoms, one quoted string, or encoded words.
    private static func phraseAtoms(_ name: String) -> [String] {
        if needsEncoding(name) { return EncodedWords.encode(name, context: .phrase, firstLimit: 60, limit: 60) }
        let isAtoms = name.unicodeScalars.allSatisfy { $0 == " " || atext.contains($0) } && !name.contains("  ")
        return isAtoms ? name.split(separator: " ").map(String.init) : [quoted(name)]
    }

    /// Non-ASCII, or ASCII that a decoder would take for an encoded word.
    static func needsEncoding(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value > 0x7E } || text.contains("=?")
    }

    /// Line breaks and other control characters become spaces: header values never carry them.
    static func singleLine(_ value: String) -> String {
        String(
            String.UnicodeScalarView(
                value.unicodeScalars.map { ($0.value < 0x20 && $0 != "\t") || $0 == "\u{7F}" ? " " : $0 }))
    }

    /// A field name is printable ASCII without spaces or colons.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != MailBytes.colon }
    }

    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// RFC 5322 atext: what a display name may contain without quotes.
    private static let atext = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~".unicodeScalars)
}

extension HeaderWriter {
    /// The `name` parameter of `Content-Type`: quoted ASCII, or encoded words inside the quotes, which is
    /// not standard but is what Outlook reads (it ignores RFC 2231). The atoms fold between encoded words.
    static func nameParameterAtoms(_ fileName: String) -> [String] {
        let clean = singleLine(fileName)
        guard needsEncoding(clean) else { return ["name=" + quoted(clean)] }
        var words = EncodedWords.encode(clean, context: .phrase, firstLimit: 60, limit: 70)
        words[0] = "name=\"" + words[0]
        words[words.count - 1] += "\""
        return words
    }

    /// The `filename` parameters of `Content-Disposition`: quoted ASCII, or for non-ASCII names an ASCII
    /// fallback without accents ("relatório" → "relatorio") plus RFC 2231 `filename*=utf-8''…`, split into
    /// `filename*0*`, `filename*1*`… when long.
    static func fileNameParameterAtoms(_ fileName: String) -> [String] {
        let clean = singleLine(fileName)
        guard needsEncoding(clean) else { return ["filename=" + quoted(clean)] }
        let fallback = String(
            String.UnicodeScalarView(
                clean.decomposedStringWithCanonicalMapping.unicodeScalars.compactMap {
                    $0.isASCII ? $0 : ($0.properties.generalCategory == .nonspacingMark ? nil : "_")
                }))
        var encoded = ""
        for byte in clean.utf8 {
            if byte < 0x80, attributeChars.contains(Unicode.Scalar(byte)) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded +=
                    "%"
                    + String(
                        decoding: [MailBytes.hexDigits[Int(byte >> 4)], MailBytes.hexDigits[Int(byte & 0x0F)]],
                        as: UTF8.self)
            }
        }
        let plain = "filename=\(quoted(fallback));"
        if encoded.utf8.count <= 50 { return [plain, "filename*=utf-8''\(encoded)"] }
        var segments: [String] = []
        var current = ""
        var index = encoded.startIndex
        while index < encoded.endIndex {
            // A %XX escape is never split between segments.
            let length = encoded[index] == "%" ? 3 : 1
            let end = encoded.index(index, offsetBy: length, limitedBy: encoded.endIndex) ?? encoded.endIndex
            if current.utf8.count + length > 50 {
                segments.append(current)
                current = ""
            }
            current += encoded[index..<end]
            index = end
        }
        segments.append(current)
        return [plain]
            + segments.enumerated().map { offset, segment in
                let value = "filename*\(offset)*=\(offset == 0 ? "utf-8''" : "")\(segment)"
                return offset < segments.count - 1 ? value + ";" : value
            }
    }

    /// RFC 2231 attribute-char: what an extended value may hold without percent-encoding.
    private static let attributeChars = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~".unicodeScalars)
}
