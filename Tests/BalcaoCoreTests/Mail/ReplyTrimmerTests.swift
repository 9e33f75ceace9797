import Foundation
import Testing

@testable import BalcaoCore

@Suite("Reply trimming")
struct ReplyTrimmerTests {
    private func visible(_ text: String) -> String { ReplyTrimmer.visibleReply(text) }

    @Test("Cuts at an English attribution, on one line or wrapped over two")
    func englishAttribution() {
        #expect(visible("Thanks!\n\nOn Tue, 3 Mar 2026 at 10:00, Ana <a@b.com> wrote:\n> old") == "Thanks!")
        #expect(visible("Thanks!\n\nOn Tue, 3 Mar 2026 at 10:00, Ana Souza <\na@b.com> wrote:\n\n> old") == "Thanks!")
    }

    @Test("Cuts at Portuguese Gmail and Outlook attributions")
    func portugueseAttribution() {
        #expect(
            visible("Obrigada.\n\nEm ter., 3 de mar. de 2026 às 10:00, Ana <a@b> escreveu:\n> antigo") == "Obrigada.")
        #expect(visible("Obrigada.\n\nEm 03/03/2026 10:00, Ana escreveu:\nsem citação") == "Obrigada.")
    }

    @Test("A sentence that ends in escreveu: without a date is not an attribution")
    func sentenceIsNotAttribution() {
        let text = "Em resumo, o cliente escreveu:\nquero cancelar"

        #expect(visible(text) == text)
    }

    @Test(
        "Cuts at Original Message rules",
        arguments: [
            "-----Original Message-----", "-----Mensagem original-----", "----- Original Message -----",
            "-----Mensagem Original-----",
        ])
    func originalMessage(rule: String) {
        #expect(visible("Nova mensagem.\n\n\(rule)\nFrom: x\nold") == "Nova mensagem.")
    }

    @Test("Cuts at Outlook header blocks in English and Portuguese")
    func outlookBlocks() {
        #expect(
            visible("Ok.\n\nFrom: Ana Souza\nSent: Tuesday, March 3, 2026 10:00\nTo: Suporte\nSubject: x\n\nold")
                == "Ok.")
        #expect(
            visible("Ok.\n\nDe: Ana Souza\nEnviado: terça-feira, 3 de março de 2026 10:00\nPara: Suporte\n\nantigo")
                == "Ok.")
        #expect(visible("Ok.\n\nDe: Ana Souza <a@b>\nEnviada em: terça\nEnviada: terça\n\nantigo") == "Ok.")
        #expect(visible("Ok.\n\n*From:* Ana\n*Date:* Tue, 3 Mar 2026\n*Subject:* x\n\nold") == "Ok.")
        #expect(visible("Ok.\n\nDe: Ana\nData: 3 de março de 2026\nAssunto: x\n\nantigo") == "Ok.")
    }

    @Test("A lone From: line in the text is not an Outlook block")
    func loneFromLine() {
        let text = "De: São Paulo\nPara: Rio\nVoo confirmado."

        #expect(visible(text) == text)
    }

    @Test("Cuts at an underscore rule followed by From or De")
    func underscoreRule() {
        #expect(
            visible("Resolvido.\n\n________________________________\nDe: Suporte\nEnviado: ontem\n\nantigo")
                == "Resolvido.")
        #expect(visible("Resolvido.\n________________________________\n\nFrom: Suporte\n\nold") == "Resolvido.")
    }

    @Test("Cuts at the signature delimiter")
    func signature() {
        #expect(visible("Oi.\n\n-- \nAna Souza\nGerente") == "Oi.")
        #expect(visible("Oi.\n--\nAna") == "Oi.")
    }

    @Test("A trailing run of quoted lines is dropped")
    func trailingQuotes() {
        #expect(visible("Sim, pode fechar.\n\n> Podemos fechar o chamado?\n>\n> Equipe") == "Sim, pode fechar.")
    }

    @Test("Quotes interleaved with new text are kept")
    func interleavedQuotes() {
        let text = "> Qual o navegador?\nChrome.\n\n> Qual a versão?\n120.\n\n> Obrigado\n> Equipe"

        #expect(visible(text) == "> Qual o navegador?\nChrome.\n\n> Qual a versão?\n120.")
    }

    @Test("An attribution above interleaved answers is kept")
    func attributionAboveInterleaved() {
        let text = "On Tue, 3 Mar 2026 Ana wrote:\n> Qual o navegador?\nChrome.\n> E a versão?\n120."

        #expect(visible(text) == text)
    }

    @Test(
        "Mobile sign-offs are dropped",
        arguments: [
            "Sent from my iPhone", "Enviado do meu iPhone", "Enviado do meu smartphone Samsung Galaxy",
            "Get Outlook for Android", "Obter o Outlook para Android", "Get Outlook for iOS<https://aka.ms/o0ukef>",
            "Enviado do Yahoo Mail no Android",
        ])
    func signOffs(signOff: String) {
        #expect(visible("Pode ser amanhã.\n\n\(signOff)\n") == "Pode ser amanhã.")
        #expect(
            visible("Pode ser amanhã.\n\n\(signOff)\n\nEm 3 de mar. de 2026, às 10:00, Ana escreveu:\n> x")
                == "Pode ser amanhã.")
    }

    @Test("When nothing would be left, the original text is returned trimmed")
    func nothingLeft() {
        #expect(visible("\n> só citação\n> nada novo\n\n") == "> só citação\n> nada novo")
        #expect(visible("Enviado do meu iPhone") == "Enviado do meu iPhone")
        #expect(visible("") == "")
    }

    @Test("An HTML-only Outlook reply converted to text is trimmed at its header block")
    func outlookHTMLReply() {
        let html = """
            <div class="WordSection1"><p class="MsoNormal">Pode fechar o chamado.</p><p class="MsoNormal">&nbsp;</p>
            <div style="border:none;border-top:solid #E1E1E1 1.0pt"><p class="MsoNormal"><b>De:</b> Suporte Balcão
            &lt;suporte@balcao.example&gt;<br><b>Enviada em:</b> terça-feira, 3 de março de 2026 10:00<br>
            <b>Para:</b> Ana<br><b>Assunto:</b> [#1042] Fatura</p></div><p class="MsoNormal">Olá Ana…</p></div>
            """

        #expect(visible(HTMLSanitizer.plainText(fromHTML: html)) == "Pode fechar o chamado.")
    }

    @Test("A Gmail HTML reply converted to text is trimmed at its attribution")
    func gmailHTMLReply() {
        let html = """
            <div dir="ltr">Obrigado!</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, \
            Mar 3, 2026 at 10:00 AM Suporte &lt;suporte@balcao.example&gt; wrote:<br></div><blockquote \
            class="gmail_quote">Olá</blockquote></div>
            """

        #expect(visible(HTMLSanitizer.plainText(fromHTML: html)) == "Obrigado!")
    }

    @Test("CRLF line ends and trailing blank lines are handled")
    func lineEnds() {
        #expect(visible("Linha 1\r\nLinha 2\r\n\r\n\r\n") == "Linha 1\nLinha 2")
    }
}
