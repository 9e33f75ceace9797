import Foundation

/// A `Content-Transfer-Encoding`. Unknown values (`x-uuencode`, typos) are read as identity with a warning.
enum TransferEncoding: Equatable {
    case identity, quotedPrintable, base64
    case unknown(String)

    init(_ headerValue: String?) {
        let value = (headerValue ?? "").split(separator: ";").first.map(String.init) ?? ""
        switch value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "", "7bit", "8bit", "binary", "7-bit", "8-bit": self = .identity
        case "quoted-printable": self = .quotedPrintable
        case "base64": self = .base64
        case let other: self = .unknown(other)
        }
    }

    /// Decodes a part body. `warning` is set when the data was damaged or the encoding unknown.
    func decode(_ body: ArraySlice<UInt8>) -> (data: [UInt8], warning: String?) {
        switch self {
        case .identity: return (Array(body), nil)
        case .quotedPrintable: return (QuotedPrintable.decode(body), nil)
        case .base64:
            let (data, isTruncated) = Base64.decode(body)
            return (data, isTruncated ? "base64 data is truncated; the last bits were dropped" : nil)
        case .unknown(let name): return (Array(body), "unknown transfer encoding \"\(name)\"; read as is")
        }
    }
}

/// RFC 2045 §6.7 quoted-printable.
enum QuotedPrintable {
    /// Decodes leniently: soft breaks after `=` (with CRLF or bare LF), hex in either case, and any `=`
    /// that does not start a valid escape is kept as written. Whitespace before a line end is transport
    /// padding and is removed, as the RFC requires.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let byte = bytes[i]
            if byte == MailBytes.equals {
                var j = i + 1
                while j < end, MailBytes.isBlank(bytes[j]) { j += 1 }
                if j == end { break }  // "=" at the very end: a soft break with nothing after it
                if bytes[j] == MailBytes.lf || bytes[j] == MailBytes.cr {
                    i = j + 1
                    if bytes[j] == MailBytes.cr, i < end, bytes[i] == MailBytes.lf { i += 1 }
                    continue
                }
                if i + 2 < end, let high = MailBytes.hexValue(bytes[i + 1]), let low = MailBytes.hexValue(bytes[i + 2])
                {
                    out.append(high << 4 | low)
                    i += 3
                } else {
                    out.append(byte)
                    i += 1
                }
            } else if MailBytes.isBlank(byte) {
                var j = i
                while j < end, MailBytes.isBlank(bytes[j]) { j += 1 }
                if j < end, bytes[j] != MailBytes.cr, bytes[j] != MailBytes.lf { out.append(contentsOf: bytes[i..<j]) }
                i = j
            } else {
                out.append(byte)
                i += 1
            }
        }
        return out
    }

    /// Encodes text as quoted-printable UTF-8 with CRLF hard breaks and lines of at most 76 characters.
    /// A "." or "From " at the start of a line is escaped too, so no relay or mbox can alter it.
    static func encode(text: String) -> [UInt8] {
        var out: [UInt8] = []
        let lines = MailBytes.normalizingLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if number > 0 { out += MailBytes.crlf }
            let bytes = Array(line.utf8)
            var column = 0
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                var escape = mustEscape(byte, isLast: isLast, startsLine: column == 0, rest: bytes[index...])
                // Keep room for the "=" of a soft break; the last character of a line needs none.
                if column + (escape ? 3 : 1) > (isLast ? 76 : 75) {
                    out += [MailBytes.equals] + MailBytes.crlf
                    column = 0
                    escape = mustEscape(byte, isLast: isLast, startsLine: true, rest: bytes[index...])
                }
                if escape { out += escaped(byte) } else { out.append(byte) }
                column += escape ? 3 : 1
            }
        }
        return out
    }

    private static func mustEscape(_ byte: UInt8, isLast: Bool, startsLine: Bool, rest: ArraySlice<UInt8>) -> Bool {
        if byte == MailBytes.equals || byte >= 0x7F || (byte < 0x20 && byte != MailBytes.tab) { return true }
        if MailBytes.isBlank(byte) { return isLast }
        return startsLine && (byte == UInt8(ascii: ".") || rest.starts(with: "From ".utf8))
    }

    private static func escaped(_ byte: UInt8) -> [UInt8] {
        [MailBytes.equals, MailBytes.hexDigits[Int(byte >> 4)], MailBytes.hexDigits[Int(byte & 0x0F)]]
    }
}

/// RFC 2045 §6.8 base64.
enum Base64 {
    /// Decodes leniently: whitespace and stray characters are skipped, padding may be missing, and padded
    /// blocks glued together are each read. `isTruncated` means a lone leftover character had to be dropped.
    static func decode(_ bytes: ArraySlice<UInt8>) -> (data: [UInt8], isTruncated: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        var isTruncated = false
        func flushPartial() {
            if count == 1 { isTruncated = true }
            if count >= 2 { out.append(UInt8(truncatingIfNeeded: accumulator >> (count == 2 ? 4 : 10))) }
            if count == 3 { out.append(UInt8(truncatingIfNeeded: accumulator >> 2)) }
            accumulator = 0
            count = 0
        }
        for byte in bytes {
            let value = decodeTable[Int(byte)]
            if value < 64 {
                accumulator = accumulator << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    out.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    count = 0
                }
            } else if byte == MailBytes.equals {
                flushPartial()
            }
        }
        flushPartial()
        return (out, isTruncated)
    }

    /// Whether every byte is a base64 character or padding (encoded words must be strict).
    static func isStrict(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { decodeTable[Int($0)] < 64 || $0 == MailBytes.equals }
    }

    /// Encodes `data` in lines of 76 characters ending in CRLF.
    static func encode(_ data: [UInt8]) -> [UInt8] {
        guard !data.isEmpty else { return [] }
        let encoded = Data(data).base64EncodedData(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
        return Array(encoded) + MailBytes.crlf
    }

    /// 0–63 for base64 characters, 0xFF for everything else.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        return table
    }()
}
