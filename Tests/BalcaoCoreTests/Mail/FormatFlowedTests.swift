import Foundation
import Testing

@testable import BalcaoCore

@Suite("format=flowed")
struct FormatFlowedTests {
    @Test("Lines ending in a space are joined")
    func joinsFlowedLines() {
        #expect(
            FormatFlowed.unflow("uma frase \nlonga\nnova linha", deleteSpace: false) == "uma frase longa\nnova linha")
    }

    @Test("DelSp=yes removes the trailing space when joining")
    func deleteSpace() {
        #expect(FormatFlowed.unflow("palavra-\ncontinua", deleteSpace: true) == "palavra-\ncontinua")
        #expect(FormatFlowed.unflow("pala \nvra", deleteSpace: true) == "palavra")
    }

    @Test("Quote depth is kept and only equal depths are joined")
    func quotes() {
        #expect(FormatFlowed.unflow("> a \n> b\n>> c \n> d", deleteSpace: false) == "> a b\n>> c\n> d")
    }

    @Test("Space-stuffing is removed and the signature line is not joined")
    func stuffingAndSignature() {
        #expect(FormatFlowed.unflow(" From here\n-- \nAna", deleteSpace: false) == "From here\n-- \nAna")
    }
}
