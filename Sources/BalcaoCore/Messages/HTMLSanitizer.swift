import Foundation

/// Allow-list HTML sanitizer and HTML/plain-text converters for email and ticket message bodies.
///
/// Everything is re-serialized from tokens: only allow-listed tags and attributes are emitted, text and
/// attribute values are decoded and re-escaped, and every opened tag is closed. The output therefore
/// never contains markup that the input did not express through the allow-list.
public enum HTMLSanitizer {
    /// Value of the `rel` attribute added to every emitted link.
    static let linkRel = "noopener noreferrer nofollow"

    /// The only elements that survive sanitizing.
    static let allowedTags: Set<String> = [
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike", "blockquote", "pre", "code",
        "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
        "hr", "img", "sub", "sup",
    ]
    /// Allowed elements that have no content and no end tag.
    static let voidTags: Set<String> = ["br", "hr", "img"]
    /// Elements dropped together with everything inside them (other disallowed tags are only unwrapped).
    static let dropContentTags: Set<String> = [
        "script", "style", "iframe", "object", "embed", "noscript", "template", "head", "title", "svg", "math",
        "xml", "applet", "noembed", "noframes", "frameset",
    ]
    /// Tags that may appear inside `<head>`; anything else implicitly ends a head left unclosed.
    static let headContentTags: Set<String> = [
        "meta", "link", "base", "title", "style", "script", "noscript", "template", "basefont", "bgsound", "xml",
    ]
    /// Start tags that close an open `<p>`, mirroring the HTML parser so the output nests the same way.
    static let paragraphClosers: Set<String> = [
        "p", "div", "ul", "ol", "li", "blockquote", "pre", "table", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    ]
    /// A heading start tag closes a heading that is the current element.
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Nesting cap: keeps end-tag lookups bounded (no quadratic blow-up on `<div>` x 1e6).
    static let maxDepth = 256

    /// Schemes allowed in `a[href]` (relative and fragment URLs are allowed too).
    static let linkSchemes: Set<String> = ["http", "https", "mailto"]
    /// Schemes allowed in `img[src]`; `cid:` points at inline email attachments. No relative URLs.
    static let imageSchemes: Set<String> = ["http", "https", "cid"]

    // MARK: - Public API

    /// Returns a safe, well-formed HTML fragment containing only allow-listed tags and attributes.
    public static func sanitize(_ html: String) -> String {
        var open = OpenElements()
        open.out.reserveCapacity(html.utf8.count)
        var dropped: [String] = []
        for token in HTMLTokenizer(html) where !skipDropped(token, &dropped) {
            switch token {
            case .text(let text):
                open.out += escapeText(text)
            case .startTag(let name, let attributes, _):
                guard allowedTags.contains(name) else { continue }
                closeImplied(by: name, open: &open)
                guard let tag = startTag(name, attributes) else { continue }
                if voidTags.contains(name) {
                    open.out += tag
                } else if open.depth < maxDepth {
                    open.push(name, tag: tag)
                }
            case .endTag(let name):
                if name == "br" { open.out += "<br>"; continue }  // browsers treat `</br>` as `<br>`
                guard open.contains(name), let index = open.lastIndex(of: name) else { continue }  // stray end tag
                open.close(from: index)
            }
        }
        open.close(from: 0)
        return open.out
    }

    /// HTML-escapes `&`, `<`, `>`, `"` and `'`, making `text` safe in element content and quoted attributes.
    public static func escape(_ text: String) -> String { escapeBytes(text, quotes: true) }

    // MARK: - Sanitizer internals

