import Foundation

/// Splits a multipart body at its boundary lines (RFC 2046 §5.1.1), in one pass over the lines.
enum MultipartSplitter {
    struct Result {
        /// The parts, without the line break that belongs to the following delimiter. Preamble and epilogue are dropped.
        var parts: [ArraySlice<UInt8>]
        /// Whether the closing `--boundary--` line was found.
        var isClosed: Bool
    }

    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> Result {
        let delimiter = Array("--".utf8) + Array(boundary.utf8)
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var i = body.startIndex
        while i < body.endIndex {
            let lineFeed = MailBytes.nextLineFeed(in: body, from: i)
            let next = lineFeed < body.endIndex ? lineFeed + 1 : body.endIndex
            if body[i] == MailBytes.dash, let isClose = delimiterKind(body[i..<lineFeed], delimiter: delimiter) {
                if let start = partStart {
                    var end = i
                    if end > start, body[end - 1] == MailBytes.lf { end -= 1 }
                    if end > start, body[end - 1] == MailBytes.cr { end -= 1 }
                    parts.append(body[start..<max(start, end)])
                }
                if isClose { return Result(parts: parts, isClosed: true) }
                partStart = next
            }
            i = next
        }
        if let start = partStart { parts.append(body[start..<body.endIndex]) }
        return Result(parts: parts, isClosed: false)
    }

    /// Nil when `line` is not a delimiter; true for the closing one. Only blanks may follow the boundary
    /// (transport padding), so a boundary that prefixes a longer one is not mistaken for it.
    private static func delimiterKind(_ line: ArraySlice<UInt8>, delimiter: [UInt8]) -> Bool? {
        guard line.starts(with: delimiter) else { return nil }
        var rest = line.dropFirst(delimiter.count)
        var isClose = false
        if rest.starts(with: [MailBytes.dash, MailBytes.dash]) {
            isClose = true
            rest = rest.dropFirst(2)
        }
        return rest.allSatisfy { MailBytes.isBlank($0) || $0 == MailBytes.cr } ? isClose : nil
    }

    /// The boundary of a multipart body whose `Content-Type` lost its parameter: the first line that looks like one.
    static func guessBoundary(_ body: ArraySlice<UInt8>) -> String? {
        var i = body.startIndex
        var lines = 0
        while i < body.endIndex, lines < 200 {
            let lineFeed = MailBytes.nextLineFeed(in: body, from: i)
            var line = body[i..<lineFeed]
            while let last = line.last, MailBytes.isWhitespace(last) { line = line.dropLast() }
            if line.count > 3, line.count <= 100, line.starts(with: [MailBytes.dash, MailBytes.dash]),
                !line.contains(MailBytes.space)
            {
                return String(decoding: line.dropFirst(2), as: UTF8.self)
            }
            i = lineFeed < body.endIndex ? lineFeed + 1 : body.endIndex
            lines += 1
        }
        return nil
    }
}
