import Foundation
import Testing

@testable import BalcaoCore

@Suite("MIME parser: broken and hostile input")
struct MIMEParserRobustnessTests {
    @Test("A header line without a colon is skipped with a warning; folding and a blank before the colon work")
    func brokenHeaders() {
        let mail = MIMEParser.parse(MailCorpus.brokenHeaders)

        #expect(mail.warnings.contains { $0.contains("without a colon") })
        #expect(mail.subject == "Pedido   urgente continuado na linha seguinte")
        #expect(mail.headers["X-Empty"] == "")
        #expect(mail.text == "Corpo da mensagem.")
    }

    @Test("An impossible date is nil with a warning")
    func impossibleDate() {
        let mail = MIMEParser.parse(MailCorpus.brokenHeaders)

        #expect(mail.date == nil)
        #expect(mail.warnings.contains { $0.contains("unreadable Date") })
    }

    @Test("Message ids without brackets, with comments and with junk are read")
    func junkIDs() {
        let mail = MIMEParser.parse(MailCorpus.brokenHeaders)

        #expect(mail.messageID == "sem-colchetes@example.com")
        #expect(mail.inReplyTo == ["t1@balcao.example"])
        #expect(mail.references == ["t0@balcao.example", "t1@balcao.example"])
    }

    @Test("A missing closing boundary keeps every part and warns")
    func missingClosingBoundary() {
        let mail = MIMEParser.parse(MailCorpus.missingClosingBoundary)

        #expect(mail.text == "O anexo segue.")
        #expect(mail.attachments.map(\.fileName) == ["log.txt"])
        #expect(mail.attachments.first?.data == Array("linha 1\r\nlinha 2\r\n".utf8))
        #expect(mail.warnings.contains { $0.contains("no closing boundary") })
    }

    @Test("A multipart without a boundary parameter uses the boundary found in the body")
    func missingBoundaryParameter() {
        let mail = MIMEParser.parse(MailCorpus.missingBoundaryParameter)

        #expect(mail.text == "Texto dentro das partes.")
        #expect(mail.warnings.contains { $0.contains("without a boundary parameter") })
    }

    @Test("A multipart whose boundary never appears is read as text")
    func boundaryNeverAppears() {
        let raw = MailCorpus.wire("Content-Type: multipart/mixed; boundary=nunca\n\nsó texto\n")

        let mail = MIMEParser.parse(raw)

        #expect(mail.text == "só texto")
        #expect(mail.warnings.contains { $0.contains("no part found") })
    }

    @Test("Truncated base64 keeps the decodable bytes and warns")
    func truncatedBase64() throws {
        let mail = MIMEParser.parse(MailCorpus.truncatedBase64)

        let photo = try #require(mail.attachments.first)
        #expect(photo.fileName == "foto.jpg")
        #expect(photo.data.prefix(3) == [0xFF, 0xD8, 0xFF])
        #expect(photo.data.count == 87)
        #expect(mail.warnings.contains { $0.contains("foto.jpg") && $0.contains("truncated") })
        #expect(mail.warnings.contains { $0.contains("no closing boundary") })
    }

