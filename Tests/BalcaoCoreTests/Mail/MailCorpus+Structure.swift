import Foundation

// Messages that exercise MIME structure: encoded words, RFC 2231 names, nesting, forwards, invitations.
extension MailCorpus {
    /// A subject in two B words split inside "—", a name in Q words split inside "ã", mixed charsets in Cc.
    static let splitEncodedSubject = wire(
        """
        From: =?UTF-8?Q?Jo=C3?= =?UTF-8?Q?=A3o_Silva?= <joao.silva@example.com.br>
        To: suporte@balcao.example
        Cc: =?ISO-8859-1?Q?Andr=E9?= =?UTF-8?Q?_Gon=C3=A7alves?= <andre@example.com.br>,
         "=?utf-8?B?TcOhcmNpYQ==?=" <marcia@example.com.br>
        Subject: =?UTF-8?B?UmU6IFsjMTA0Nl0gTsOjbyBjb25zaWdvIGFjZXNzYXIgYSBmYXR1cmEgbsK6IDQyIOI=?=
         =?UTF-8?B?gJQgw6kgdXJnZW50ZQ==?=
        Date: Sat, 7 Mar 2026 09:00:00 -0300
        Message-ID: <split.1@example.com.br>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Já tentei três vezes.

        """)

    /// File names from RFC 2231 (single value and continuations), an Outlook encoded-word name, and two
    /// nameless parts that get generated names.
    static let rfc2231Filenames = wire(
        """
        From: Ana Souza <ana.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Documentos do contrato
        Date: Sun, 8 Mar 2026 10:00:00 -0300
        Message-ID: <rfc2231.1@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="----=_Part_1_2026"

        This is a multi-part message in MIME format.

        ------=_Part_1_2026
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 7bit

        Seguem os documentos.
        ------=_Part_1_2026
        Content-Type: application/pdf; name="relatorio.pdf"
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment;
         filename*=UTF-8''rel%C3%A1torio%20mensal.pdf

        JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyA+PgplbmRvYmoKdHJhaWxl
        cgo8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo=
        ------=_Part_1_2026
        Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment;
         filename*0*=UTF-8''contrato%20de%20presta%C3%A7;
         filename*1*=%C3%A3o%20de%20servi%C3%A7os;
         filename*2=".docx"

        UEsDBAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJic=
        ------=_Part_1_2026
        Content-Type: application/vnd.ms-excel; name="=?utf-8?Q?or=C3=A7amento_2026.xls?="
        Content-Transfer-Encoding: base64
        Content-Disposition: attachment

        0M8R4KGxGuE=
        ------=_Part_1_2026
        Content-Type: image/png
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        ------=_Part_1_2026
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: base64

        AAECAw==
        ------=_Part_1_2026--

        """)

    /// multipart/mixed > related > alternative, with an inline logo (Content-ID, no name) and a PDF.
    static let nestedMixedRelatedAlternative = wire(
        """
        From: Financeiro <financeiro@fornecedor.example>
        To: suporte@balcao.example
        Subject: Boleto de março
        Date: Mon, 9 Mar 2026 08:30:00 -0300
        Message-ID: <nested.1@fornecedor.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="mixed-b1"

        --mixed-b1
        Content-Type: multipart/related; boundary="related-b2"; type="multipart/alternative"

        --related-b2
        Content-Type: multipart/alternative; boundary="alt-b3"

        --alt-b3
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Segue o boleto de mar=C3=A7o.
        --alt-b3
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        <p><img src=3D"cid:logo@fornecedor"></p><p>Segue o boleto de <b>mar=C3=A7o</b>.</p>
        --alt-b3--

        --related-b2
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-ID: <logo@fornecedor>

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9
        awAAAABJRU5ErkJggg==
        --related-b2--

        --mixed-b1
        Content-Type: application/pdf; name="boleto.pdf"
        Content-Disposition: attachment; filename="boleto.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyA+PgplbmRvYmoKdHJhaWxl
        cgo8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo=
        --mixed-b1--

        """)

