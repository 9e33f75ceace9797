import Foundation

/// A text encoding named by a MIME `charset` parameter or an encoded word. UTF-8, US-ASCII, Windows-1252,
/// ISO-8859-15 and UTF-16 are decoded here, table by table, so that results are the same on every platform;
/// the legacy multi-byte and Cyrillic/Central European charsets go through the platform (`Charset+Platform.swift`).
enum Charset: Hashable, Sendable, CaseIterable {
    case utf8, ascii, windows1252, latin9, utf16BigEndian, utf16LittleEndian, utf16
    case latin2, windows1250, windows1251, koi8R, koi8U
    case shiftJIS, eucJP, iso2022JP, gb18030, big5, big5HKSCS, eucKR, utf7

    /// Reads a label case-insensitively, with the WHATWG aliases (`Charset+Labels.swift`). Nil for an unknown
    /// label, and for a known one this system cannot decode (glibc without its gconv modules).
    init?(label: String) {
        var name = label.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if name.hasPrefix("\"") || name.hasPrefix("'") {
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        guard let charset = Self.labels[name], charset.isDecodable else { return nil }
        self = charset
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
            // Mail labelled US-ASCII (or not labelled) with 8-bit bytes is common; read them instead of dropping
            // them. Old Japanese mailers also sent ISO-2022-JP without a label.
            return (Self.guess(bytes), false)
        case .windows1252:
            return (Self.singleByte(bytes) { Self.cp1252High[Int($0 - 0x80)] }, false)
        case .latin9:
            return (Self.singleByte(bytes) { Self.latin9Differences[$0] ?? UInt32($0) }, false)
        case .utf16BigEndian, .utf16LittleEndian, .utf16:
            return Self.decodeUTF16(Array(bytes), label: self)
        case .latin2, .windows1250, .windows1251, .koi8R, .koi8U, .shiftJIS, .eucJP, .iso2022JP, .gb18030, .big5,
            .big5HKSCS, .eucKR, .utf7:
            return PlatformDecoder.decode(Array(bytes), self)
        }
    }

    /// The fallback for an unknown label and for raw header bytes: UTF-8 when the bytes are valid UTF-8, else
    /// Latin-1 (read as Windows-1252). 7-bit text holding ISO-2022-JP escapes is read as ISO-2022-JP.
    static func guess(_ bytes: some Collection<UInt8>) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return Self.hasISO2022JPEscape(bytes) ? Self.iso2022JP.decode(bytes) : text
        }
        return Self.windows1252.decode(bytes)
    }

    /// Whether 7-bit `bytes` switch to JIS X 0208 (`ESC $ B`, `ESC $ @`), as unlabelled Japanese mail does.
    private static func hasISO2022JPEscape(_ bytes: some Collection<UInt8>) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if byte >= 0x80 { return false }
            if previous == (0x1B, 0x24), byte == 0x42 || byte == 0x40 { return Self.iso2022JP.isDecodable }
            previous = (previous.1, byte)
        }
        return false
    }

    private static func singleByte(_ bytes: some Collection<UInt8>, high: (UInt8) -> UInt32) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : high(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// A byte order mark wins over the label. Plain "UTF-16" without one is big-endian (RFC 2781) unless the
    /// zero bytes say otherwise: mostly-Latin text written on Windows is little-endian and unmarked.
    private static func decodeUTF16(_ bytes: [UInt8], label: Charset) -> (text: String, isLossy: Bool) {
        var bigEndian = label != .utf16LittleEndian
        var start = 0
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            bigEndian = true
            start = 2
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            bigEndian = false
            start = 2
        } else if label == .utf16 {
            let sample = bytes.prefix(1024)
            let zerosAtEven = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let zerosAtOdd = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            bigEndian = zerosAtOdd <= zerosAtEven
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