    @Test("An unknown charset is read as Latin-1 when it is not UTF-8, with a warning")
    func unknownCharset() {
        let mail = MIMEParser.parse(MailCorpus.unknownCharset)

        #expect(mail.text == "Não sei que charset é este.")
        #expect(
            mail.warnings.contains { $0.contains("unknown charset \"x-mac-desconhecido\"") && $0.contains("Latin-1") })
    }

    @Test("Invalid UTF-8 is decoded lossily with a warning")
    func invalidUTF8() {
        let mail = MIMEParser.parse(MailCorpus.invalidUTF8)

        #expect(mail.text == "Antes \u{FFFD}\u{FFFD} depois.")
        #expect(mail.warnings.contains { $0.contains("invalid utf-8") })
    }

    @Test("Headers without a body give the headers and a warning")
    func headersOnly() {
        let mail = MIMEParser.parse(MailCorpus.headersOnly)

        #expect(mail.subject == "Só o assunto")
        #expect(mail.text.isEmpty)
        #expect(mail.warnings.contains { $0.contains("no body") })
    }

    @Test("Text without headers is read as the body")
    func noHeaders() {
        let mail = MIMEParser.parse(MailCorpus.noHeaders)

        #expect(mail.text == "Olá, preciso de ajuda com o sistema.\nObrigado.")
        #expect(mail.headers.fields.isEmpty)
        #expect(!mail.warnings.isEmpty)
    }

    @Test("A body that starts without the blank line is still read")
    func noBlankLine() {
        let raw = MailCorpus.wire("From: a@b.com\nSubject: oi\nIsto já é o corpo\ne continua aqui\n")

        let mail = MIMEParser.parse(raw)

        #expect(mail.subject == "oi")
        #expect(mail.text == "Isto já é o corpo\ne continua aqui")
        #expect(mail.warnings.contains { $0.contains("no blank line") })
    }

    @Test("Empty input gives an empty message and a warning")
    func emptyInput() {
        let mail = MIMEParser.parse(MailCorpus.emptyInput)

        #expect(mail.subject.isEmpty)
        #expect(mail.text.isEmpty)
        #expect(mail.from == nil)
        #expect(mail.warnings == ["the message is empty"])
    }

    @Test("Random bytes return without trapping, with warnings")
    func randomBytes() {
        let mail = MIMEParser.parse(MailCorpus.randomBytes)

        #expect(!mail.warnings.isEmpty)
        Self.checkInvariants(mail)
    }

    @Test("Every corpus message parses, and so does every prefix and mutation of it")
    func mutatedCorpus() {
        var generator = SeededMailRandom(seed: 42)
        var parsed = 0
        for (_, bytes) in MailCorpus.all where !bytes.isEmpty {
            Self.checkInvariants(MIMEParser.parse(bytes))
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                Self.checkInvariants(MIMEParser.parse(Array(bytes[..<cut])))
                parsed += 1
            }
            for _ in 0..<25 {
                Self.checkInvariants(MIMEParser.parse(Self.mutate(bytes, using: &generator)))
                parsed += 1
            }
        }
        #expect(parsed > 1000)
    }

    @Test("Mutated messages keep reporting readable headers they still contain")
    func mutatedMessageKeepsHeaders() {
        var generator = SeededMailRandom(seed: 7)
        let original = MailCorpus.gmailReplyPortuguese
        let bodyStart = original.count / 2
        for _ in 0..<50 {
            var bytes = original
            let index = bodyStart + Int(generator.next() % UInt64(original.count - bodyStart))
            bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            #expect(MIMEParser.parse(bytes).messageID == "CAJz=XYZ789+abc@mail.gmail.com")
        }
    }

    @Test("Megabytes of pathological input parse without a quadratic blow-up")
    func largeInputs() {
        // Bodies are 10 MB; header cases are 2 MB because every address or word becomes an object, which
        // makes them slow in debug builds (release: about 0.4 s per MB, linear).
        let large = 10 * 1024 * 1024
        let medium = 2 * 1024 * 1024
        let cases: [[UInt8]] = [
            Array("Subject: ".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: large),
            Array("Subject: ".utf8) + Array(String(repeating: "=?x?q?", count: medium / 6).utf8),
            Array("To: ".utf8) + Array(String(repeating: "a@b,", count: medium / 4).utf8),
            Array(String(repeating: "X-A: b\r\n", count: medium / 8).utf8),
            Array("Content-Type: multipart/mixed; boundary=b\r\n\r\n".utf8)
                + Array(String(repeating: "--b\r\n\r\nx\r\n", count: large / 12).utf8),
            Array("Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
                + [UInt8](repeating: MailBytes.equals, count: large),
            [UInt8](repeating: MailBytes.lf, count: large),
            // Legacy charsets go through iconv: one converter per run of words, and one per broken byte.
            Array("Subject: ".utf8) + Array(String(repeating: "=?gb2312?B?xOM=?= x ", count: medium / 20).utf8),
            Array("Content-Type: text/plain; charset=shift_jis\r\n\r\n".utf8)
                + (0..<(medium / 2)).flatMap { _ in [0x82, 0x0A] as [UInt8] },
            Array("Content-Type: text/plain; charset=big5-hkscs\r\n\r\n".utf8)
                + [UInt8](repeating: 0xFF, count: medium),
        ]
        let clock = ContinuousClock()
        for bytes in cases {
            let elapsed = clock.measure { _ = MIMEParser.parse(bytes) }
            #expect(elapsed < .seconds(30))
        }
    }

    /// What holds for any parse result: safe file names, bare lower-case types, LF-only text, bracket-free ids.
    static func checkInvariants(_ mail: ParsedMail, sourceLocation: SourceLocation = #_sourceLocation) {
        for attachment in mail.attachments {
            #expect(!attachment.fileName.isEmpty, sourceLocation: sourceLocation)
            #expect(
                !attachment.fileName.contains("/") && !attachment.fileName.contains("\\"),
                sourceLocation: sourceLocation)
            #expect(attachment.contentType == attachment.contentType.lowercased(), sourceLocation: sourceLocation)
            #expect(!attachment.contentType.contains(";"), sourceLocation: sourceLocation)
        }
        #expect(!mail.text.contains("\r"), sourceLocation: sourceLocation)
        #expect(
            mail.subject == mail.subject.trimmingCharacters(in: .whitespacesAndNewlines), sourceLocation: sourceLocation
        )
        let ids = [mail.messageID].compactMap { $0 } + mail.inReplyTo + mail.references
        #expect(
            ids.allSatisfy { !$0.isEmpty && !$0.contains("<") && !$0.contains(">") }, sourceLocation: sourceLocation)
    }

    /// Flips, deletes, duplicates or inserts bytes, favouring the characters MIME syntax depends on.
    static func mutate(_ bytes: [UInt8], using generator: inout SeededMailRandom) -> [UInt8] {
        var bytes = bytes
        let interesting: [UInt8] = Array("\r\n-=?:;\"<>()\\ \t".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<(1 + Int(generator.next() % 8)) where !bytes.isEmpty {
            let index = Int(generator.next() % UInt64(bytes.count))
            switch generator.next() % 4 {
            case 0: bytes[index] = interesting[Int(generator.next() % UInt64(interesting.count))]
            case 1: bytes.remove(at: index)
            case 2: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + 40)], at: index)
            default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: index)
            }
        }
        return bytes
    }
}

/// A small seeded generator so mutation tests are repeatable.
struct SeededMailRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
