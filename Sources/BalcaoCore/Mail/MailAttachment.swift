import Foundation

/// A file carried by a message: a real attachment, an inline image, or a forwarded message (`.eml`).
public struct MailAttachment: Sendable, Equatable {
    /// A file name without directories: from the message, or made up from the type ("image-1.png").
    public var fileName: String
    /// The lower-cased media type without parameters ("image/png").
    public var contentType: String
    /// The decoded bytes.
    public var data: [UInt8]
    /// The `Content-ID` without angle brackets, which HTML bodies reference as `cid:…`.
    public var contentID: String?
    /// Shown in the body (an inline image) rather than listed as a file.
    public var isInline: Bool

    /// Creates an attachment.
    public init(fileName: String, contentType: String, data: [UInt8], contentID: String? = nil, isInline: Bool = false)
    {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
        self.contentID = contentID
        self.isInline = isInline
    }
}

extension MailAttachment {
    /// A name for a part that has none: "image-2.png", "attachment-3.pdf", "attachment-1.bin".
    static func generatedName(for contentType: String, position: Int) -> String {
        let stem = contentType.hasPrefix("image/") ? "image" : "attachment"
        return "\(stem)-\(position).\(fileExtension(for: contentType))"
    }

    static func fileExtension(for contentType: String) -> String {
        if let known = knownExtensions[contentType] { return known }
        if contentType.hasPrefix("image/") || contentType.hasPrefix("audio/") || contentType.hasPrefix("video/") {
            let subtype = contentType.split(separator: "/").last.map(String.init) ?? ""
            let clean = subtype.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if !clean.isEmpty, clean.count <= 8 { return clean }
        }
        return "bin"
    }

    private static let knownExtensions: [String: String] = [
        "image/jpeg": "jpg", "image/pjpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/svg+xml": "svg",
        "image/tiff": "tif", "image/x-icon": "ico", "application/pdf": "pdf", "application/zip": "zip",
        "application/json": "json", "application/xml": "xml", "application/msword": "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.ms-excel": "xls", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "application/vnd.ms-powerpoint": "ppt",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
        "application/ms-tnef": "dat", "application/vnd.ms-tnef": "dat", "application/pgp-signature": "asc",
        "application/pkcs7-signature": "p7s", "application/x-pkcs7-signature": "p7s", "application/pkcs7-mime": "p7m",
        "application/x-pkcs7-mime": "p7m", "text/plain": "txt", "text/html": "html", "text/calendar": "ics",
        "text/csv": "csv", "text/vcard": "vcf", "text/x-vcard": "vcf", "text/rfc822-headers": "txt",
        "message/rfc822": "eml", "message/delivery-status": "txt", "message/disposition-notification": "txt",
        "message/global-delivery-status": "txt", "audio/mpeg": "mp3", "video/quicktime": "mov",
    ]
}
