import Foundation

/// The header fields of a message or MIME part, in order. Values are unfolded but otherwise raw: encoded
/// words are not decoded, so structured fields can still be parsed.
public struct MailHeaders: Sendable {
    /// Every field in the order it was written.
    public var fields: [(name: String, value: String)] {
        didSet { positions = Self.index(fields) }
    }
    /// Lower-cased name → positions in `fields`, so lookups stay cheap on messages with thousands of fields.
    private var positions: [String: [Int]]

    /// Creates headers from fields in order.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
        self.positions = Self.index(fields)
    }

    /// The first field named `name` (case-insensitive), unfolded and trimmed.
    public subscript(_ name: String) -> String? {
        positions[name.lowercased()]?.first.map { fields[$0].value }
    }

    /// Every field named `name` (case-insensitive), in order.
    public func all(_ name: String) -> [String] {
        (positions[name.lowercased()] ?? []).map { fields[$0].value }
    }

    private static func index(_ fields: [(name: String, value: String)]) -> [String: [Int]] {
        var positions: [String: [Int]] = [:]
        for (offset, field) in fields.enumerated() { positions[field.name.lowercased(), default: []].append(offset) }
        return positions
    }
}

extension MailHeaders {
    /// The result of reading a header block.
    struct Block {
        var headers: MailHeaders
        /// Where the body starts: after the blank line, or where the header block visibly stopped.
        var bodyStart: Int
        /// False when the input ended without the blank line that separates headers from the body.
        var hasBlankLine: Bool
    }

    /// Reads the header block at the start of `bytes`. Lines end in CRLF or a bare LF; a line starting
    /// with a space or tab continues the previous field. A line without a colon is skipped with a warning,
    /// unless it looks like the body began without a blank line (the next line is neither a field nor blank).
    static func parse(_ bytes: ArraySlice<UInt8>, warnings: inout [String]) -> Block {
        var fields: [(name: String, value: String)] = []
        var currentName: String?
        var currentValue: [UInt8] = []
        func flush() {
            guard let name = currentName else { return }
            var value = currentValue[...]
            while let first = value.first, MailBytes.isWhitespace(first) { value = value.dropFirst() }
            while let last = value.last, MailBytes.isWhitespace(last) { value = value.dropLast() }
            fields.append((name, MailBytes.headerString(value)))
            currentName = nil
            currentValue = []
        }

        var i = bytes.startIndex
        var lineNumber = 0
        var skippedLines = 0
        func reportSkipped() {
            if skippedLines > 0 { warnings.append("\(skippedLines) header line(s) without a colon were ignored") }
        }
        while i < bytes.endIndex {
            let lineFeed = MailBytes.nextLineFeed(in: bytes, from: i)
            var lineEnd = lineFeed
            if lineEnd > i, bytes[lineEnd - 1] == MailBytes.cr { lineEnd -= 1 }
            let line = bytes[i..<lineEnd]
            let next = lineFeed < bytes.endIndex ? lineFeed + 1 : bytes.endIndex
            defer { lineNumber += 1 }
            if line.isEmpty {
                flush()
                reportSkipped()
                return Block(headers: MailHeaders(fields), bodyStart: next, hasBlankLine: true)
            }
            if MailBytes.isBlank(line[line.startIndex]) {
                if currentName != nil {
                    currentValue += line  // unfolding removes the line break and keeps the leading space
                } else if !fields.isEmpty || lineNumber > 0 {
                    skippedLines += 1
                } else {
                    warnings.append("the message starts with an indented line; read as body")
                    return Block(headers: MailHeaders(), bodyStart: i, hasBlankLine: false)
                }
            } else if let name = fieldName(line) {
                flush()
                currentName = name.name
                currentValue = Array(line[(name.colon + 1)...])
            } else if lineNumber == 0, line.starts(with: "From ".utf8) {
                // An mbox separator line ("From ana@x Tue Mar 3 …") left in front of the message.
            } else if fields.isEmpty, currentName == nil {
                warnings.append("no header block; everything was read as body")
                return Block(headers: MailHeaders(), bodyStart: i, hasBlankLine: false)
            } else if next < bytes.endIndex, !continuesHeaders(bytes[next...]) {
                flush()
                reportSkipped()
                warnings.append("no blank line after the headers; the body starts at line \(lineNumber + 1)")
                return Block(headers: MailHeaders(fields), bodyStart: i, hasBlankLine: false)
            } else {
                flush()
                skippedLines += 1
            }
            i = next
        }
        flush()
        reportSkipped()
        return Block(headers: MailHeaders(fields), bodyStart: bytes.endIndex, hasBlankLine: false)
    }

    /// The field name of `line` and the index of its colon. Names are printable ASCII without spaces; the
    /// obsolete syntax allows blanks before the colon (`Subject : x`).
    private static func fieldName(_ line: ArraySlice<UInt8>) -> (name: String, colon: Int)? {
        var i = line.startIndex
        while i < line.endIndex, line[i] > 0x20, line[i] < 0x7F, line[i] != MailBytes.colon { i += 1 }
        let nameEnd = i
        while i < line.endIndex, MailBytes.isBlank(line[i]) { i += 1 }
        guard nameEnd > line.startIndex, i < line.endIndex, line[i] == MailBytes.colon else { return nil }
        return (String(decoding: line[line.startIndex..<nameEnd], as: UTF8.self), i)
    }

    /// Whether the bytes begin with a header field, a continuation line or the blank line ending the headers.
    private static func continuesHeaders(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if MailBytes.isBlank(first) || first == MailBytes.cr || first == MailBytes.lf { return true }
        let lineFeed = bytes.prefix(1000).firstIndex(of: MailBytes.lf) ?? min(bytes.endIndex, bytes.startIndex + 1000)
        return fieldName(bytes[bytes.startIndex..<lineFeed]) != nil
    }
}
