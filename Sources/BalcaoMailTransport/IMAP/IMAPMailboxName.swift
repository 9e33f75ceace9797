import Foundation

/// Mailbox names on the wire: modified UTF-7 (RFC 3501 §5.1.3), so "Caixa de Saída" becomes "Caixa de Sa&AO0-da".
enum IMAPMailboxName {
    static func encode(_ name: String) -> String {
        var output = ""
        var pending: [UInt16] = []

        func flush() {
            guard !pending.isEmpty else { return }
            let bytes = pending.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            let base64 = Data(bytes).base64EncodedString()
                .replacing("/", with: ",")
                .replacing("=", with: "")
            output += "&" + base64 + "-"
            pending = []
        }

        for scalar in name.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value) {
                flush()
                output += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending += Array(String(scalar).utf16)
            }
        }
        flush()
        return output
    }

    /// The inverse of ``encode(_:)``; returns the input unchanged when it is not valid modified UTF-7.
    static func decode(_ encoded: String) -> String {
        var output = ""
        var rest = Substring(encoded)
        while let ampersand = rest.firstIndex(of: "&") {
            output += rest[..<ampersand]
            guard let dash = rest[ampersand...].firstIndex(of: "-") else { return encoded }
            let chunk = rest[rest.index(after: ampersand)..<dash]
            if chunk.isEmpty {
                output += "&"
            } else {
                var base64 = String(chunk.replacing(",", with: "/"))
                base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
                guard let data = Data(base64Encoded: base64), data.count % 2 == 0 else { return encoded }
                let units = stride(from: 0, to: data.count, by: 2).map { UInt16(data[$0]) << 8 | UInt16(data[$0 + 1]) }
                output += String(decoding: units, as: UTF16.self)
            }
            rest = rest[rest.index(after: dash)...]
        }
        return output + rest
    }
}
