import Foundation

// Out-of-office replies as each vendor sends them, and mail that only looks similar. Header sets follow
// captured messages where one was available: Exchange Online's from a public test fixture, Zimbra's from its
// source (`Auto-Submitted: auto-replied (zimbra; vacation)`), Gmail's and iCloud's from Zammad's detector tests.
extension MailCorpus {
    /// Exchange Online out-of-office: `auto-generated` (not `auto-replied`), the inbox rule that answered, and
    /// the suppress header Exchange always adds.
    static let exchangeOutOfOffice = wire(
        """
        From: Marta Ribeiro <marta.ribeiro@empresa.com.br>
        To: Suporte <suporte@balcao.example>
        Subject: Automatic reply: [#1060] Impressora sem conexão
        Thread-Topic: [#1060] Impressora sem conexão
        Thread-Index: AQHcpXyZ3k2mQ0ZpS0KxJw==
        Date: Tue, 17 Mar 2026 12:00:05 +0000
        Message-ID: <5a7c1f0e8b2d4c3a9e6f@CP6PR80MB4321.lamprd80.prod.outlook.com>
        References: <t1060.3@balcao.example>
        In-Reply-To: <t1060.3@balcao.example>
        Content-Language: pt-BR
        X-MS-Has-Attach:
        X-Auto-Response-Suppress: All
        X-MS-Exchange-Inbox-Rules-Loop: marta.ribeiro@empresa.com.br
        X-MS-TNEF-Correlator:
        x-ms-exchange-parent-message-id: <t1060.3@balcao.example>
        auto-submitted: auto-generated
        x-ms-exchange-generated-message-source: Mailbox Rules Agent
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable
        MIME-Version: 1.0

        Estou em f=C3=A9rias at=C3=A9 30/03. Para assuntos urgentes, ligue para o ramal 2=
        10.

        """)

    /// Gmail's vacation responder: the configured subject (no prefix), `Auto-Submitted: auto-replied`,
    /// `Precedence: bulk` and `X-Autoreply: yes`.
    static let gmailVacation = wire(
        """
        MIME-Version: 1.0
        Precedence: bulk
        X-Autoreply: yes
        Auto-Submitted: auto-replied
        Date: Tue, 17 Mar 2026 09:12:44 -0300
        Message-ID: <CAJvac.1234567890abcdef@mail.gmail.com>
        In-Reply-To: <t1061.2@balcao.example>
        References: <t1061.2@balcao.example>
        Subject: =?UTF-8?Q?F=C3=A9rias?=
        From: Pedro Alves <pedro.alves@gmail.com>
        To: suporte@balcao.example
        Content-Type: text/plain; charset="UTF-8"

        Olá! Estou de férias e retorno no dia 6 de abril.

        """)

    /// Zimbra's out-of-office, whose `Auto-Submitted` carries a comment.
    static let zimbraOutOfOffice = wire(
        """
        Date: Tue, 17 Mar 2026 10:30:00 -0300 (BRT)
        From: Lucia Prado <lucia.prado@prefeitura.example.gov.br>
        To: suporte@balcao.example
        Message-ID: <1029384756.1122.1773754200000.JavaMail.zimbra@prefeitura.example.gov.br>
        In-Reply-To: <t1062.1@balcao.example>
        Subject: Ausente do escritório
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 7bit
        Auto-Submitted: auto-replied (zimbra; vacation)
        Precedence: bulk
        X-Mailer: Zimbra 8.8.15_GA_4581 (zclient/8.8.15_GA_4581)

        Estou ausente ate 20/03.

        """)

    /// Yahoo's default vacation subject, "Auto Response", is the only sign relied on here: no captured message
    /// was available to confirm Yahoo's headers.
    static let yahooVacation = wire(
        """
        Date: Tue, 17 Mar 2026 13:45:10 +0000 (UTC)
        From: Rafael Costa <rafael_costa@yahoo.com.br>
        To: suporte@balcao.example
        Message-ID: <1493817267.2201934.1773755110823@mail.yahoo.com>
        In-Reply-To: <t1063.1@balcao.example>
        Subject: Auto Response
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8
        Content-Transfer-Encoding: 7bit
        X-Mailer: WebService/1.1.25432 YMailNorrin

        Estou viajando e respondo quando voltar.

        """)

    /// Apple iCloud's vacation reply: `auto-replied` with an `owner-email` parameter.
    static let iCloudVacation = wire(
        """
        From: Bia Martins <bia.martins@icloud.com>
        To: suporte@balcao.example
        Subject: Re: [#1064] Acesso ao portal
        Date: Tue, 17 Mar 2026 14:00:00 +0000
        Message-ID: <vacation.2A1B3C@icloud.com>
        In-Reply-To: <t1064.1@balcao.example>
        Auto-Submitted: auto-replied; owner-email="bia.martins@icloud.com"
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Estou fora até segunda-feira.

        """)

    /// French Exchange on-premises: no `Auto-Submitted`, only the subject (with the French space before the colon).
    static let frenchOutOfOffice = wire(
        """
        From: Camille Durand <camille.durand@entreprise.example.fr>
        To: suporte@balcao.example
        Subject: =?iso-8859-1?Q?R=E9ponse_automatique_:_[#1065]_Facture?=
        Date: Tue, 17 Mar 2026 15:00:00 +0100
        Message-ID: <oof.fr.1@entreprise.example.fr>
        Content-Type: text/plain; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Je suis absente jusqu'au 23 mars.

        """)

    /// A ticket-system notification that guards against loops with `X-Loop`, as OTRS and procmail setups do.
    static let helpDeskLoop = wire(
        """
        From: Service Desk <servicedesk@fornecedor.example>
        To: suporte@balcao.example
        Subject: [Ticket#2026031710000012] Recebemos sua mensagem
        Date: Tue, 17 Mar 2026 16:00:00 +0000
        Message-ID: <1773763200.12345.servicedesk@fornecedor.example>
        X-Loop: servicedesk@fornecedor.example
        Content-Type: text/plain; charset=utf-8

        Sua mensagem foi registrada.

        """)

    /// A customer writing from Thunderbird: no automation header at all, not even X-Auto-Response-Suppress.
    static let humanThunderbird = wire(
        """
        From: Helena Dias <helena.dias@exemplo.com.br>
        To: suporte@balcao.example
        Subject: Out of office policy for the support team?
        Date: Tue, 17 Mar 2026 17:00:00 -0300
        Message-ID: <b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e@exemplo.com.br>
        User-Agent: Mozilla Thunderbird
        Content-Language: pt-BR
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: 8bit

        Vocês atendem durante o feriado?

        """)
}
