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

    @Test(
        "WHATWG aliases and mailer spellings, in any case",
        arguments: [
            ("latin1", Charset.windows1252), ("ISO_8859-1", .windows1252), ("CP1252", .windows1252),
            ("l9", .latin9), ("csShiftJIS", .shiftJIS), ("x-sjis", .shiftJIS), ("SJIS", .shiftJIS),
            ("windows-31j", .shiftJIS), ("cp932", .shiftJIS), ("EUC-JP", .eucJP), ("iso-2022-jp", .iso2022JP),
            ("GB2312", .gb18030), ("gbk", .gb18030), ("x-gbk", .gb18030), ("GB18030", .gb18030),
            ("Big5", .big5), ("big5-hkscs", .big5HKSCS), ("ks_c_5601-1987", .eucKR), ("EUC-KR", .eucKR),
            ("KOI8-R", .koi8R), ("koi8-u", .koi8U), ("cp1251", .windows1251), ("Windows-1250", .windows1250),
            ("ISO-8859-2", .latin2), ("UTF-16", .utf16), ("utf-16le", .utf16LittleEndian),
            ("UTF-16BE", .utf16BigEndian), ("UTF-7", .utf7),
        ])
    func aliases(label: String, expected: Charset) {
        #expect(Charset(label: label) == expected)
    }

    @Test("Every charset is decodable on this system")
    func everyCharsetIsDecodable() {
        #expect(Charset.allCases.filter { !$0.isDecodable } == [])
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

    @Test("UTF-16 without a byte order mark is little-endian when its zero bytes say so, else big-endian")
    func utf16WithoutByteOrderMark() {
        #expect(Charset.utf16.decode([0x4F, 0x00, 0xE1, 0x00]) == "Oá")
        #expect(Charset.utf16.decode([0x00, 0x4F, 0x00, 0xE1]) == "Oá")
        #expect(Charset.utf16.decode([0x65, 0xE5, 0x67, 0x2C]) == "日本")
    }

    @Test("GBK's one-byte euro sign is read in GB18030 text, next to a four-byte character GBK lacks")
    func gbkEuro() {
        let result = Charset.gb18030.decodeReportingErrors([0x80, 0x32, 0x30, 0x95, 0x32, 0x82, 0x36])

        #expect(result.text == "€20𠀀")
        #expect(!result.isLossy)
    }

    @Test(
        "Invalid and truncated multi-byte input is repaired and reported, never dropped",
        arguments: [
            (Charset.shiftJIS, [0x93, 0xFA, 0x96] as [UInt8], "日\u{FFFD}"),
            (.shiftJIS, [0x93, 0xFA, 0xFF, 0x96, 0x7B], "日\u{FFFD}本"),
            (.iso2022JP, [0x1B, 0x24, 0x42, 0x46, 0x7C, 0xE9, 0x1B, 0x28, 0x42, 0x41], "日\u{FFFD}A"),
            (.eucJP, [0xC6, 0xFC, 0xC6], "日\u{FFFD}"),
            (.big5, [0xA4, 0xA4, 0xFF, 0xA4, 0xE5], "中\u{FFFD}文"),
            (.eucKR, [0xC7, 0xD1, 0xFF], "한\u{FFFD}"),
            (.gb18030, [0x81, 0x30, 0x81], "\u{FFFD}"),
            (.utf7, Array("+AOE".utf8) + [0xFF], "á\u{FFFD}"),
        ])
    func invalidMultiByte(charset: Charset, bytes: [UInt8], expected: String) {
        let result = charset.decodeReportingErrors(bytes)

        #expect(result.text == expected)
        #expect(result.isLossy)
    }

    @Test("Random bytes in every charset decode without trapping")
    func randomBytes() {
        var generator = SeededMailRandom(seed: 2047)
        for charset in Charset.allCases {
            for length in [0, 1, 2, 3, 7, 64, 1000] {
                let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                let result = charset.decodeReportingErrors(bytes)
                #expect(result.text.utf8.count <= max(16, bytes.count * 6))
            }
        }
    }
}
