import Foundation

extension HTMLSanitizer {
    /// Converts HTML to readable plain text: blocks and `<br>` become line breaks, list items get "- ",
    /// quotes get "> ", links keep their text plus " <url>" when it differs, and script/style are dropped.
    public static func plainText(fromHTML html: String) -> String {
        var writer = PlainTextWriter()
        var dropped: [String] = []
        var listDepth = 0, preDepth = 0
        var paragraphBreak = 2
        var links: [(url: String?, start: Int)] = []
        for token in HTMLTokenizer(html) where !skipDropped(token, &dropped) {
            switch token {
            case .text(let text):
                writer.text(text, preformatted: preDepth > 0)
            case .startTag(let name, let attributes, _):
                switch name {
                case "br": writer.lineBreak()
                case "p":
                    // Outlook writes every line as `<p class=MsoNormal>` with zero margins: treat it as a line.
                    // Paragraphs inside list items are kept tight too, so the list stays readable.
                    let outlook = attributes.contains { $0.name == "class" && $0.value.contains("MsoNormal") }
                    paragraphBreak = outlook || listDepth > 0 ? 1 : 2
                    writer.ensureNewlines(paragraphBreak, opening: true)
                case "h1", "h2", "h3", "h4", "h5", "h6": writer.ensureNewlines(2, opening: true)
                case "ul", "ol":
                    writer.ensureNewlines(listDepth > 0 ? 1 : 2, opening: true)
                    listDepth += 1
                case "li":
                    writer.ensureNewlines(1)
                    // Indentation is capped so that absurd nesting cannot make the output quadratic.
                    writer.prefix(String(repeating: "  ", count: min(max(0, listDepth - 1), 10)) + "- ")
                case "blockquote":
                    writer.ensureNewlines(1, opening: true)
                    writer.quoteDepth += 1
                case "pre":
                    writer.ensureNewlines(2, opening: true)
                    preDepth += 1
                case "hr":
                    writer.ensureNewlines(1)
                    writer.write("---")
                    writer.ensureNewlines(1)
                case "td", "th": writer.space()
                case "a" where links.count < maxDepth:
                    let href = attributes.first { $0.name == "href" }?.value
                    let url = href.flatMap { safeURL($0, schemes: linkSchemes, allowRelative: false) }
                    links.append((url, writer.length))
                default:
                    if lineBlocks.contains(name) { writer.ensureNewlines(1, opening: true) }
                }
            case .endTag(let name):
                switch name {
                case "br": writer.lineBreak()
                case "p": writer.ensureNewlines(paragraphBreak)
                case "h1", "h2", "h3", "h4", "h5", "h6": writer.ensureNewlines(2)
                case "ul", "ol":
                    listDepth = max(0, listDepth - 1)
                    writer.ensureNewlines(listDepth > 0 ? 1 : 2)
                case "blockquote":
                    writer.quoteDepth = max(0, writer.quoteDepth - 1)
                    writer.ensureNewlines(1)
                case "pre":
                    preDepth = max(0, preDepth - 1)
                    writer.ensureNewlines(2)
                case "a":
                    guard let link = links.popLast(), let url = link.url else { break }
                    let text = writer.text(since: link.start)
                    if !text.isEmpty, comparableURL(text) != comparableURL(url) {
                        writer.space()
                        writer.write("<\(url)>")
                    }
                default:
                    if lineBlocks.contains(name) || name == "li" { writer.ensureNewlines(1) }
                }
            }
        }
        return writer.finish()
    }

    /// Block elements that start and end on their own line (without a blank line around them).
    static let lineBlocks: Set<String> = [
        "div", "tr", "table", "thead", "tbody", "tfoot", "caption", "dl", "dt", "dd", "section", "article",
        "header", "footer", "nav", "aside", "main", "address", "center", "form", "fieldset", "figure",
        "figcaption", "details", "summary", "body",
    ]

    /// `https://Example.com/` and `example.com` (or `mailto:a@b` and `a@b`) count as the same link text.
    private static func comparableURL(_ s: String) -> String {
        var v = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        for scheme in ["mailto:", "https://", "http://"] where v.hasPrefix(scheme) {
            v.removeFirst(scheme.count)
        }
        while v.hasSuffix("/") { v.removeLast() }
        return v
    }

