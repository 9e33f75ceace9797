import Foundation

/// Byte constants and small helpers shared by the mail parser and composer. Mail is read as bytes, not
/// `String`, so that 10 MB messages are scanned once and never sliced character by character.
enum MailBytes {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let dash: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let question: UInt8 = 0x3F
    static let backslash: UInt8 = 0x5C
    static let crlf: [UInt8] = [cr, lf]

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == cr || byte == lf }

    /// The value of an ASCII hex digit, either case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Index of the next LF at or after `start`, or `end` when there is none.
    static func nextLineFeed(in bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        bytes[start...].firstIndex(of: lf) ?? bytes.endIndex
    }

    /// Header text is US-ASCII by the RFCs, UTF-8 by RFC 6532, Windows-1252 when an old client wrote it raw, and
    /// ISO-2022-JP when an old Japanese client did.
    static func headerString(_ bytes: some Collection<UInt8>) -> String {
        Charset.guess(bytes)
    }

    /// Converts CRLF and lone CR line ends to LF.
    static func normalizingLineEnds(_ text: String) -> String {
        guard text.utf8.contains(cr) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
