import Foundation

/// A file attached to a message. The bytes live once per content (named by SHA-256) in the attachment store;
/// this is the metadata the conversation shows.
public struct Attachment: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Attachment>

    public let id: ID
    public let filename: String
    public let contentType: String
    public let size: Int
    /// Lower-case hex SHA-256 of the bytes: the key in the attachment store.
    public let sha256: String

    public init(id: ID = ID(), filename: String, contentType: String, size: Int, sha256: String) {
        self.id = id
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
    }
}

/// An upload before it is stored.
public struct AttachmentUpload: Sendable, Hashable {
    public let filename: String
    public let contentType: String
    public let data: Data

    public init(filename: String, contentType: String?, data: Data) {
        self.filename = AttachmentUpload.safeFilename(filename)
        self.contentType = AttachmentUpload.safeContentType(contentType)
        self.data = data
    }

    /// Strips directories and control characters so a name can never address another path or break a header.
    static func safeFilename(_ raw: String) -> String {
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let name = cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "attachment" : cleaned
        return String(name.prefix(255))
    }

    /// A `type/subtype` without parameters, or `application/octet-stream` when the client sent none or junk.
    static func safeContentType(_ raw: String?) -> String {
        let essence = raw?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let parts = essence.split(separator: "/", omittingEmptySubsequences: false)
        let token: (Substring) -> Bool = { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "!#$&-^_.+".contains($0)) }
        }
        return parts.count == 2 && token(parts[0]) && token(parts[1]) ? essence : "application/octet-stream"
    }
}

/// Why an attachment was refused.
public enum AttachmentError: Error, Sendable, Equatable {
    case tooLarge(filename: String, limit: Int)
    case tooMany(limit: Int)
    case notFound(Attachment.ID)
}
