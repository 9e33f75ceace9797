import Foundation
import Testing

@testable import BalcaoCore

@Suite("Header blocks")
struct MailHeadersTests {
    private func parse(_ text: String) -> (block: MailHeaders.Block, warnings: [String]) {
        var warnings: [String] = []
        let block = MailHeaders.parse(Array(text.utf8)[...], warnings: &warnings)
        return (block, warnings)
    }

    @Test("Lookups are case-insensitive and return the first field; all returns every one")
    func lookups() {
        let headers = parse("Received: a\r\nreceived: b\r\nSUBJECT: oi\r\n\r\n").block.headers

        #expect(headers["received"] == "a")
        #expect(headers.all("RECEIVED") == ["a", "b"])
        #expect(headers["Subject"] == "oi")
        #expect(headers["Missing"] == nil)
        #expect(headers.fields.map(\.name) == ["Received", "received", "SUBJECT"])
    }

    @Test("Folded lines are unfolded keeping the leading whitespace")
    func unfolding() {
        #expect(parse("Subject: uma\r\n\tduas\r\n  tres\r\n\r\n").block.headers["Subject"] == "uma\tduas  tres")
    }

    @Test("The body starts after the blank line, with CRLF or bare LF")
    func bodyStart() {
        let text = "A: 1\nB: 2\n\ncorpo"

        let block = parse(text).block

        #expect(block.bodyStart == text.utf8.count - 5)
        #expect(block.hasBlankLine)
    }

    @Test("An mbox From_ line in front is ignored")
    func mboxLine() {
        let result = parse("From ana@x.com Tue Mar  3 10:00:00 2026\nSubject: oi\n\n")

        #expect(result.block.headers["Subject"] == "oi")
        #expect(result.warnings.isEmpty)
    }

    @Test("Setting fields keeps lookups consistent")
    func mutation() {
        var headers = MailHeaders([("Subject", "a")])

        headers.fields.append((name: "X-Tag", value: "b"))

        #expect(headers["x-tag"] == "b")
    }

    @Test("Raw Latin-1 header bytes are read as Windows-1252")
    func rawLatin1() {
        var warnings: [String] = []
        let bytes: [UInt8] = Array("Subject: ".utf8) + [0x41, 0xE7, 0xE3, 0x6F] + Array("\r\n\r\n".utf8)

        #expect(MailHeaders.parse(bytes[...], warnings: &warnings).headers["Subject"] == "Ação")
    }
}
