import Foundation
import Testing

@testable import BalcaoCore

@Suite("Transfer encodings")
struct TransferEncodingTests {
    private func qp(_ text: String) -> String {
        String(decoding: QuotedPrintable.decode(Array(text.utf8)[...]), as: UTF8.self)
    }

    @Test("Quoted-printable: escapes in either case, soft breaks with CRLF or LF")
    func quotedPrintable() {
        #expect(qp("Ol=C3=A1") == "Olá")
        #expect(qp("Ol=c3=a1") == "Olá")
        #expect(qp("uma linha =\r\nsó") == "uma linha só")
        #expect(qp("uma linha =\nsó") == "uma linha só")
        #expect(qp("soft break with padding=  \r\nok") == "soft break with paddingok")
    }

    @Test("Quoted-printable: invalid sequences are kept as written")
    func quotedPrintableInvalid() {
        #expect(qp("10=ZZ e 5=") == "10=ZZ e 5")
        #expect(qp("a = b") == "a = b")
        #expect(qp("fim=4") == "fim=4")
    }

    @Test("Quoted-printable: whitespace before a line end is transport padding")
    func quotedPrintablePadding() {
        #expect(qp("linha   \r\nproxima") == "linha\r\nproxima")
        #expect(qp("a\tb") == "a\tb")
    }

    @Test("Base64 tolerates whitespace, missing padding and glued blocks")
    func base64() {
        #expect(Base64.decode(Array("T2zD\r\noQ==".utf8)[...]).data == Array("Olá".utf8))
        #expect(Base64.decode(Array("T2zDoQ".utf8)[...]).data == Array("Olá".utf8))
        #expect(Base64.decode(Array("T2k=T2k=".utf8)[...]).data == Array("OiOi".utf8))
        #expect(!Base64.decode(Array("T2zDoQ".utf8)[...]).isTruncated)
    }

    @Test("Base64 with one leftover character reports truncation")
    func base64Truncated() {
        let result = Base64.decode(Array("T2zDo".utf8)[...])

        #expect(result.data == Array("Ol".utf8) + [0xC3])
        #expect(result.isTruncated)
    }

    @Test(
        "Transfer encoding names are case-insensitive; unknown ones warn",
        arguments: [
            ("BASE64", TransferEncoding.base64), ("Quoted-Printable", .quotedPrintable), ("8bit", .identity),
            ("binary", .identity), ("", .identity), ("x-uuencode", .unknown("x-uuencode")),
        ])
    func names(value: String, expected: TransferEncoding) {
        #expect(TransferEncoding(value) == expected)
    }

    @Test("Quoted-printable encoding keeps lines at 76 characters and round-trips")
    func quotedPrintableEncoding() {
        let text =
            "Olá, não consigo acessar a fatura nº 42 — é urgente. " + String(repeating: "palavra ", count: 30)
            + "\n.linha com ponto\nFrom the start\nfim com espaço \n= igual"

        let encoded = QuotedPrintable.encode(text: text)
        let lines = String(decoding: encoded, as: UTF8.self).components(separatedBy: "\r\n")

        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(!lines.contains { $0.hasPrefix(".") || $0.hasPrefix("From ") || $0.hasSuffix(" ") })
        #expect(
            String(decoding: QuotedPrintable.decode(encoded[...]), as: UTF8.self)
                == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("Base64 encoding uses 76-column CRLF lines")
    func base64Encoding() {
        let data = (0..<200).map { UInt8($0) }

        let encoded = String(decoding: Base64.encode(data), as: UTF8.self)

        #expect(encoded.components(separatedBy: "\r\n").dropLast().allSatisfy { $0.count <= 76 })
        #expect(encoded.components(separatedBy: "\r\n").first?.count == 76)
        #expect(Base64.decode(Array(encoded.utf8)[...]).data == data)
    }
}
