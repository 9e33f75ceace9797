import BalcaoCore
import Testing

@Suite("Article Markdown")
struct ArticleMarkdownTests {
    @Test("Headings, emphasis, lists and links become HTML")
    func renders() {
        let html = ArticleMarkdown.html(
            """
            ## Como trocar a senha

            1. Abra **Configurações**.
            2. Escolha *Segurança*.

            Veja [o portal](https://portal.acme.example/senha).
            """)
        #expect(html.contains("<h2>Como trocar a senha</h2>"))
        #expect(html.contains("<ol><li>Abra <strong>Configurações</strong>.</li><li>Escolha <em>Segurança</em>.</li></ol>"))
        #expect(html.contains(#"<a href="https://portal.acme.example/senha""#))
    }

    @Test("Whatever an author types, no script, handler or javascript: link reaches a reader")
    func sanitizes() {
        let html = ArticleMarkdown.html(
            """
            <script>alert('x')</script>
            <img src="https://cdn.acme.example/a.png" onerror="alert(1)">
            [clique](javascript:alert(1))
            """)
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(html.contains(#"<img src="https://cdn.acme.example/a.png">"#))
        let link = ArticleMarkdown.html("Veja [clique](javascript:alert(1)) aqui.")
        #expect(link.contains("clique"))
        #expect(!link.lowercased().contains("href=\"javascript"))
    }
}
