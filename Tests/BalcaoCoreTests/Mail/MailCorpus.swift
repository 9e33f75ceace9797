import Foundation

/// Real-world-shaped messages for the MIME tests, written as Swift literals (not package resources) so the
/// corpus compiles into any test target that includes this folder. `wire` turns the readable LF text into
/// the CRLF bytes a mail server delivers; `latin1Wire` writes each character as one byte, for bodies in
/// ISO-8859-1 or Windows-1252 ("\u{93}" is the raw byte 0x93).
enum MailCorpus {
    static func wire(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static func latin1Wire(_ text: String) -> [UInt8] {
        text.replacingOccurrences(of: "\n", with: "\r\n").unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// Every message of the corpus, for the tests that run all of them.
    static let all: [(name: String, bytes: [UInt8])] = [
        ("gmailReplyPortuguese", gmailReplyPortuguese),
        ("outlookExchangeWithWinmail", outlookExchangeWithWinmail),
        ("appleMailInlineImage", appleMailInlineImage),
        ("appleMailTextImageText", appleMailTextImageText),
        ("thunderbirdFlowed", thunderbirdFlowed),
        ("iPhoneReply", iPhoneReply),
        ("outlookAndroidReply", outlookAndroidReply),
        ("latin1Body", latin1Body),
        ("windows1252Body", windows1252Body),
        ("latin9Body", latin9Body),
        ("splitEncodedSubject", splitEncodedSubject),
        ("rfc2231Filenames", rfc2231Filenames),
        ("nestedMixedRelatedAlternative", nestedMixedRelatedAlternative),
        ("forwardedMessage", forwardedMessage),
        ("outlookMeetingInvite", outlookMeetingInvite),
        ("deliveryStatusBounce", deliveryStatusBounce),
        ("outOfOffice", outOfOffice),
        ("mailingList", mailingList),
        ("htmlOnlyNewsletter", htmlOnlyNewsletter),
        ("systemNotification", systemNotification),
        ("brokenHeaders", brokenHeaders),
        ("bareLineFeeds", bareLineFeeds),
        ("missingClosingBoundary", missingClosingBoundary),
        ("missingBoundaryParameter", missingBoundaryParameter),
        ("truncatedBase64", truncatedBase64),
        ("unknownCharset", unknownCharset),
        ("invalidUTF8", invalidUTF8),
        ("noContentType8bit", noContentType8bit),
        ("headersOnly", headersOnly),
        ("noHeaders", noHeaders),
        ("emptyInput", emptyInput),
        ("randomBytes", randomBytes),
        ("iso2022JPBody", iso2022JPBody),
        ("shiftJISBody", shiftJISBody),
        ("eucJPBody", eucJPBody),
        ("gb2312Body", gb2312Body),
        ("gb18030Body", gb18030Body),
        ("big5Body", big5Body),
        ("big5HKSCSBody", big5HKSCSBody),
        ("eucKRBody", eucKRBody),
        ("koi8RBody", koi8RBody),
        ("koi8UBody", koi8UBody),
        ("windows1251Body", windows1251Body),
        ("latin2Body", latin2Body),
        ("windows1250Body", windows1250Body),
        ("latin9Subject", latin9Subject),
        ("utf16WithBOM", utf16WithBOM),
        ("utf16LittleEndianNoBOM", utf16LittleEndianNoBOM),
        ("utf16BigEndianNoBOM", utf16BigEndianNoBOM),
        ("utf7Body", utf7Body),
        ("exchangeOutOfOffice", exchangeOutOfOffice),
        ("gmailVacation", gmailVacation),
        ("zimbraOutOfOffice", zimbraOutOfOffice),
        ("yahooVacation", yahooVacation),
        ("iCloudVacation", iCloudVacation),
        ("frenchOutOfOffice", frenchOutOfOffice),
        ("helpDeskLoop", helpDeskLoop),
        ("humanThunderbird", humanThunderbird),
        ("postfixDSN", postfixDSN),
        ("gmailBounce", gmailBounce),
        ("office365NDR", office365NDR),
        ("exchangeNDR", exchangeNDR),
        ("qmailBounce", qmailBounce),
        ("eximBounce", eximBounce),
    ]
}
