import Foundation

/// A lenient RFC 5322 address-list parser. It never fails: it reads what it can, in one pass over the bytes.
enum MailAddressParser {
    static func parseList(_ value: String) -> [MailAddress] {
        var parser = State()
        let bytes = Array(value.utf8)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case MailBytes.quote:
                let (content, end) = delimited(bytes, from: i, open: MailBytes.quote, close: MailBytes.quote)
                parser.words.append(Word(bytes: content, isQuoted: true))
                i = end
            case UInt8(ascii: "("):
                let (content, end) = delimited(bytes, from: i, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
                if parser.comment == nil { parser.comment = content }
                i = end
            case UInt8(ascii: "<"):
                let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
                if parser.angle == nil { parser.angle = Array(bytes[(i + 1)..<close]) }
                i = min(close + 1, bytes.count)
            case UInt8(ascii: ","):
                parser.finish()
                i += 1
            case MailBytes.colon where !parser.inGroup && parser.angle == nil && !parser.hasAt:
                // "Team: a@x, b@y;" and "undisclosed-recipients:;": the group name is not an address.
                parser.words = []
                parser.comment = nil
                parser.inGroup = true
                i += 1
            case MailBytes.semicolon:
                parser.finish()
                parser.inGroup = false
                i += 1
            case _ where MailBytes.isWhitespace(byte):
                i += 1
            default:
                var end = i
                while end < bytes.count, !MailBytes.isWhitespace(bytes[end]), !specials.contains(bytes[end]) {
                    end += 1
                }
                if end == i { end += 1 }  // a lone ">" or ":"
                parser.words.append(Word(bytes: Array(bytes[i..<end]), isQuoted: false))
                i = end
            }
        }
        parser.finish()
        return parser.result
    }

    private static let specials: Set<UInt8> = Set("\"(),:;<>".utf8)

    private struct Word {
        var bytes: [UInt8]
        var isQuoted: Bool
        var text: String { MailBytes.headerString(bytes) }
        var hasAt: Bool { !isQuoted && bytes.contains(UInt8(ascii: "@")) }
    }

    private struct State {
        var result: [MailAddress] = []
        var words: [Word] = []
        var angle: [UInt8]?
        var comment: [UInt8]?
        var inGroup = false
        var hasAt: Bool { words.contains { $0.hasAt } }

        mutating func finish() {
            defer {
                words = []
                angle = nil
                comment = nil
            }
            var nameWords = words
            var address: String
            if let angle {
                address = MailBytes.headerString(angle)
                // Obsolete source routes: "<@relay.example:ana@x.com>".
                if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
                    address = String(address[address.index(after: colon)...])
                }
            } else if words.count > 1, let last = words.last, last.hasAt, words.dropLast().allSatisfy({ !$0.hasAt }),
                !words.dropLast().contains(where: { $0.text == "@" })
            {
                // "Ana Souza ana@x.com": a client forgot the angle brackets.
                address = last.text
                nameWords.removeLast()
            } else if hasAt || words.contains(where: { $0.text == "@" }) {
                // A bare addr-spec, possibly written in obsolete pieces ("ana @ x.com"). A lone word without
                // "@" is dropped: it is usually half of an unquoted "Souza, Ana" rather than a local mailbox.
                address = words.map(\.text).joined()
                nameWords = []
            } else {
                return
            }
            address = String(address.unicodeScalars.filter { !$0.properties.isWhitespace })
            address = address.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            guard !address.isEmpty else { return }
            var name = EncodedWords.decode(nameWords.map(\.text).joined(separator: " "))
            if name.isEmpty, let comment { name = EncodedWords.decode(MailBytes.headerString(comment)) }
            name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.count > 1, name.hasPrefix("'"), name.hasSuffix("'") { name = String(name.dropFirst().dropLast()) }
            result.append(MailAddress(name: name.isEmpty ? nil : name, address: address))
        }
    }

    /// The content of a quoted string or (nested) comment starting at `start`, without escapes, and the index
    /// after its end. An unterminated one runs to the end of the value.
    private static func delimited(_ bytes: [UInt8], from start: Int, open: UInt8, close: UInt8) -> ([UInt8], Int) {
        var content: [UInt8] = []
        var depth = 1
        var i = start + 1
        while i < bytes.count {
            let byte = bytes[i]
            if byte == MailBytes.backslash, i + 1 < bytes.count {
                content.append(bytes[i + 1])
                i += 2
                continue
            }
            if byte == close {
                depth -= 1
                if depth == 0 { return (content, i + 1) }
            } else if byte == open, open != close {
                depth += 1
            }
            content.append(byte)
            i += 1
        }
        return (content, bytes.count)
    }
}
