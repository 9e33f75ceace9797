/// Turns message bytes into the DATA payload (RFC 5321 §4.5.2): every line break CRLF, a leading "." doubled,
/// a final CRLF, and the terminating ".\r\n".
enum SMTPMessageEncoding {
    static func dataPayload(for message: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let dot = UInt8(ascii: ".")
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 64 + 5)
        var atLineStart = true
        var index = message.startIndex
        while index < message.endIndex {
            let byte = message[index]
            if atLineStart && byte == dot {
                output.append(dot)
            }
            if byte == cr || byte == lf {
                // CRLF, a bare LF and a bare CR each end one line.
                if byte == cr, index + 1 < message.endIndex, message[index + 1] == lf {
                    index += 1
                }
                output.append(cr)
                output.append(lf)
                atLineStart = true
            } else {
                output.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart {
            output.append(cr)
            output.append(lf)
        }
        output.append(contentsOf: [dot, cr, lf])
        return output
    }

    /// Whether the message needs `BODY=8BITMIME`.
    static func hasEightBitBytes(_ message: [UInt8]) -> Bool {
        message.contains { $0 >= 0x80 }
    }
}
