import Foundation
import Testing

@testable import BalcaoCore

@Suite("Charsets")
struct CharsetTests {
    @Test("Labels are recognised in their common spellings", arguments: ["UTF-8", "utf8", "\"utf-8\"", " Utf-8 "])
    func utf8Labels(label: String) {
        #expect(Charset(label: label) == .utf8)
    }

    @Test(
        "Latin-1 labels read as Windows-1252",
        arguments: ["ISO-8859-1", "latin1", "iso_8859-1", "windows-1252", "cp1252"])
    func latin1Labels(label: String) {
        #expect(Charset(label: label) == .windows1252)
    }

    @Test("Unknown labels are nil")
    func unknownLabel() {
        #expect(Charset(label: "x-klingon") == nil)
    }

    @Test("Windows-1252 0x80–0x9F map to the printable characters")
    func windows1252HighRange() {
        let bytes: [UInt8] = Array(0x80...0x9F)

        let text = Charset.windows1252.decode(bytes)

        #expect(text == "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ")
    }

    @Test("Latin-1 letters decode to their code points")
    func latin1Letters() {
        #expect(Charset.windows1252.decode([0x4F, 0x6C, 0xE1, 0x20, 0xE7, 0xE3, 0xF5]) == "Olá çãõ")
    }

    @Test("ISO-8859-15 replaces eight Latin-1 positions")
    func latin9() {
        #expect(Charset.latin9.decode([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE, 0xE9]) == "€ŠšŽžŒœŸé")
    }

    @Test("US-ASCII with 8-bit bytes is read as UTF-8, else Windows-1252")
    func asciiWithEightBitBytes() {
        #expect(Charset.ascii.decode(Array("Olá".utf8)) == "Olá")
        #expect(Charset.ascii.decode([0x4F, 0x6C, 0xE1]) == "Olá")
    }

    @Test("Invalid UTF-8 is replaced and reported")
    func invalidUTF8() {
        let result = Charset.utf8.decodeReportingErrors([0x61, 0xFF, 0x62])

        #expect(result.text == "a\u{FFFD}b")
        #expect(result.isLossy)
    }

    @Test("A UTF-8 byte order mark is dropped")
    func byteOrderMark() {
        #expect(Charset.utf8.decode([0xEF, 0xBB, 0xBF, 0x6F, 0x69]) == "oi")
    }

    @Test("UTF-16 honours its byte order mark")
    func utf16() {
        #expect(Charset.utf16.decode([0xFF, 0xFE, 0x4F, 0x00, 0xE1, 0x00]) == "Oá")
        #expect(Charset.utf16BigEndian.decode([0x00, 0x4F, 0x00, 0xE1]) == "Oá")
    }
}
