import Foundation
import Testing

@testable import BalcaoCore

@Suite("Tag.normalize")
struct TagTests {
    @Test(
        "A tag is lower-cased, trimmed and joins its words with _",
        arguments: [
            ("VIP", "vip"),
            ("  vip  ", "vip"),
            ("Printer Jam", "printer_jam"),
            ("printer   jam", "printer_jam"),
            ("Acesso\tRemoto\n", "acesso_remoto"),
            ("acesso,remoto", "acesso_remoto"),
            ("Impressão Fiscal", "impressão_fiscal"),
            ("already_snake", "already_snake"),
        ])
    func normalizesOne(raw: String, expected: String) {
        #expect(Tag.normalize(raw) == expected)
    }

    @Test("Nothing is left of a blank tag", arguments: ["", "   ", "\t\n", ", ,"])
    func blankIsNil(raw: String) {
        #expect(Tag.normalize(raw) == nil)
    }

    @Test("A tag list is normalized, deduplicated and sorted, without blanks")
    func normalizesList() {
        let raw = ["VIP", "vip", " Printer  Jam", "", "acesso,remoto", "Vip ", "alpha"]

        let tags = Tag.normalize(raw)

        #expect(tags == ["acesso_remoto", "alpha", "printer_jam", "vip"])
    }

    @Test("An empty list stays empty")
    func emptyList() {
        #expect(Tag.normalize([String]()) == [])
    }
}
