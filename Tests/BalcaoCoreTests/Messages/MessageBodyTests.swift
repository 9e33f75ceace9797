import Foundation
import Testing

@testable import BalcaoCore

@Suite("MessageBody.normalized()")
struct MessageBodyTests {
    @Test("Plain text is kept and becomes escaped HTML")
    func textOnly() throws {
        let body = MessageBody(text: "Olá <equipe> & cia, \"urgente\"")

        let normalized = try #require(body.normalized())

        #expect(normalized.text == "Olá <equipe> & cia, \"urgente\"")
        #expect(normalized.html == "<p>Olá &lt;equipe&gt; &amp; cia, \"urgente\"</p>")
    }

    @Test("Plain text lines and paragraphs become <br> and <p>")
    func textParagraphs() throws {
        let body = MessageBody(text: "Bom dia,\nA impressora parou.\n\nObrigada,\nAna")

        let normalized = try #require(body.normalized())

        #expect(normalized.html == "<p>Bom dia,<br>A impressora parou.</p>\n<p>Obrigada,<br>Ana</p>")
    }

    @Test("HTML alone is sanitized and the plain text is derived from it")
    func htmlOnly() throws {
        let body = MessageBody(
            text: nil, html: #"<p onclick="steal()">Olá <b>mundo</b></p><script>alert(1)</script><p>Até logo</p>"#)

        let normalized = try #require(body.normalized())

        #expect(normalized.html == "<p>Olá <b>mundo</b></p><p>Até logo</p>")
        #expect(normalized.text == "Olá mundo\n\nAté logo")
    }

    @Test("An empty text next to HTML is derived from the HTML")
    func emptyTextWithHTML() throws {
        let body = MessageBody(text: "", html: "<ul><li>Reiniciar</li><li>Testar</li></ul>")

        let normalized = try #require(body.normalized())

        #expect(normalized.text == "- Reiniciar\n- Testar")
        #expect(normalized.html == "<ul><li>Reiniciar</li><li>Testar</li></ul>")
    }

    @Test("When both are sent, the client's text is kept and its HTML sanitized")
    func textAndHTML() throws {
        let body = MessageBody(text: "Versão em texto", html: "<div>Versão <i>HTML</i><iframe src=\"x\"></iframe></div>")

        let normalized = try #require(body.normalized())

        #expect(normalized.text == "Versão em texto")
        #expect(normalized.html == "<div>Versão <i>HTML</i></div>")
    }

    @Test("Blank HTML falls back to the text")
    func blankHTMLUsesText() throws {
        let body = MessageBody(text: "Oi", html: "  \n ")

        let normalized = try #require(body.normalized())

        #expect(normalized.text == "Oi")
        #expect(normalized.html == "<p>Oi</p>")
    }

    @Test(
        "A body with nothing to read is no body",
        arguments: [
            MessageBody(text: nil, html: nil),
            MessageBody(text: ""),
            MessageBody(text: " \n\t "),
            MessageBody(text: nil, html: "   "),
            MessageBody(text: nil, html: "<p> </p><br>"),
            MessageBody(text: nil, html: "<script>alert('oi')</script>"),
            MessageBody(text: "  ", html: "<div><style>p{}</style></div>"),
        ])
    func blankIsNil(body: MessageBody) {
        #expect(body.normalized() == nil)
    }

    @Test(
        "A script never survives in the stored HTML",
        arguments: [
            MessageBody(text: "<script>alert(1)</script>"),
            MessageBody(text: nil, html: "<p>Oi</p><script>alert(1)</script>"),
            MessageBody(text: nil, html: "<p>Oi<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT></p>"),
            MessageBody(text: "Oi", html: "<p>Oi</p><scr<script>ipt>alert(1)</script>"),
            MessageBody(text: nil, html: "<p>Oi</p><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">link</a>"),
        ])
    func scriptNeverSurvives(body: MessageBody) throws {
        let normalized = try #require(body.normalized())

        let html = normalized.html.lowercased()

        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onerror"))
    }

    @Test("A blank body is reported as a validation issue")
    func validateBlank() {
        var collector = ValidationCollector()

        MessageBody(text: "   ").validate(field: "body", into: &collector)

        #expect(collector.issues == [FieldIssue("body", "must not be blank")])
    }

    @Test("A body over the size limit is reported as a validation issue", arguments: [
        MessageBody(text: String(repeating: "a", count: MessageBody.maxLength + 1)),
        MessageBody(text: "ok", html: String(repeating: "a", count: MessageBody.maxLength + 1)),
    ])
    func validateTooLong(body: MessageBody) {
        var collector = ValidationCollector()

        body.validate(field: "body", into: &collector)

        #expect(collector.issues == [FieldIssue("body", "must be at most 200000 characters")])
    }

    @Test("A body of exactly the size limit is accepted")
    func validateLongest() {
        var collector = ValidationCollector()

        MessageBody(text: String(repeating: "a", count: MessageBody.maxLength)).validate(field: "body", into: &collector)

        #expect(collector.issues.isEmpty)
    }
}
