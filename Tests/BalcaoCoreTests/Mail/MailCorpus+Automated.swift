import Foundation

// Machine-sent messages: a bounce, an out-of-office, list traffic, a newsletter and a notification.
extension MailCorpus {
    /// Postfix delivery-status report for a ticket notification.
    static let deliveryStatusBounce = wire(
        """
        Return-Path: <>
        Date: Thu, 12 Mar 2026 10:00:01 -0300 (BRT)
        From: MAILER-DAEMON@mx.balcao.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: suporte@balcao.example
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="8A1B2C3D4E.1741784401/mx.balcao.example"
        Message-Id: <20260312130001.8A1B2C3D4E@mx.balcao.example>

        This is a MIME-encapsulated message.

        --8A1B2C3D4E.1741784401/mx.balcao.example
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.balcao.example.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <cliente@dominio-inexistente.com.br>: Host or domain name not found.

        --8A1B2C3D4E.1741784401/mx.balcao.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.balcao.example
        Final-Recipient: rfc822; cliente@dominio-inexistente.com.br
        Action: failed
        Status: 5.1.2

        --8A1B2C3D4E.1741784401/mx.balcao.example
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        From: Suporte <suporte@balcao.example>
        Subject: [#1050] Recebemos sua solicitacao
        Message-ID: <t1050.1@balcao.example>

        --8A1B2C3D4E.1741784401/mx.balcao.example--

        """)

    /// Exchange out-of-office in Portuguese, without the inbox-rule headers: its subject marks it.
    static let outOfOffice = wire(
        """
        From: Roberto Lima <roberto.lima@empresa.com.br>
        To: Suporte <suporte@balcao.example>
        Subject: =?iso-8859-1?Q?Resposta_autom=E1tica:_[#1051]_Atualiza=E7=E3o_do_chamado?=
        Date: Thu, 12 Mar 2026 13:10:00 +0000
        Message-ID: <oof.1@empresa.com.br>
        In-Reply-To: <t1051.2@balcao.example>
        Auto-Submitted: auto-generated
        X-Auto-Response-Suppress: All
        MIME-Version: 1.0
        Content-Type: text/plain; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Estou ausente at=E9 20/03, com acesso limitado ao e-mail.

        """)

    /// Mailman list traffic with raw UTF-8 in the headers (RFC 6532).
    static let mailingList = wire(
        """
        From: "Grupo Usuários" <usuarios@listas.example.org>
        To: usuarios@listas.example.org
        Subject: [Usuarios] Dúvida sobre exportação
        Date: Fri, 13 Mar 2026 17:00:00 -0300
        Message-ID: <list.1@listas.example.org>
        List-Id: Usuarios do Sistema <usuarios.listas.example.org>
        List-Unsubscribe: <mailto:usuarios-leave@listas.example.org>,
         <https://listas.example.org/sair>
        Precedence: list
        Sender: usuarios-bounces@listas.example.org
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Alguém sabe exportar para CSV?

        """)

    /// HTML-only newsletter, base64, with a style sheet and a table layout.
    static let htmlOnlyNewsletter = wire(
        """
        From: Produto Exemplo <news@example.com>
        To: suporte@balcao.example
        Subject: =?utf-8?B?Tm92aWRhZGVzIGRlIG1hcsOnbw==?=
        Date: Sat, 14 Mar 2026 07:00:00 +0000
        Message-ID: <news.2026.03@example.com>
        List-Unsubscribe: <https://example.com/sair>
        Precedence: bulk
        MIME-Version: 1.0
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: base64

        PCFET0NUWVBFIGh0bWw+CjxodG1sPjxoZWFkPjxtZXRhIGNoYXJzZXQ9InV0Zi04Ij48dGl0bGU+
        Tm92aWRhZGVzPC90aXRsZT4KPHN0eWxlPmJvZHkgeyBmb250LWZhbWlseTogQXJpYWwsIHNhbnMt
        c2VyaWY7IH0gLmJ0biB7IGNvbG9yOiAjZmZmOyB9PC9zdHlsZT48L2hlYWQ+Cjxib2R5Pjx0YWJs
        ZSB3aWR0aD0iNjAwIj48dHI+PHRkPgo8aDE+Tm92aWRhZGVzIGRlIG1hcsOnbzwvaDE+CjxwPkNv
        bmhlw6dhIG8gbm92byBwYWluZWwgZGUgcmVsYXTDs3Jpb3MuPC9wPgo8cD48YSBocmVmPSJodHRw
        czovL2V4YW1wbGUuY29tL25vdmlkYWRlcyIgY2xhc3M9ImJ0biI+U2FpYmEgbWFpczwvYT48L3A+
        CjwvdGQ+PC90cj48L3RhYmxlPgo8cCBzdHlsZT0iZm9udC1zaXplOjEwcHgiPlBhcmEgbsOjbyBy
        ZWNlYmVyIG1haXMsIDxhIGhyZWY9Imh0dHBzOi8vZXhhbXBsZS5jb20vc2FpciI+Y2xpcXVlIGFx
        dWk8L2E+LjwvcD4KPC9ib2R5PjwvaHRtbD4K

        """)

    /// A monitoring system's notification.
    static let systemNotification = wire(
        """
        From: Monitor <noreply@monitor.example>
        To: suporte@balcao.example
        Subject: Alerta: disco quase cheio
        Date: Sun, 15 Mar 2026 03:00:00 +0000
        Message-ID: <alert.99@monitor.example>
        Auto-Submitted: auto-generated
        Content-Type: text/plain

        O disco /var esta 95% cheio.

        """)
}
