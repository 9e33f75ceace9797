import NIOCore

extension ByteBuffer {
    /// Reads one line ending in LF (CRLF or a bare LF, as lenient servers send) and returns it without the line
    /// break, or `nil` when no complete line is buffered yet.
    ///
    /// - Throws: `.protocolViolation` when more than `maxLength` bytes arrive without a line break.
    mutating func readMailLine(maxLength: Int) throws(MailTransportError) -> [UInt8]? {
        guard let newline = readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if readableBytes > maxLength {
                throw MailTransportError(.protocolViolation, "server line longer than \(maxLength) bytes")
            }
            return nil
        }
        let length = newline - readableBytesView.startIndex
        guard length <= maxLength else {
            throw MailTransportError(.protocolViolation, "server line longer than \(maxLength) bytes")
        }
        var line = readBytes(length: length) ?? []
        moveReaderIndex(forwardBy: 1)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }
}
