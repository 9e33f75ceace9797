import Foundation

/// A forgiving, single-pass HTML tokenizer used by `HTMLSanitizer`.
///
/// It is a simplified version of the WHATWG tokenizer: it never fails, never recurses, and
/// every scan consumes what it looked at, so the cost is linear in the input size. It works on
/// UTF-8 bytes because every byte that matters to HTML syntax is ASCII.
struct HTMLTokenizer: Sequence, IteratorProtocol {
    /// One attribute of a start tag: ASCII-lowercased name and entity-decoded value.
    struct Attribute: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// A lexical unit. Comments, doctypes and processing instructions produce no token.
    enum Token: Sendable, Equatable {
        /// Character data with entities already decoded (raw-text elements such as `script` are not decoded).
        case text(String)
        /// A start tag; only the first occurrence of a repeated attribute is kept, as browsers do.
        case startTag(name: String, attributes: [Attribute], selfClosing: Bool)
        /// An end tag (its attributes, which HTML ignores, are discarded).
        case endTag(name: String)
    }

    /// Elements whose content is not markup: everything up to the matching end tag is text.
    static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext",
    ]
    /// Raw-text elements whose content still has character references decoded.
    private static let rcdataElements: Set<String> = ["textarea", "title"]

    private let bytes: [UInt8]
    private var pos = 0
    private var pendingRawText: String?

    /// Creates a tokenizer over `html`.
    init(_ html: String) { bytes = Array(html.utf8) }

    /// Returns the next token, or nil at end of input.
    mutating func next() -> Token? {
        if let element = pendingRawText {
            pendingRawText = nil
            if let token = rawText(of: element) { return token }
        }
        let count = bytes.count
        while pos < count {
            let start = pos
            while pos < count, !(bytes[pos] == UInt8(ascii: "<") && startsMarkup(at: pos)) { pos += 1 }
            if pos > start { return .text(Self.decodeEntities(bytes[start..<pos])) }
            if let token = markup() { return token }
        }
        return nil
    }

    // MARK: - Markup

    /// A `<` only opens markup when followed by a letter, `/`, `!` or `?`; otherwise it is text (`a < b`).
    private func startsMarkup(at p: Int) -> Bool {
        guard p + 1 < bytes.count else { return false }
        let c = bytes[p + 1]
        if Self.isAlpha(c) || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { return true }
        return c == UInt8(ascii: "/") && p + 2 < bytes.count
    }

    private mutating func markup() -> Token? {
        let c = bytes[pos + 1]
        if c == UInt8(ascii: "!") {
            if hasPrefix("<!--") { skipComment(); return nil }
            if hasPrefix("<![CDATA[") { return cdata() }
            skipBogusComment()
            return nil
        }
        if c == UInt8(ascii: "?") { skipBogusComment(); return nil }
        if c == UInt8(ascii: "/") {
            let d = bytes[pos + 2]
            if Self.isAlpha(d) { return tag(isEnd: true) }
            if d == UInt8(ascii: ">") { pos += 3; return nil }  // `</>` is ignored entirely
            skipBogusComment()
            return nil
        }
        return tag(isEnd: false)
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        let p = Array(prefix.utf8)
        guard pos + p.count <= bytes.count else { return false }
        return bytes[pos..<(pos + p.count)].elementsEqual(p)
    }

    /// Skips `<!-- ... -->`; also honours `<!-->`, `<!--->` and `--!>` like browsers. Unterminated runs to EOF.
    private mutating func skipComment() {
        let n = bytes.count, dash = UInt8(ascii: "-"), gt = UInt8(ascii: ">")
        var i = pos + 4
        if i < n, bytes[i] == gt { pos = i + 1; return }
        if i + 1 < n, bytes[i] == dash, bytes[i + 1] == gt { pos = i + 2; return }
        while i + 2 < n {
            if bytes[i] == dash, bytes[i + 1] == dash {
                if bytes[i + 2] == gt { pos = i + 3; return }
                if bytes[i + 2] == UInt8(ascii: "!"), i + 3 < n, bytes[i + 3] == gt { pos = i + 4; return }
            }
            i += 1
        }
        pos = n
    }

    /// Doctypes, `<?xml ...?>`, `<!foo>` and `</ foo>` all end at the first `>`.
    private mutating func skipBogusComment() {
        var i = pos + 2
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") { i += 1 }
        pos = Swift.min(i + 1, bytes.count)
    }

    /// CDATA content becomes literal text (the sanitizer re-escapes it, so it stays inert).
    private mutating func cdata() -> Token? {
        let start = pos + 9, n = bytes.count, bracket = UInt8(ascii: "]")
        var i = start
        while i < n, !(bytes[i] == bracket && i + 2 < n && bytes[i + 1] == bracket && bytes[i + 2] == UInt8(ascii: ">")) {
            i += 1
        }
        let end = Swift.min(i, n)
        pos = Swift.min(i + 3, n)
        return end > start ? .text(String(decoding: bytes[start..<end], as: UTF8.self)) : nil
    }

    /// Parses a start or end tag at `pos`. A tag cut off by the end of input is discarded, as browsers do,
    /// which also neutralises truncated payloads such as `<img src=x onerror=alert(1)//`.
    private mutating func tag(isEnd: Bool) -> Token? {
        let n = bytes.count
        let slash = UInt8(ascii: "/"), gt = UInt8(ascii: ">"), eq = UInt8(ascii: "=")
        var i = pos + (isEnd ? 2 : 1)
        let nameStart = i
        while i < n, !Self.isSpace(bytes[i]), bytes[i] != slash, bytes[i] != gt { i += 1 }
        let name = Self.lowercased(bytes[nameStart..<i])
        var attributes: [Attribute] = []
        var seen: Set<String> = []
        var selfClosing = false
        while true {
            while i < n, Self.isSpace(bytes[i]) || bytes[i] == slash {
                if bytes[i] == slash, i + 1 < n, bytes[i + 1] == gt { selfClosing = true }
                i += 1
            }
            guard i < n else { pos = n; return nil }
            if bytes[i] == gt { i += 1; break }
            let attrStart = i
            i += 1  // the first character may be `=`; it is then part of the name
            while i < n, !Self.isSpace(bytes[i]), bytes[i] != slash, bytes[i] != gt, bytes[i] != eq { i += 1 }
            let attrName = Self.lowercased(bytes[attrStart..<i])
            var j = i
            while j < n, Self.isSpace(bytes[j]) { j += 1 }
            var value = ""
            if j < n, bytes[j] == eq {
                j += 1
                while j < n, Self.isSpace(bytes[j]) { j += 1 }
                guard j < n else { pos = n; return nil }
                let quote = bytes[j]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    var k = j + 1
                    while k < n, bytes[k] != quote { k += 1 }
                    guard k < n else { pos = n; return nil }
                    if !isEnd { value = Self.decodeEntities(bytes[(j + 1)..<k]) }
                    i = k + 1
                } else {
                    var k = j
                    while k < n, !Self.isSpace(bytes[k]), bytes[k] != gt { k += 1 }
                    if !isEnd { value = Self.decodeEntities(bytes[j..<k]) }
                    i = k
                }
            } else {
                i = j
            }
            if !isEnd, seen.insert(attrName).inserted {
                attributes.append(Attribute(name: attrName, value: value))
            }
        }
        pos = i
        if isEnd { return .endTag(name: name) }
        if Self.rawTextElements.contains(name) { pendingRawText = name }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    /// Returns the content of a raw-text element, up to (not including) `</name` followed by a delimiter.
    private mutating func rawText(of element: String) -> Token? {
        let name = Array(element.utf8), n = bytes.count
        var i = pos
        if element == "plaintext" { i = n }  // `<plaintext>` never ends
        while i < n {
            if bytes[i] == UInt8(ascii: "<"), i + 1 < n, bytes[i + 1] == UInt8(ascii: "/") {
                let s = i + 2, e = s + name.count
                if e <= n, Self.lowercased(bytes[s..<e]) == element,
                    e == n || Self.isSpace(bytes[e]) || bytes[e] == UInt8(ascii: "/") || bytes[e] == UInt8(ascii: ">")
                {
                    break
                }
            }
            i += 1
        }
        let content = bytes[pos..<i]
        pos = i
        guard !content.isEmpty else { return nil }
        if Self.rcdataElements.contains(element) { return .text(Self.decodeEntities(content)) }
        return .text(String(decoding: content, as: UTF8.self))
    }

    // MARK: - Character classes

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
    static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || (c >= 0x30 && c <= 0x39) }

    private static func lowercased(_ s: ArraySlice<UInt8>) -> String {
        String(decoding: s.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    // MARK: - Character references

    /// Decodes character references in `s` (see `decodeEntities(_:)` on bytes).
    static func decodeEntities(_ s: String) -> String { decodeEntities(Array(s.utf8)[...]) }

    /// Decodes numeric references (`&#106;`, `&#x6A;`, with or without `;`, any number of leading zeros)
    /// and the named references in `namedEntities` (`;` required). Unknown references stay literal; the
    /// sanitizer re-escapes the `&`, so what the browser decodes is exactly what was validated.
    static func decodeEntities(_ b: ArraySlice<UInt8>) -> String {
        let amp = UInt8(ascii: "&")
        guard b.contains(amp) else { return String(decoding: b, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = b.startIndex
        while i < b.endIndex {
            if b[i] == amp, let (scalar, next) = reference(in: b, at: i) {
                UTF8.encode(scalar) { out.append($0) }
                i = next
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func reference(in b: ArraySlice<UInt8>, at amp: Int) -> (Unicode.Scalar, Int)? {
        var j = amp + 1
        guard j < b.endIndex else { return nil }
        if b[j] == UInt8(ascii: "#") {
            j += 1
            var radix: UInt32 = 10
            if j < b.endIndex, b[j] | 0x20 == UInt8(ascii: "x") { radix = 16; j += 1 }
            let digitsStart = j
            var value: UInt32 = 0
            while j < b.endIndex, let d = digit(b[j], radix: radix) {
                if value <= 0x10FFFF { value = value * radix + d }  // saturate instead of overflowing
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < b.endIndex, b[j] == UInt8(ascii: ";") { j += 1 }
            return (numericScalar(value), j)
        }
        let nameStart = j
        while j < b.endIndex, j - nameStart < 32, isAlnum(b[j]) { j += 1 }
        guard j > nameStart, j < b.endIndex, b[j] == UInt8(ascii: ";"),
            let scalar = namedEntities[String(decoding: b[nameStart..<j], as: UTF8.self)]
        else { return nil }
        return (scalar, j + 1)
    }

    private static func digit(_ c: UInt8, radix: UInt32) -> UInt32? {
        if c >= 0x30, c <= 0x39 { return UInt32(c - 0x30) }
        let lower = c | 0x20
        if radix == 16, lower >= 0x61, lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    /// Maps a numeric reference like browsers do: NUL, surrogates and out-of-range values become U+FFFD,
    /// and 0x80–0x9F are read as Windows-1252 (Outlook still emits `&#150;` for an en dash).
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if value == 0 { return replacement }
        if let mapped = windows1252[value] { return mapped }
        return Unicode.Scalar(value) ?? replacement
    }

    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]

    /// Common named references: the whole Latin-1 block (Portuguese accents arrive as `&atilde;` etc.),
    /// typographic punctuation, and the ones used to smuggle URL schemes (`&colon;`, `&Tab;`, `&NewLine;`).
    static let namedEntities: [String: Unicode.Scalar] = {
        var table: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "Tab": "\t",
            "NewLine": "\n", "lpar": "(", "rpar": ")", "sol": "/", "bsol": "\\", "num": "#", "excl": "!",
            "semi": ";", "comma": ",", "period": ".", "equals": "=", "plus": "+", "quest": "?", "commat": "@",
            "percnt": "%", "dollar": "$", "ast": "*", "grave": "`", "lsqb": "[", "rsqb": "]", "lcub": "{",
            "rcub": "}", "verbar": "|", "lowbar": "_", "hellip": "\u{2026}", "mdash": "\u{2014}",
            "ndash": "\u{2013}", "euro": "\u{20AC}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
            "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}",
            "bull": "\u{2022}", "trade": "\u{2122}", "ensp": "\u{2002}", "emsp": "\u{2003}",
            "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "lrm": "\u{200E}", "rlm": "\u{200F}",
            "dagger": "\u{2020}", "Dagger": "\u{2021}", "permil": "\u{2030}", "lsaquo": "\u{2039}",
            "rsaquo": "\u{203A}", "OElig": "\u{0152}", "oelig": "\u{0153}", "Scaron": "\u{0160}",
            "scaron": "\u{0161}", "Yuml": "\u{0178}", "fnof": "\u{0192}", "circ": "\u{02C6}", "tilde": "\u{02DC}",
            "larr": "\u{2190}", "uarr": "\u{2191}", "rarr": "\u{2192}", "darr": "\u{2193}", "harr": "\u{2194}",
        ]
        let latin1 = """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 \
            sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc \
            Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve \
            Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute \
            acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde \
            ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        for (offset, name) in latin1.split(separator: " ").enumerated() {
            table[String(name)] = Unicode.Scalar(UInt8(0xA0 + offset))
        }
        return table
    }()
}
