import BalcaoCore
import Crypto
import Foundation

/// Attachment bytes as files named by their SHA-256 under `<data dir>/attachments/ab/cd/abcd…`.
/// Writing is idempotent (same bytes, same name), so retries and duplicates cost nothing.
public struct FileBlobStore: BlobStore {
    let root: URL

    public init(root: URL) { self.root = root }

    public func put(_ data: Data) async throws -> String {
        let sha = Hex.encode(SHA256.hash(data: data))
        let file = path(for: sha)
        if FileManager.default.fileExists(atPath: file.path) { return sha }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Write to a temp name and rename, so a crash never leaves a half file under the final name.
        let temp = file.deletingLastPathComponent().appendingPathComponent(".\(sha).\(UUID().uuidString).tmp")
        try data.write(to: temp)
        if rename(temp.path, file.path) != 0 {
            try? FileManager.default.removeItem(at: temp)
            throw CocoaError(.fileWriteUnknown)
        }
        return sha
    }

    public func get(_ sha256: String) async throws -> Data? {
        guard sha256.count == 64, sha256.allSatisfy({ $0.isHexDigit }) else { return nil }
        return FileManager.default.contents(atPath: path(for: sha256.lowercased()).path)
    }

    func path(for sha: String) -> URL {
        root.appendingPathComponent(String(sha.prefix(2)))
            .appendingPathComponent(String(sha.dropFirst(2).prefix(2)))
            .appendingPathComponent(sha)
    }
}