    /// Converts plain text to HTML: blank-line separated paragraphs become `<p>`, single newlines `<br>`,
    /// and http(s) URLs become links with the same `rel`/`target` as sanitized links.
    public static func html(fromPlainText text: String) -> String {
        var paragraphs: [String] = []
        var lines: [String] = []
        var line: [Unicode.Scalar] = []
        func endLine() {
            if line.allSatisfy({ $0.properties.isWhitespace }) {
                if !lines.isEmpty { paragraphs.append("<p>" + lines.joined(separator: "<br>") + "</p>") }
                lines = []
            } else {
                lines.append(linkify(line))
            }
            line = []
        }
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previous != "\r" { endLine() }  // CRLF is one line break
            } else if scalar == "\r" {
                endLine()
            } else {
                line.append(scalar)
            }
            previous = scalar
        }
        endLine()
        endLine()  // an empty line flushes the last paragraph
        return paragraphs.joined(separator: "\n")
    }

    /// Escapes one line of plain text and wraps http(s) URLs in safe links.
    private static func linkify(_ s: [Unicode.Scalar]) -> String {
        var out = ""
        var segmentStart = 0, i = 0
        while i < s.count {
            if s[i] == "h" || s[i] == "H", i == 0 || !isWordScalar(s[i - 1]), let length = urlLength(s, at: i) {
                let url = string(s[i..<(i + length)])
                out += escapeText(string(s[segmentStart..<i]))
                out += "<a href=\"\(escape(url))\" rel=\"\(linkRel)\" target=\"_blank\">\(escapeText(url))</a>"
                i += length
                segmentStart = i
            } else {
                i += 1
            }
        }
        return out + escapeText(string(s[segmentStart...]))
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) }

    /// Length of the http(s) URL starting at `start`, without trailing punctuation or an unbalanced `)`/`]`.
    /// The scheme is checked before scanning, and a found URL is skipped, so linkify stays linear.
    private static func urlLength(_ s: [Unicode.Scalar], at start: Int) -> Int? {
        let head = string(s[start..<min(s.count, start + 8)]).lowercased()
        let prefix = head.hasPrefix("https://") ? 8 : head.hasPrefix("http://") ? 7 : 0
        guard prefix > 0 else { return nil }
        var end = start + prefix
        var balance: [Unicode.Scalar: Int] = [")": 0, "]": 0]  // closers minus openers
        while end < s.count, !isBlank(s[end]), s[end].value >= 0x20, !"<>\"".unicodeScalars.contains(s[end]) {
            switch s[end] {
            case "(": balance[")", default: 0] -= 1
            case ")": balance[")", default: 0] += 1
            case "[": balance["]", default: 0] -= 1
            case "]": balance["]", default: 0] += 1
            default: break
            }
            end += 1
        }
        while end > start + prefix {
            let last = s[end - 1]
            if ".,;:!?'*".unicodeScalars.contains(last) {
                end -= 1
            } else if let open = balance[last], open > 0 {
                balance[last] = open - 1
                end -= 1
            } else {
                break
            }
        }
        return end > start + prefix ? end - start : nil
    }
}

/// Accumulates plain text while collapsing whitespace roughly the way a browser lays text out.
private struct PlainTextWriter {
    private var out = ""
    /// The current line already has its quote prefix (and possibly a list marker).
    private var lineOpen = false
    /// The current line has real content, so a collapsed space before more content is meaningful.
    private var hasContent = false
    /// The current line holds only a list marker: a block opening inside `<li>` continues on it.
    private var markerOnly = false
    private var pendingSpace = false
    private var trailingNewlines = 0
    var quoteDepth = 0

    /// Quote markers per line, capped so absurd nesting cannot make the output quadratic.
    private var quoteMarks: Int { min(quoteDepth, 20) }

    var length: Int { out.utf8.count }

    func text(since offset: Int) -> String {
        String(decoding: out.utf8.dropFirst(offset), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private mutating func openLine() {
        if !lineOpen, quoteDepth > 0 { out += String(repeating: "> ", count: quoteMarks) }
        lineOpen = true
    }

    /// Writes content (no newlines) preceded by a collapsed space if one is pending.
    mutating func write(_ s: String) {
        openLine()
        if pendingSpace, hasContent { out += " " }
        out += s
        pendingSpace = false
        markerOnly = false
        hasContent = true
        trailingNewlines = 0
    }

    /// Writes a line marker such as "- " after which leading whitespace is still ignored.
    mutating func prefix(_ s: String) {
        openLine()
        out += s
        markerOnly = true
        trailingNewlines = 0
    }

    mutating func space() { if hasContent { pendingSpace = true } }

    mutating func lineBreak() {
        if !lineOpen, quoteDepth > 0 { out += String(repeating: ">", count: quoteMarks) }
        out += "\n"
        lineOpen = false
        markerOnly = false
        hasContent = false
        pendingSpace = false
        trailingNewlines += 1
    }

    /// Ends the current line and adds blank lines until `count` newlines end the text (none at the start).
    /// A block `opening` right after a list marker stays on the marker's line (`<li><p>x` gives "- x").
    mutating func ensureNewlines(_ count: Int, opening: Bool = false) {
        guard !out.isEmpty, !(opening && markerOnly) else { return }
        if lineOpen { lineBreak() }
        while trailingNewlines < count { lineBreak() }
    }

    /// Adds decoded character data; outside `<pre>` whitespace runs (and NBSP) collapse to one space.
    mutating func text(_ text: String, preformatted: Bool) {
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { write(String(word)) }
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if preformatted {
                if scalar == "\n" {
                    flush()
                    lineBreak()
                } else if scalar != "\r" {
                    word.append(scalar)
                }
            } else if scalar == "\u{00A0}" {
                // NBSP is not collapsible: `<p>&nbsp;</p>` (Outlook's blank line) must still produce a line.
                flush()
                if hasContent { space() } else { write("") }
            } else if scalar.properties.isWhitespace {
                flush()
                space()
            } else if scalar.value >= 0x20, scalar.value != 0x7F, scalar.value != 0xAD {  // 0xAD: soft hyphen
                word.append(scalar)
            }
        }
        flush()
    }

    /// Trims trailing spaces on each line, keeps at most one blank line in a row, trims the ends.
    func finish() -> String {
        var lines: [Substring] = []
        var blank = 0
        for line in out.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = line
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            blank = line.isEmpty ? blank + 1 : 0
            if blank < 2 { lines.append(line) }
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
