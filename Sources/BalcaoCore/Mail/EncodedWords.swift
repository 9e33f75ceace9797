import Foundation

/// RFC 2047 encoded words (`=?UTF-8?Q?Ol=C3=A1?=`) in header text.
enum EncodedWords {
    /// Decodes every encoded word in `value`. Whitespace between two adjacent encoded words is dropped,
    /// and adjacent words in the same charset are decoded together, so a character split across two words
    /// (as some mailers do) comes out whole. Malformed words are left as written. Words glued to other text
    /// are decoded too: strict parsers refuse them, but the clients that write them expect them read.
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        let bytes = Array(value.utf8)
        var scanner = StopScanner(bytes: bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pending: (charset: Charset?, bytes: [UInt8])?
        var heldWhitespace: [UInt8] = []
        var afterWord = false

        func flushPending() {
            guard let run = pending else { return }
            let text = run.charset.map { $0.decode(run.bytes) } ?? Charset.guess(run.bytes)
            out += text.utf8
            pending = nil
        }

        var i = 0
        while i < bytes.count {
            if bytes[i] == MailBytes.equals, let word = parseWord(bytes, at: i, scanner: &scanner) {
                heldWhitespace = []  // only whitespace separated it from the previous word
                if let run = pending, run.charset == word.charset {
                    pending?.bytes += word.bytes
                } else {
                    flushPending()
                    pending = (word.charset, word.bytes)
                }
                afterWord = true
                i = word.end
                continue
            }
            let byte = bytes[i]
            if afterWord, MailBytes.isWhitespace(byte) {
                heldWhitespace.append(byte)
            } else {
                flushPending()
                out += heldWhitespace
                heldWhitespace = []
                afterWord = false
                out.append(byte)
            }
            i += 1
        }
        flushPending()
        out += heldWhitespace
        return String(decoding: out, as: UTF8.self)
    }

    private struct Word {
        var charset: Charset?
        var bytes: [UInt8]
        var end: Int
    }

    /// Reads `=?charset?B|Q?text?=` at `start`, or returns nil when the word is malformed.
    private static func parseWord(_ bytes: [UInt8], at start: Int, scanner: inout StopScanner) -> Word? {
        guard start + 1 < bytes.count, bytes[start + 1] == MailBytes.question else { return nil }
        var i = start + 2
        let charsetStart = i
        while i < bytes.count, i - charsetStart <= 64, bytes[i] != MailBytes.question, !MailBytes.isWhitespace(bytes[i])
        {
            i += 1
        }
        guard i + 2 < bytes.count, i > charsetStart, bytes[i] == MailBytes.question, bytes[i + 2] == MailBytes.question
        else { return nil }
        let encoding = bytes[i + 1] | 0x20  // ASCII lower case
        guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else { return nil }
        let textStart = i + 3
        // An encoded word holds no whitespace, so it ends at the first "?=" before any whitespace.
        let stop = scanner.nextStop(from: textStart)
        guard stop + 1 < bytes.count, bytes[stop] == MailBytes.question, bytes[stop + 1] == MailBytes.equals else {
            return nil
        }
        let text = bytes[textStart..<stop]
        // RFC 2231 lets a language follow the charset: "UTF-8*pt-BR".
        var label = String(decoding: bytes[charsetStart..<i], as: UTF8.self)
        if let star = label.firstIndex(of: "*") { label = String(label[..<star]) }
        let decoded: [UInt8]
        if encoding == UInt8(ascii: "b") {
            guard Base64.isStrict(text) else { return nil }
            decoded = Base64.decode(text).data
        } else {
            guard let q = decodeQ(text) else { return nil }
            decoded = q
        }
        return Word(charset: Charset(label: label), bytes: decoded, end: stop + 2)
    }

