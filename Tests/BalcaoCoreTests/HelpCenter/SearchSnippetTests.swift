import BalcaoCore
import Testing

@Suite("Search snippets")
struct SearchSnippetTests {
    @Test("Matches are marked whatever their accents and case, as word prefixes only, the whole word marked")
    func marksAccentInsensitively() {
        let html = SearchSnippet.html(of: "Manutenção do ar-condicionado: a MANUTENCAO preventiva", matching: ["manutencao"])
        #expect(html == "<mark>Manutenção</mark> do ar-condicionado: a <mark>MANUTENCAO</mark> preventiva")
        #expect(SearchSnippet.html(of: "Reembolso em dobro", matching: ["bols"]) == "Reembolso em dobro")
        #expect(SearchSnippet.html(of: "Reembolsos pendentes", matching: ["reembolso"]) == "<mark>Reembolsos</mark> pendentes")
    }

    @Test("The text around the match is escaped, never the markup")
    func escapes() {
        let html = SearchSnippet.html(of: "<script>alert(1)</script> senha & acesso", matching: ["senha"])
        #expect(html == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>senha</mark> &amp; acesso")
    }

    @Test("A long text is cut to whole words around the first match")
    func cutsAroundMatch() {
        let filler = Array(repeating: "palavra", count: 40).joined(separator: " ")
        let html = SearchSnippet.html(of: filler + " fatura vencida " + filler, matching: ["fatura"], radius: 30)
        #expect(html.hasPrefix("… palavra"))
        #expect(html.hasSuffix("palavra …"))
        #expect(html.contains("<mark>fatura</mark> vencida"))
        #expect(html.count < 120)
    }

    @Test("No match: the start of the text, unmarked")
    func noMatch() {
        let html = SearchSnippet.html(of: "Como trocar a senha do Wi-Fi", matching: ["impressora"], radius: 5)
        #expect(html == "Como trocar …")
    }
}
