import NIOCore

@testable import BalcaoMailTransport

extension ByteBuffer {
    init(text: String) {
        self.init(bytes: Array(text.utf8))
    }
}

extension MailFramer {
    /// Feeds `chunks` one after another, the way reads arrive, and collects every frame produced.
    mutating func frames(feeding chunks: [[UInt8]]) throws -> [Frame] {
        var buffer = ByteBuffer()
        var frames: [Frame] = []
        for chunk in chunks {
            buffer.writeBytes(chunk)
            while let frame = try nextFrame(from: &buffer) {
                frames.append(frame)
            }
        }
        return frames
    }
}
