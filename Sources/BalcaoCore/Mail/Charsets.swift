import Foundation

/// A text encoding named by a MIME `charset` parameter or an encoded word. Decoding is done here, table by
/// table, instead of through `String.Encoding`, so that results are the same on every platform.
enum Charset: Equatable, Sendable {
    case utf8, ascii, windows1252, latin9, utf16BigEndian, utf16LittleEndian, utf16

    /// ISO-8859-1 is read as Windows-1252: mail labelled latin1 that carries 0x80–0x9F bytes was written on
    /// Windows (curly quotes, €, –), and C1 control characters never appear in real text. Browsers do the same.
    init?(label: String) {
        var name = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if name.hasPrefix("\"") || name.hasPrefix("'") {
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": self = .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "ascii-us": self = .ascii
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "latin1", "latin-1", "l1", "cp819",
            "ibm819", "windows-1252", "cp1252", "x-cp1252", "win-1252", "windows1252":
            self = .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9": self = .latin9
        case "utf-16be": self = .utf16BigEndian
        case "utf-16le": self = .utf16LittleEndian
        case "utf-16", "utf16": self = .utf16
        default: return nil
        }
    }

    /// Decodes `bytes`; invalid sequences become U+FFFD. Single-byte charsets cannot be invalid.
    func decode(_ bytes: some Collection<UInt8>) -> String {
        decodeReportingErrors(bytes).text
    }

    /// Decodes `bytes` and tells whether anything had to be replaced.
    func decodeReportingErrors(_ bytes: some Collection<UInt8>) -> (text: String, isLossy: Bool) {
        switch self {
        case .utf8:
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }  // byte order mark
            if let text = String(validating: body, as: UTF8.self) { return (text, false) }
            return (String(decoding: body, as: UTF8.self), true)
        case .ascii:
            // Mail labelled US-ASCII with 8-bit bytes is common; read them instead of dropping them.
            if bytes.allSatisfy({ $0 < 0x80 }) { return (String(decoding: bytes, as: UTF8.self), false) }
            if let text = String(validating: bytes, as: UTF8.self) { return (text, false) }
            return (Self.windows1252.decode(bytes), false)
        case .windows1252:
            return (Self.singleByte(bytes) { Self.cp1252High[Int($0 - 0x80)] }, false)
        case .latin9:
            return (Self.singleByte(bytes) { Self.latin9Differences[$0] ?? UInt32($0) }, false)
        case .utf16BigEndian, .utf16LittleEndian, .utf16:
            return Self.decodeUTF16(Array(bytes), bigEndian: self != .utf16LittleEndian)
        }
    }

    /// The fallback for an unknown label: UTF-8 when the bytes are valid UTF-8, else Latin-1 (read as Windows-1252).
    static func guess(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return Self.windows1252.decode(bytes)
    }

    private static func singleByte(_ bytes: some Collection<UInt8>, high: (UInt8) -> UInt32) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : high(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool) -> (text: String, isLossy: Bool) {
        var bigEndian = bigEndian
        var start = 0
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            bigEndian = true
            start = 2
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            bigEndian = false
            start = 2
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = start
        while i + 1 < bytes.count {
            let high = UInt16(bytes[bigEndian ? i : i + 1])
            let low = UInt16(bytes[bigEndian ? i + 1 : i])
            units.append(high << 8 | low)
            i += 2
        }
        let text = String(decoding: units, as: UTF16.self)
        let isLossy = (bytes.count - start) % 2 != 0 || text.unicodeScalars.contains("\u{FFFD}")
        return (text, isLossy)
    }

    /// Windows-1252 0x80–0x9F. The five unassigned bytes keep their C1 code points, as browsers do.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ].withHigherLatin1

    /// ISO-8859-15 is Latin-1 with eight code points replaced (€, Š, š, Ž, ž, Œ, œ, Ÿ).
    private static let latin9Differences: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153,
        0xBE: 0x0178,
    ]
}

extension [UInt32] {
    /// Appends 0xA0–0xFF, which Windows-1252 shares with Latin-1, to the 0x80–0x9F table.
    fileprivate var withHigherLatin1: [UInt32] { self + (0xA0...0xFF).map { UInt32($0) } }
}