    /// A forwarded message as message/rfc822 (named from its subject) and a second one without subject.
    static let forwardedMessage = wire(
        """
        From: Beatriz Lima <beatriz.lima@gmail.com>
        To: suporte@balcao.example
        Subject: Fwd: =?UTF-8?Q?Confirma=C3=A7=C3=A3o_de_pedido_n=C2=BA_7788?=
        Date: Tue, 10 Mar 2026 09:00:00 -0300
        Message-ID: <fwd.1@mail.gmail.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="fwd-boundary"

        --fwd-boundary
        Content-Type: text/plain; charset=utf-8

        Segue o e-mail abaixo.
        --fwd-boundary
        Content-Type: message/rfc822
        Content-Disposition: inline

        From: Loja Online <pedidos@loja.example>
        To: Beatriz Lima <beatriz.lima@gmail.com>
        Subject: =?UTF-8?Q?Confirma=C3=A7=C3=A3o_de_pedido_n=C2=BA_7788?=
        Date: Mon, 2 Mar 2026 20:00:00 -0300
        Message-ID: <pedido-7788@loja.example>
        Content-Type: text/plain; charset=utf-8

        Seu pedido 7788 foi confirmado.
        --fwd-boundary
        Content-Type: message/rfc822

        From: alguem@example.com
        To: beatriz.lima@gmail.com

        Sem assunto.
        --fwd-boundary--

        """)

    /// Outlook meeting request: text/calendar inside the alternative plus an application/ics file.
    static let outlookMeetingInvite = wire(
        """
        From: "Souza, Carlos" <carlos.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Reunião de alinhamento
        Date: Wed, 11 Mar 2026 13:00:00 +0000
        Message-ID: <invite.1@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="_mixed_invite_"

        --_mixed_invite_
        Content-Type: multipart/alternative; boundary="_alt_invite_"

        --_alt_invite_
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: 8bit

        Vamos alinhar o projeto.
        --_alt_invite_
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: 8bit

        <p>Vamos alinhar o projeto.</p>
        --_alt_invite_
        Content-Type: text/calendar; charset="utf-8"; method=REQUEST
        Content-Transfer-Encoding: 8bit

        BEGIN:VCALENDAR
        METHOD:REQUEST
        END:VCALENDAR
        --_alt_invite_--

        --_mixed_invite_
        Content-Type: application/ics; name="invite.ics"
        Content-Disposition: attachment; filename="invite.ics"
        Content-Transfer-Encoding: base64

        QkVHSU46VkNBTEVOREFSDQpFTkQ6VkNBTEVOREFSDQo=
        --_mixed_invite_--

        """)

    /// The bytes of the PDF attached by `rfc2231Filenames` and `nestedMixedRelatedAlternative`.
    static let samplePDF: [UInt8] = [
        0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x0A, 0x31,
        0x20, 0x30, 0x20, 0x6F, 0x62, 0x6A, 0x0A, 0x3C, 0x3C, 0x20, 0x2F, 0x54, 0x79, 0x70, 0x65, 0x20,
        0x2F, 0x43, 0x61, 0x74, 0x61, 0x6C, 0x6F, 0x67, 0x20, 0x3E, 0x3E, 0x0A, 0x65, 0x6E, 0x64, 0x6F,
        0x62, 0x6A, 0x0A, 0x74, 0x72, 0x61, 0x69, 0x6C, 0x65, 0x72, 0x0A, 0x3C, 0x3C, 0x20, 0x2F, 0x52,
        0x6F, 0x6F, 0x74, 0x20, 0x31, 0x20, 0x30, 0x20, 0x52, 0x20, 0x3E, 0x3E, 0x0A, 0x25, 0x25, 0x45,
        0x4F, 0x46, 0x0A,
    ]
}
