import Foundation
import Testing

@testable import BalcaoCore

@Suite("Header parameters")
struct HeaderParametersTests {
    @Test("The value is lower-cased; parameter names too, values kept")
    func basics() {
        let type = HeaderParameters("Multipart/Mixed; Boundary=\"AbC\"; charset=UTF-8")

        #expect(type.value == "multipart/mixed")
        #expect(type["boundary"] == "AbC")
        #expect(type["charset"] == "UTF-8")
    }

    @Test("Quoted values keep semicolons and escapes")
    func quoted() {
        let disposition = HeaderParameters(#"attachment; filename="a;b \"c\".txt"; size=10"#)

        #expect(disposition["filename"] == #"a;b "c".txt"#)
        #expect(disposition["size"] == "10")
    }

    @Test("RFC 2231 extended value with charset and language")
    func extendedValue() {
        #expect(HeaderParameters("attachment; filename*=UTF-8''rel%C3%A1torio.pdf")["filename"] == "relátorio.pdf")
        #expect(HeaderParameters("attachment; filename*=iso-8859-1'pt'a%E7%E3o.txt")["filename"] == "ação.txt")
        #expect(HeaderParameters("attachment; filename*=''plain.txt")["filename"] == "plain.txt")
    }

    @Test("RFC 2231 continuations are joined in index order, mixing encoded and plain pieces")
    func continuations() {
        let header = "attachment; filename*1*=%C3%A7%C3%A3o; filename*0*=UTF-8''a%C3%A7; filename*2=\" final.txt\""

        #expect(HeaderParameters(header)["filename"] == "açção final.txt")
    }

    @Test("The extended value wins over the plain fallback")
    func extendedWins() {
        #expect(
            HeaderParameters("attachment; filename=\"relatorio.pdf\"; filename*=utf-8''rel%C3%B3rio.pdf")["filename"]
                == "relório.pdf")
    }

    @Test("Encoded words in a plain value are decoded (Outlook, Gmail)")
    func encodedWordValue() {
        #expect(
            HeaderParameters("image/png; name=\"=?UTF-8?B?Zm90byBkYSBwbGFjYS5wbmc=?=\"")["name"] == "foto da placa.png")
    }

    @Test("Unquoted values with spaces, missing values and stray semicolons")
    func sloppy() {
        let type = HeaderParameters("text/plain;; charset = utf-8 ; name=meu arquivo.txt; junk")

        #expect(type["charset"] == "utf-8")
        #expect(type["name"] == "meu arquivo.txt")
        #expect(type.parameters.count == 2)
    }
}
