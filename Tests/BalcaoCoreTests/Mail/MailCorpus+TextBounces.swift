import Foundation

// Bounces without a delivery-status part, read best effort from their text (formats as Sisimai documents them).
extension MailCorpus {
    /// Exchange 2010's plain-text non-delivery report, the original headers quoted after the diagnostic block.
    static let exchangeNDR = wire(
        """
        From: Microsoft Exchange <postmaster@empresa.com.br>
        To: suporte@balcao.example
        Date: Wed, 18 Mar 2026 11:30:00 +0000
        Subject: Undeliverable: [#1072] Proposta comercial
        Message-ID: <ndr.9f8e7d6c@EXCH01.empresa.com.br>
        Content-Language: en-US
        Content-Type: text/plain; charset="us-ascii"

        Delivery has failed to these recipients or groups:

        joao.silva@empresa.com.br
        The e-mail address you entered couldn't be found. Please check the recipient's e-mail address and try
        to resend the message. If the problem continues, please contact your helpdesk.

        Diagnostic information for administrators:

        Generating server: EXCH01.empresa.com.br

        joao.silva@empresa.com.br
        #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##

        Original message headers:

        Received: from mx.balcao.example (198.51.100.7) by EXCH01.empresa.com.br
         (10.0.0.5) with Microsoft SMTP Server id 14.3.498.0; Wed, 18 Mar 2026 11:29:58 +0000
        From: Suporte <suporte@balcao.example>
        To: <joao.silva@empresa.com.br>
        Subject: [#1072] Proposta comercial
        Message-ID:
         <t1072.1@balcao.example>
        Date: Wed, 18 Mar 2026 08:29:55 -0300
        MIME-Version: 1.0
        Content-Type: text/plain; charset="utf-8"

        """)

    /// qmail's "failure notice", the message copied below its marker line.
    static let qmailBounce = wire(
        """
        Return-Path: <>
        Received: (qmail 2222 invoked for bounce); 18 Mar 2026 12:00:00 -0000
        Date: 18 Mar 2026 12:00:00 -0000
        From: MAILER-DAEMON@mail.provedor.example.net
        To: suporte@balcao.example
        Subject: failure notice

        Hi. This is the qmail-send program at mail.provedor.example.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <marcos@provedor.example.net>:
        203.0.113.40 does not like recipient.
        Remote host said: 550 5.1.1 <marcos@provedor.example.net>... User unknown
        Giving up on 203.0.113.40.

        --- Below this line is a copy of the message.

        Return-Path: <suporte@balcao.example>
        Received: (qmail 2200 invoked from network); 18 Mar 2026 11:59:58 -0000
        From: Suporte <suporte@balcao.example>
        To: marcos@provedor.example.net
        Subject: [#1073] Boleto atualizado
        Message-ID: <t1073.2@balcao.example>
        Date: Wed, 18 Mar 2026 08:59:57 -0300

        Segue o boleto atualizado.

        """)

    /// Exim's "Mail delivery failed: returning message to sender" in its older plain-text form.
    static let eximBounce = wire(
        """
        Return-path: <>
        X-Failed-Recipients: paula@clinica.example.com.br
        Auto-Submitted: auto-replied
        From: Mail Delivery System <Mailer-Daemon@mail.hospedagem.example>
        To: suporte@balcao.example
        Subject: Mail delivery failed: returning message to sender
        Message-Id: <E1wXyZ-0001Ab-Cd@mail.hospedagem.example>
        Date: Wed, 18 Mar 2026 12:10:00 +0000

        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          paula@clinica.example.com.br
            host mx.clinica.example.com.br [192.0.2.80]
            SMTP error from remote mail server after RCPT TO:<paula@clinica.example.com.br>:
            552 5.2.2 Mailbox full

        ------ This is a copy of the message, including all the headers. ------

        Return-path: <suporte@balcao.example>
        From: Suporte <suporte@balcao.example>
        To: paula@clinica.example.com.br
        Subject: [#1074] Agendamento confirmado
        Message-ID: <t1074.1@balcao.example>
        Date: Wed, 18 Mar 2026 09:09:58 -0300

        Seu agendamento foi confirmado.

        """)
}
