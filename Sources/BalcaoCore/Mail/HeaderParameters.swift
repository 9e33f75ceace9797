import Foundation

/// A header value with `;`-separated parameters, as in `Content-Type` and `Content-Disposition`.
/// Parameter names are lower-cased; RFC 2231 extended values and continuations are already joined and
/// decoded, and plain values holding RFC 2047 encoded words (Outlook's `name="=?utf-8?B?…?="`) are decoded.
struct HeaderParameters: Equatable {
    /// The part before the first `;`, trimmed and lower-cased (`multipart/mixed`, `attachment`).
    var value: String
    var parameters: [String: String]

    subscript(_ name: String) -> String? { parameters[name] }

    init(_ header: String) {
        let bytes = Array(header.utf8)
        var raw: [(name: String, value: [UInt8], isQuoted: Bool)] = []
        var i = 0
        let valueEnd = Self.scan(bytes, from: 0, until: MailBytes.semicolon)
        value = String(decoding: bytes[0..<valueEnd], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .lowercased()
        i = valueEnd + 1
        while i < bytes.count {
            let end = Self.scan(bytes, from: i, until: MailBytes.semicolon)
            if let equals = bytes[i..<end].firstIndex(of: MailBytes.equals) {
                let name = String(decoding: bytes[i..<equals], as: UTF8.self).trimmingCharacters(
                    in: .whitespacesAndNewlines
                ).lowercased()
                var content = bytes[(equals + 1)..<end]
                while let first = content.first, MailBytes.isWhitespace(first) { content = content.dropFirst() }
                while let last = content.last, MailBytes.isWhitespace(last) { content = content.dropLast() }
                let isQuoted = content.first == MailBytes.quote
                if !name.isEmpty { raw.append((name, isQuoted ? Self.unquote(content) : Array(content), isQuoted)) }
            }
            i = end + 1
        }
        parameters = Self.combine(raw)
    }

    /// Index of the next `until` byte outside quoted strings, or the end.
    private static func scan(_ bytes: [UInt8], from start: Int, until stop: UInt8) -> Int {
        var i = start
        var inQuotes = false
        while i < bytes.count {
            let byte = bytes[i]
            if inQuotes, byte == MailBytes.backslash {
                i += 2
                continue
            }
            if byte == MailBytes.quote { inQuotes.toggle() }
            if byte == stop, !inQuotes { return i }
            i += 1
        }
        return bytes.count
    }

    /// The content of a quoted string, without its quotes and backslash escapes. A missing closing quote
    /// ends the string at the end of the parameter.
    private static func unquote(_ content: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = content.startIndex + 1
        while i < content.endIndex {
            let byte = content[i]
            if byte == MailBytes.backslash, i + 1 < content.endIndex {
                out.append(content[i + 1])
                i += 2
                continue
            }
            if byte == MailBytes.quote { break }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// Joins RFC 2231 pieces: `name*=charset'lang'value`, `name*0=`, `name*1*=`. Extended values win over plain ones.
    private static func combine(_ raw: [(name: String, value: [UInt8], isQuoted: Bool)]) -> [String: String] {
        var plain: [String: String] = [:]
        var segments: [String: [(index: Int, value: [UInt8], isEncoded: Bool)]] = [:]
        for (name, value, _) in raw {
            guard let star = name.firstIndex(of: "*") else {
                if plain[name] == nil { plain[name] = EncodedWords.decode(MailBytes.headerString(value)) }
                continue
            }
            let base = String(name[..<star])
            var rest = name[name.index(after: star)...]
            let isEncoded = rest.hasSuffix("*") || rest.isEmpty
            if rest.hasSuffix("*") { rest = rest.dropLast() }
            // Up to 1000 pieces; an index beyond that is junk.
            guard let index = rest.isEmpty ? 0 : Int(rest), (0..<1000).contains(index) else { continue }
            segments[base, default: []].append((index, value, isEncoded))
        }
        for (base, pieces) in segments {
            let ordered = pieces.sorted { $0.index < $1.index }
            var charset: Charset?
            var isKnownCharset = false
            var bytes: [UInt8] = []
            for (position, piece) in ordered.enumerated() {
                guard piece.isEncoded else {
                    bytes += piece.value
                    continue
                }
                var value = piece.value[...]
                if position == 0 {
                    // charset'language'value; both may be empty, and some mailers omit them altogether.
                    let quotes = value.indices.filter { value[$0] == UInt8(ascii: "'") }.prefix(2)
                    if quotes.count == 2 {
                        let label = String(decoding: value[value.startIndex..<quotes[0]], as: UTF8.self)
                        charset = Charset(label: label)
                        isKnownCharset = charset != nil
                        value = value[(quotes[1] + 1)...]
                    }
                }
                bytes += percentDecoded(value)
            }
            plain[base] = isKnownCharset ? charset?.decode(bytes) : Charset.guess(bytes)
        }
        return plain
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = value.startIndex
        while i < value.endIndex {
            if value[i] == UInt8(ascii: "%"), i + 2 < value.endIndex,
                let high = MailBytes.hexValue(value[i + 1]), let low = MailBytes.hexValue(value[i + 2])
            {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(value[i])
                i += 1
            }
        }
        return out
    }
}