    /// Tracks elements whose whole content is discarded; returns true when `token` must be skipped.
    static func skipDropped(_ token: HTMLTokenizer.Token, _ dropped: inout [String]) -> Bool {
        // A `<head>` that is never closed ends at the first body content, as in the HTML parser;
        // otherwise a sloppy email would lose its entire body.
        if dropped.count == 1, dropped[0] == "head" {
            switch token {
            case .text(let text) where !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }):
                dropped = []
            case .startTag(let name, _, _) where !headContentTags.contains(name):
                dropped = []
            default: break
            }
        }
        switch token {
        case .text:
            return !dropped.isEmpty
        case .startTag(let name, _, let selfClosing):
            guard dropContentTags.contains(name) else { return !dropped.isEmpty }
            // `embed` is void and `<svg/>` is a complete foreign element: neither has content to skip.
            // (`<script/>` is NOT self-closing in HTML, its content follows.)
            if name == "embed" || (selfClosing && (name == "svg" || name == "math")) { return true }
            if dropped.count < maxDepth { dropped.append(name) }
            return true
        case .endTag(let name):
            guard !dropped.isEmpty else { return false }
            if let index = dropped.lastIndex(of: name) { dropped.removeSubrange(index...) }
            return true
        }
    }

    /// Closes elements that the HTML parser would implicitly close before opening `name`
    /// (`<li>` ends the previous item, a block ends an open `<p>`, a cell ends the previous cell...).
    private static func closeImplied(by name: String, open: inout OpenElements) {
        func closeNearest(_ targets: [String], stoppingAt boundaries: [String]) {
            guard targets.contains(where: open.contains) else { return }  // common case: O(1)
            if let index = open.lastIndex(where: { targets.contains($0) || boundaries.contains($0) }),
                targets.contains(open.name(at: index))
            {
                open.close(from: index)
            }
        }
        switch name {
        case "li": closeNearest(["li"], stoppingAt: ["ul", "ol", "table", "td", "th"])
        case "td", "th": closeNearest(["td", "th"], stoppingAt: ["tr", "table"])
        case "tr":
            closeNearest(["tr"], stoppingAt: ["table"])
            closeNearest(["td", "th"], stoppingAt: ["table"])  // a row cannot start inside a cell
        case "thead", "tbody": closeNearest(["thead", "tbody"], stoppingAt: ["table"])
        case "a": closeNearest(["a"], stoppingAt: ["td", "th", "table"])
        default: break
        }
        if paragraphClosers.contains(name) { closeNearest(["p"], stoppingAt: ["td", "th", "table"]) }
        if headings.contains(name), let last = open.last, headings.contains(last) { open.close(from: open.depth - 1) }
    }

    /// Renders an allowed start tag with its allowed attributes, or nil when the element is pointless
    /// without a rejected attribute (`<a>` without a safe href, `<img>` without a safe src): it is unwrapped.
    private static func startTag(_ name: String, _ attributes: [HTMLTokenizer.Attribute]) -> String? {
        func value(_ attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }
        switch name {
        case "a":
            guard let href = value("href").flatMap({ safeURL($0, schemes: linkSchemes, allowRelative: true) })
            else { return nil }
            var tag = "<a href=\"\(escape(href))\""
            if let title = value("title") { tag += " title=\"\(escape(cleanAttribute(title)))\"" }
            return tag + " rel=\"\(linkRel)\" target=\"_blank\">"
        case "img":
            guard let src = value("src").flatMap({ safeURL($0, schemes: imageSchemes, allowRelative: false) })
            else { return nil }
            var tag = "<img src=\"\(escape(src))\""
            if let alt = value("alt") { tag += " alt=\"\(escape(cleanAttribute(alt)))\"" }
            for dimension in ["width", "height"] {
                if let v = value(dimension).map(trimmed), isDimension(v) { tag += " \(dimension)=\"\(v)\"" }
            }
            return tag + ">"
        case "td", "th":
            var tag = "<\(name)"
            for span in ["colspan", "rowspan"] {
                if let v = value(span).map(trimmed), let n = Int(v), (1...999).contains(n) { tag += " \(span)=\"\(n)\"" }
            }
            return tag + ">"
        default:
            return "<\(name)>"
        }
    }

    /// Returns the URL to emit if its scheme is allowed (or, when `allowRelative`, it has none), else nil.
    ///
    /// Browsers strip leading/trailing C0 controls and spaces and ignore tabs/newlines anywhere in a URL,
    /// so the scheme is read from a probe with every control and whitespace character removed: that
    /// catches `java\tscript:`, ` \u{1}javascript:`, `jav&#x0A;ascript:` (already decoded here) and so on.
    /// Anything that looks like a scheme but is not allow-listed is rejected, being stricter than browsers.
    static func safeURL(_ raw: String, schemes: Set<String>, allowRelative: Bool) -> String? {
        let kept = Array(raw.unicodeScalars).filter { !isControl($0) }
        guard let first = kept.firstIndex(where: { !isBlank($0) }), let last = kept.lastIndex(where: { !isBlank($0) })
        else { return nil }
        let url = String(String.UnicodeScalarView(kept[first...last]))
        let probe = kept[first...last].filter { !isBlank($0) }
        var scheme = ""
        for scalar in probe {
            if scalar == ":" {
                return schemes.contains(scheme.lowercased()) ? url : nil
            }
            if scalar == "/" || scalar == "?" || scalar == "#" { break }
            scheme.unicodeScalars.append(scalar)
        }
        return allowRelative ? url : nil
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (0x7F...0x9F).contains(s.value) }
    /// Whitespace or an invisible format character (zero-width space, BOM, soft hyphen, bidi marks...).
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || (0x200B...0x200F).contains(s.value) || s.value == 0xFEFF || s.value == 0x00AD
            || (0x2060...0x2064).contains(s.value)
    }
    private static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }
    private static func isDimension(_ v: String) -> Bool {
        let digits = v.hasSuffix("%") ? v.dropLast() : Substring(v)
        return (1...4).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
    /// Attribute text (`title`, `alt`) with control characters turned into spaces.
    private static func cleanAttribute(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { isControl($0) ? " " : $0 }))
    }

    /// Escapes text content. Quotes need no escaping outside attributes; keeping them readable helps
    /// Portuguese text (`d'água`). NUL and other C0 controls (except tab/newline/CR) are dropped.
    static func escapeText(_ text: String) -> String { escapeBytes(text, quotes: false) }

    /// Byte-level escaping: every byte that matters is ASCII, and appending bytes is reliably linear.
    private static func escapeBytes(_ text: String, quotes: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): if quotes { out.append(contentsOf: "&quot;".utf8) } else { out.append(byte) }
            case UInt8(ascii: "'"): if quotes { out.append(contentsOf: "&#39;".utf8) } else { out.append(byte) }
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: if quotes { out.append(byte) }  // `escape` is a pure escaper: it keeps controls
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The sanitizer's output plus the stack of elements it has opened, with per-name counts so that
/// "is a `<p>` open?" and stray end tags cost O(1) instead of a stack scan.
private struct OpenElements {
    var out = ""
    private var names: [String] = []
    private var counts: [String: Int] = [:]

    var depth: Int { names.count }
    var last: String? { names.last }
    func name(at index: Int) -> String { names[index] }
    func contains(_ name: String) -> Bool { counts[name, default: 0] > 0 }
    func lastIndex(of name: String) -> Int? { names.lastIndex(of: name) }
    func lastIndex(where predicate: (String) -> Bool) -> Int? { names.lastIndex(where: predicate) }

    mutating func push(_ name: String, tag: String) {
        names.append(name)
        counts[name, default: 0] += 1
        out += tag
    }

    /// Emits end tags for the elements from `index` to the top of the stack, innermost first.
    mutating func close(from index: Int) {
        guard index < names.count else { return }
        for name in names[index...].reversed() {
            out += "</\(name)>"
            counts[name, default: 0] -= 1
        }
        names.removeSubrange(index...)
    }
}
