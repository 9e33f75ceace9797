import Foundation

/// The files a received mail brings into its ticket: its attachments within the desk's limits, plus the whole
/// original as `original.eml` so nothing trimmed or unreadable is lost.
enum MailAttachments {
    static let originalName = "original.eml"

    static func uploads(
        _ attachments: [MailAttachment], original: Data, policy: AttachmentPolicy, warnings: inout [String]
    ) -> [AttachmentUpload] {
        var uploads: [AttachmentUpload] = []
        // One place stays free for the original.
        for attachment in attachments {
            if attachment.data.count > policy.maxBytes {
                warnings.append("attachment \(attachment.fileName) left out: over \(policy.maxBytes / 1_048_576) MB")
            } else if uploads.count >= policy.maxCount - 1 {
                warnings.append("attachment \(attachment.fileName) left out: over \(policy.maxCount) files")
            } else {
                uploads.append(
                    AttachmentUpload(
                        filename: attachment.fileName, contentType: attachment.contentType, data: Data(attachment.data)))
            }
        }
        if original.count <= policy.maxBytes {
            uploads.append(AttachmentUpload(filename: originalName, contentType: "message/rfc822", data: original))
        } else {
            warnings.append("original message not kept: over \(policy.maxBytes / 1_048_576) MB")
        }
        return uploads
    }

    /// The text to store: the mail's words, or the names of its files when it has no words (a scan sent alone).
    static func bodyText(_ text: String, attachments: [AttachmentUpload]) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { return trimmed }
        let names = attachments.map(\.filename).filter { $0 != originalName }
        return names.isEmpty ? "(empty message)" : "📎 " + names.joined(separator: ", ")
    }
}
