import Foundation

/// What a delivery failure report (a bounce) says about the mail that could not be delivered. Read from an
/// RFC 3464 `message/delivery-status` part when there is one, from `X-Failed-Recipients`, and otherwise, best
/// effort, from the text that qmail, Exim, Exchange and others write.
public struct BounceReport: Sendable, Equatable {
    /// True when delivery failed for good (`Action: failed`, a 5.x.x status, a 5xx reply such as "550", or
    /// "permanent error"); false for a delay or when the report does not say.
    public var isPermanent: Bool
    /// The addresses that could not be reached, as written in the report (`Original-Recipient`, else
    /// `Final-Recipient`), without duplicates.
    public var failedRecipients: [String]
    /// The `Message-ID` of the mail that bounced, without angle brackets, from the returned copy or headers:
    /// the key to the ticket it was sent from.
    public var originalMessageID: String?
    /// The remote server's answer (`Diagnostic-Code` without its type, e.g. "550 5.1.1 User unknown"), else the
    /// first line of the report text that carries a status code.
    public var diagnostic: String?

    /// Creates a report.
    public init(
        isPermanent: Bool, failedRecipients: [String] = [], originalMessageID: String? = nil, diagnostic: String? = nil
    ) {
        self.isPermanent = isPermanent
        self.failedRecipients = failedRecipients
        self.originalMessageID = originalMessageID
        self.diagnostic = diagnostic
    }
}

extension BounceReport {
    /// Media types of RFC 3464 / RFC 6533 delivery-status parts.
    static let statusTypes: Set<String> = ["message/delivery-status", "message/global-delivery-status"]
    /// Media types of a returned message or of its headers.
    static let returnedTypes: Set<String> = [
        "message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers",
    ]

    /// Reads the report of a message classified as a bounce. Nil when its delivery-status part lists only
    /// successful deliveries (a requested "delivered" notification is not a bounce).
    init?(headers: MailHeaders, text: String, attachments: [MailAttachment]) {
        var recipients = RecipientList()
        var isPermanent = false
        var diagnostic: String?
        var hasStatus = false
        var hasFailure = false
        for part in attachments where Self.statusTypes.contains(part.contentType) {
            for fields in Self.fieldBlocks(part.data) {
                guard let recipient = fields["Original-Recipient"] ?? fields["Final-Recipient"] else { continue }
                hasStatus = true
                let action = fields["Action"].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                let status = fields["Status"].flatMap { $0.trimmingCharacters(in: .whitespaces).first }
                let failed =
                    action == "failed" || action == "delayed" || (action == nil && (status == "5" || status == "4"))
                guard failed else { continue }  // delivered, relayed, expanded
                hasFailure = true
                if action == "failed" || status == "5" { isPermanent = true }
                recipients.append(Self.typedValue(recipient))
                diagnostic = diagnostic ?? fields["Diagnostic-Code"].map(Self.typedValue).flatMap(Self.nonEmpty)
            }
        }
        let failedHeader = headers.all("X-Failed-Recipients").joined(separator: ",")
        for address in MailAddressParser.parseList(failedHeader) { recipients.append(address.address) }
        if hasStatus, !hasFailure, recipients.isEmpty { return nil }

        let report = BounceText(text)
        if !hasFailure { isPermanent = report.isPermanent }
        if recipients.isEmpty {
            for address in report.recipients { recipients.append(address) }
        }
        self.init(
            isPermanent: isPermanent, failedRecipients: recipients.addresses,
            originalMessageID: Self.returnedMessageID(attachments) ?? report.returnedMessageID,
            diagnostic: diagnostic ?? report.diagnostic(for: recipients.addresses))
    }

    /// The field blocks of a delivery-status body: one per message, then one per recipient, blank-line separated.
    private static func fieldBlocks(_ data: [UInt8]) -> [MailHeaders] {
        var blocks: [MailHeaders] = []
        var ignored: [String] = []
        var rest = data[...]
        while blocks.count < 1000 {
            rest = rest.drop { $0 == MailBytes.cr || $0 == MailBytes.lf }
            guard !rest.isEmpty else { break }
            let block = MailHeaders.parse(rest, warnings: &ignored)
            if !block.headers.fields.isEmpty { blocks.append(block.headers) }
            guard block.bodyStart > rest.startIndex else { break }
            rest = rest[min(block.bodyStart, rest.endIndex)...]
        }
        return blocks
    }

    /// The value after a field's type: "rfc822; ana@x.com" → "ana@x.com", "smtp; 550 …" → "550 …", with
    /// angle brackets dropped and folded whitespace collapsed.
    private static func typedValue(_ value: String) -> String {
        var rest = Substring(value)
        if let semicolon = rest.firstIndex(of: ";"), !rest[..<semicolon].contains(where: \.isWhitespace) {
            rest = rest[rest.index(after: semicolon)...]
        }
        let words = rest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if words.hasPrefix("<"), words.hasSuffix(">"), !words.dropFirst().contains("<") {
            return String(words.dropFirst().dropLast())
        }
        return words
    }

    private static func nonEmpty(_ value: String) -> String? { value.isEmpty ? nil : value }

    /// The `Message-ID` of the first returned message or returned header block.
    private static func returnedMessageID(_ attachments: [MailAttachment]) -> String? {
        var ignored: [String] = []
        for part in attachments where Self.returnedTypes.contains(part.contentType) {
            let headers = MailHeaders.parse(part.data[...], warnings: &ignored).headers
            if let id = headers["Message-ID"].flatMap({ MessageIDs.parse($0).first }) { return id }
        }
        return nil
    }
}

/// Addresses in order, without case-insensitive duplicates.
private struct RecipientList {
    private(set) var addresses: [String] = []
    private var seen: Set<String> = []

    var isEmpty: Bool { addresses.isEmpty }

    mutating func append(_ address: String) {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted else { return }
        addresses.append(trimmed)
    }
}
