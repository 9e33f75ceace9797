import Foundation
import Testing

@testable import BalcaoCore

@Suite("AttachmentUpload")
struct AttachmentUploadTests {
    @Test(
        "A filename keeps only its last path component, without control characters or quotes",
        arguments: [
            ("relatório.pdf", "relatório.pdf"),
            ("../../etc/passwd", "passwd"),
            ("/var/www/index.html", "index.html"),
            (#"C:\Users\ana\fatura.pdf"#, "fatura.pdf"),
            ("..\\..\\boot.ini", "boot.ini"),
            ("fotos/", "fotos"),
            (#"relatório "final".pdf"#, "relatório final.pdf"),
            ("nota\r\nX-Injected: 1.txt", "notaX-Injected: 1.txt"),
            ("a\u{0}b\u{7F}c.txt", "abc.txt"),
            ("  espaços.txt  ", "espaços.txt"),
        ])
    func safeFilename(raw: String, expected: String) {
        let upload = AttachmentUpload(filename: raw, contentType: "application/pdf", data: Data())

        #expect(upload.filename == expected)
    }

    @Test(
        "A name with nothing usable left becomes \"attachment\"",
        arguments: ["", "   ", ".", "..", "/", "uploads/..", "\u{1}\u{2}", "\"\""])
    func fallbackFilename(raw: String) {
        #expect(AttachmentUpload.safeFilename(raw) == "attachment")
    }

    @Test("A filename is cut to 255 characters")
    func longFilename() {
        let raw = String(repeating: "x", count: 300) + ".txt"

        let name = AttachmentUpload.safeFilename(raw)

        #expect(name == String(repeating: "x", count: 255))
    }

    @Test(
        "A content type is reduced to its lower-case type/subtype",
        arguments: [
            ("Text/Plain; charset=utf-8", "text/plain"),
            ("image/png", "image/png"),
            (" application/PDF ", "application/pdf"),
            ("image/svg+xml", "image/svg+xml"),
            ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ("multipart/mixed; boundary=\"abc\"", "multipart/mixed"),
        ])
    func contentType(raw: String, expected: String) {
        let upload = AttachmentUpload(filename: "a", contentType: raw, data: Data())

        #expect(upload.contentType == expected)
    }

    @Test(
        "A missing or malformed content type becomes application/octet-stream",
        arguments: [
            nil, "", "   ", "text", "text/", "/plain", "text/html/x", "text /plain", "image/png\"", "ímage/png",
            "text/plain\r\nX-Evil: 1", ";charset=utf-8", "<script>/x",
        ] as [String?])
    func junkContentType(raw: String?) {
        let upload = AttachmentUpload(filename: "a", contentType: raw, data: Data())

        #expect(upload.contentType == "application/octet-stream")
    }

    @Test("Empty path segments do not slip into a content type")
    func emptySegmentsInContentType() {
        #expect(AttachmentUpload.safeContentType("text//plain") == "application/octet-stream")
        #expect(AttachmentUpload.safeContentType("//text/plain") == "application/octet-stream")
    }

    @Test("The bytes are kept as uploaded")
    func keepsData() {
        let data = Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF])

        let upload = AttachmentUpload(filename: "a.pdf", contentType: nil, data: data)

        #expect(upload.data == data)
    }
}

@Suite("AttachmentPolicy")
struct AttachmentPolicyTests {
    static func uploads(_ sizes: [Int]) -> [AttachmentUpload] {
        sizes.enumerated().map { index, size in
            AttachmentUpload(filename: "file\(index).bin", contentType: nil, data: Data(count: size))
        }
    }

    @Test("By default a message takes up to 20 files of up to 25 MiB")
    func defaults() {
        let policy = AttachmentPolicy()

        #expect(policy.maxBytes == 26_214_400)
        #expect(policy.maxCount == 20)
    }

    @Test("Uploads at the limits pass", arguments: [[], [10], [10, 10, 0]])
    func withinLimits(sizes: [Int]) {
        let policy = AttachmentPolicy(maxBytes: 10, maxCount: 3)

        #expect(throws: Never.self) { try policy.check(Self.uploads(sizes)) }
    }

    @Test("More files than allowed are refused")
    func tooMany() {
        let policy = AttachmentPolicy(maxBytes: 10, maxCount: 3)

        #expect(throws: AttachmentError.tooMany(limit: 3)) {
            try policy.check(Self.uploads([1, 1, 1, 1]))
        }
    }

    @Test("The first file over the size limit is named")
    func tooLarge() {
        let policy = AttachmentPolicy(maxBytes: 10, maxCount: 3)

        #expect(throws: AttachmentError.tooLarge(filename: "file1.bin", limit: 10)) {
            try policy.check(Self.uploads([10, 11, 12]))
        }
    }

    @Test("The count is checked before the sizes")
    func countFirst() {
        let policy = AttachmentPolicy(maxBytes: 10, maxCount: 1)

        #expect(throws: AttachmentError.tooMany(limit: 1)) {
            try policy.check(Self.uploads([11, 11]))
        }
    }
}
