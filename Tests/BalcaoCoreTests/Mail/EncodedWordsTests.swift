import Foundation
import Testing

@testable import BalcaoCore

@Suite("RFC 2047 encoded words")
struct EncodedWordsTests {
    @Test(
        "Decodes B and Q words in the common charsets",
        arguments: [
            ("=?UTF-8?B?T2zDoSwgbXVuZG8=?=", "Olá, mundo"),
            ("=?utf-8?q?Ol=C3=A1,_mundo?=", "Olá, mundo"),
            ("=?ISO-8859-1?Q?Ol=E1?=", "Olá"),
            ("=?iso-8859-1?b?T2zh?=", "Olá"),
            ("=?windows-1252?Q?=93aspas=94?=", "“aspas”"),
            ("=?us-ascii?Q?plain_text?=", "plain text"),
            ("=?ISO-8859-15?Q?=A4?=", "€"),
            ("=?UTF-8*pt-BR?Q?Jo=C3=A3o?=", "João"),
        ])
    func decodes(encoded: String, expected: String) {
        #expect(EncodedWords.decode(encoded) == expected)
    }

    @Test("Whitespace between adjacent encoded words is dropped, other whitespace kept")
    func adjacentWords() {
        #expect(EncodedWords.decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(EncodedWords.decode("=?utf-8?q?a?=\r\n =?utf-8?q?b?=") == "ab")
        #expect(EncodedWords.decode("=?utf-8?q?a?= b =?utf-8?q?c?=") == "a b c")
        #expect(EncodedWords.decode("Re: =?utf-8?q?Ol=C3=A1?= mundo") == "Re: Olá mundo")
    }

    @Test("A UTF-8 character split across two words comes out whole")
    func characterSplitAcrossWords() {
        #expect(EncodedWords.decode("=?UTF-8?Q?Jo=C3?= =?UTF-8?Q?=A3o?=") == "João")
        #expect(EncodedWords.decode("=?UTF-8?B?w6k=?==?UTF-8?B?w6k=?=") == "éé")
    }

    @Test(
        "Malformed words are left as written",
        arguments: [
            "=?utf-8?X?abc?=", "=?utf-8?Q?abc", "=?utf-8?B?***?=", "=??Q?abc?=", "=?utf-8?Q?a=ZZb?=",
            "=?utf-8?Q?with space?=",
            "=?", "=?utf-8", "a =? b ?= c",
        ])
    func malformed(text: String) {
        #expect(EncodedWords.decode(text) == text)
    }

    @Test("An unknown charset is read as UTF-8, else Latin-1")
    func unknownCharset() {
        #expect(EncodedWords.decode("=?x-unknown?Q?Ol=C3=A1?=") == "Olá")
        #expect(EncodedWords.decode("=?x-unknown?Q?Ol=E1?=") == "Olá")
    }

    @Test("Text without encoded words is returned unchanged")
    func plainText() {
        #expect(EncodedWords.decode("Fatura em atraso = R$ 10?") == "Fatura em atraso = R$ 10?")
    }

    @Test("Encoding chooses Q for mostly-ASCII text and never exceeds 75 characters per word")
    func encodeLimits() {
        let text = String(repeating: "Olá, não consigo acessar a fatura nº 42 — é urgente. ", count: 4)

        let words = EncodedWords.encode(text)

        #expect(words.allSatisfy { $0.count <= 75 })
        #expect(words.allSatisfy { $0.hasPrefix("=?utf-8?Q?") })
        #expect(EncodedWords.decode(words.joined(separator: " ")) == text)
    }

    @Test("Encoding chooses B for mostly non-Latin text and keeps emoji sequences whole")
    func encodeBase64() {
        let text = "日本語のテキスト👩‍👩‍👧‍👦とても長い件名" + String(repeating: "あ", count: 40)

        let words = EncodedWords.encode(text, firstLimit: 40)

        #expect(words.first.map { $0.count <= 40 } == true)
        #expect(words.allSatisfy { $0.hasPrefix("=?utf-8?B?") && $0.count <= 75 })
        #expect(EncodedWords.decode(words.joined(separator: "\r\n ")) == text)
    }
}
