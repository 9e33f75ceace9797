import Foundation

/// Parses the 36-character text form of a UUID (either case). Foundation's `UUID(uuidString:)` on Linux calls
/// `sscanf` once per byte; ids are parsed for every stored row read (SQLite keeps them as text), and that was a
/// tenth of a queue page's CPU in the profile (docs/BENCHMARKS.md).
public enum UUIDText {
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> UUID? {
        guard bytes.count == 36, bytes[8] == dash, bytes[13] == dash, bytes[18] == dash, bytes[23] == dash else {
            return nil
        }
        var value = [UInt8](repeating: 0, count: 16)
        var index = 0
        var position = 0
        while position < 36 {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                position += 1
                continue
            }
            guard let high = nibble(bytes[position]), let low = nibble(bytes[position + 1]) else { return nil }
            value[index] = high << 4 | low
            index += 1
            position += 2
        }
        return UUID(uuid: (
            value[0], value[1], value[2], value[3], value[4], value[5], value[6], value[7], value[8], value[9],
            value[10], value[11], value[12], value[13], value[14], value[15]))
    }

    private static let dash = UInt8(ascii: "-")

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