    /// The Q encoding: quoted-printable where "_" is a space. A broken "=" escape makes the word malformed.
    private static func decodeQ(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            if byte == MailBytes.equals {
                guard i + 2 < text.endIndex, let high = MailBytes.hexValue(text[i + 1]),
                    let low = MailBytes.hexValue(text[i + 2])
                else { return nil }
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(byte == UInt8(ascii: "_") ? MailBytes.space : byte)
                i += 1
            }
        }
        return out
    }

    /// Finds the next "?=" or whitespace. The last answer is remembered: any search starting between the
    /// previous start and the stop it found has the same answer, which keeps decoding linear even for
    /// megabytes of "=?x?q?" fragments.
    private struct StopScanner {
        let bytes: [UInt8]
        var cachedFrom = Int.max
        var cachedStop = 0

        mutating func nextStop(from start: Int) -> Int {
            if start >= cachedFrom, start <= cachedStop { return cachedStop }
            var i = start
            while i < bytes.count, !MailBytes.isWhitespace(bytes[i]),
                !(bytes[i] == MailBytes.question && i + 1 < bytes.count && bytes[i + 1] == MailBytes.equals)
            {
                i += 1
            }
            cachedFrom = start
            cachedStop = i
            return i
        }
    }
}

extension EncodedWords {
    /// Where an encoded word goes: free text (a subject) or a phrase (a display name), which allows fewer
    /// literal characters in Q words (RFC 2047 §5).
    enum Context {
        case text, phrase
    }

    /// Characters the Q encoding may leave as they are: in text any printable ASCII but "=", "?" and "_";
    /// in a phrase only letters, digits and "!*+-/" (RFC 2047 §5 (1) and (3)).
    private static func isQSafe(_ byte: UInt8, _ context: Context) -> Bool {
        if context == .text {
            return byte > 0x20 && byte < 0x7F && byte != MailBytes.equals && byte != MailBytes.question
                && byte != UInt8(ascii: "_")
        }
        return switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"): true
        default: false
        }
    }

    /// Encodes `text` as UTF-8 encoded words, never splitting a character, each word at most `firstLimit`
    /// (the first) or `limit` characters long, in Q for mostly-Latin text and B otherwise.
    static func encode(_ text: String, context: Context = .text, firstLimit: Int = 75, limit: Int = 75) -> [String] {
        let utf8 = Array(text.utf8)
        let qLength = utf8.reduce(0) { $0 + (isQSafe($1, context) || $1 == MailBytes.space ? 1 : 3) }
        // Q stays readable in raw form, so it wins unless B is clearly shorter (Portuguese is about even).
        let bLength = (utf8.count + 2) / 3 * 4
        let useQ = qLength <= bLength + bLength / 4
        let prefix = useQ ? "=?utf-8?Q?" : "=?utf-8?B?"
        let overhead = prefix.utf8.count + 2

        func encodedLength(_ bytes: [UInt8]) -> Int {
            useQ
                ? bytes.reduce(0) { $0 + (isQSafe($1, context) || $1 == MailBytes.space ? 1 : 3) }
                : (bytes.count + 2) / 3 * 4
        }
        func word(_ bytes: [UInt8]) -> String {
            if useQ {
                var out = ""
                for byte in bytes {
                    if isQSafe(byte, context) {
                        out.unicodeScalars.append(Unicode.Scalar(byte))
                    } else if byte == MailBytes.space {
                        out += "_"
                    } else {
                        out +=
                            "="
                            + String(
                                decoding: [MailBytes.hexDigits[Int(byte >> 4)], MailBytes.hexDigits[Int(byte & 0x0F)]],
                                as: UTF8.self)
                    }
                }
                return prefix + out + "?="
            }
            return prefix + Data(bytes).base64EncodedString() + "?="
        }

        var words: [String] = []
        var chunk: [UInt8] = []
        // A character too long for one word (a long emoji sequence) is split into its scalars.
        let units: [[UInt8]] = text.flatMap { character -> [[UInt8]] in
            let bytes = Array(String(character).utf8)
            return encodedLength(bytes) + overhead <= min(firstLimit, limit)
                ? [bytes] : character.unicodeScalars.map { Array(String($0).utf8) }
        }
        for unit in units {
            let room = (words.isEmpty ? firstLimit : limit) - overhead
            if !chunk.isEmpty, encodedLength(chunk + unit) > room {
                words.append(word(chunk))
                chunk = []
            }
            chunk += unit
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }
}
