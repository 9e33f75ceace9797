import BalcaoCore
import Testing

@Suite("Search stems")
struct SearchStemTests {
    @Test("Singular and plural share a stem, so either finds both", arguments: [
        ("devolucao", "devolucoes"), ("botao", "botoes"), ("pedido", "pedidos"), ("impressora", "impressoras"),
        ("policy", "policies"), ("ticket", "tickets"),
    ])
    func pluralsMeet(singular: String, plural: String) {
        let (one, many) = (SearchStem.stem(singular), SearchStem.stem(plural))
        #expect(singular.hasPrefix(one) || one == singular)
        #expect(plural.hasPrefix(many))
        #expect(singular.hasPrefix(many) || many.hasPrefix(one))
    }

    @Test("Short words and double s are kept", arguments: ["vpn", "wifi", "senha", "access", "class"])
    func kept(word: String) {
        #expect(SearchStem.stem(word) == word)
    }
}
