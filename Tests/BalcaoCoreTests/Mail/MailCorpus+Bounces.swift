import Foundation

// RFC 3464 delivery status notifications for mail Balcão sent, shaped after Postfix, Gmail and Exchange Online.
extension MailCorpus {
    /// Postfix: an alias expanded to a mailbox that does not exist; the original message returned whole.
    static let postfixDSN = wire(
        """
        Return-Path: <>
        Date: Wed, 18 Mar 2026 08:15:02 -0300 (BRT)
        From: MAILER-DAEMON@mx.balcao.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: suporte@balcao.example
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="3F2A1B0C9D.1773832502/mx.balcao.example"
        Content-Transfer-Encoding: 8bit
        Message-Id: <20260318111502.3F2A1B0C9D@mx.balcao.example>

        This is a MIME-encapsulated message.

        --3F2A1B0C9D.1773832502/mx.balcao.example
        Content-Description: Notification
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        This is the mail system at host mx.balcao.example.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

                           The mail system

        <asouza@mail.cliente.com.br> (expanded from <ana.souza@cliente.com.br>): host
            mail.cliente.com.br[203.0.113.25] said: 550 5.1.1
            <asouza@mail.cliente.com.br>: Recipient address rejected: User unknown in
            local recipient table (in reply to RCPT TO command)

        --3F2A1B0C9D.1773832502/mx.balcao.example
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.balcao.example
        X-Postfix-Queue-ID: 3F2A1B0C9D
        X-Postfix-Sender: rfc822; suporte@balcao.example
        Arrival-Date: Wed, 18 Mar 2026 08:15:01 -0300 (BRT)

        Final-Recipient: rfc822; asouza@mail.cliente.com.br
        Original-Recipient: rfc822;ana.souza@cliente.com.br
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mail.cliente.com.br
        Diagnostic-Code: smtp; 550 5.1.1 <asouza@mail.cliente.com.br>: Recipient address
            rejected: User unknown in local recipient table

        --3F2A1B0C9D.1773832502/mx.balcao.example
        Content-Description: Undelivered Message
        Content-Type: message/rfc822
        Content-Transfer-Encoding: 8bit

        Return-Path: <suporte@balcao.example>
        From: Suporte <suporte@balcao.example>
        To: Ana Souza <ana.souza@cliente.com.br>
        Subject: [#1070] Sua solicitação foi resolvida
        Message-ID: <t1070.4@balcao.example>
        Date: Wed, 18 Mar 2026 08:15:00 -0300
        Content-Type: text/plain; charset=utf-8

        Olá, Ana. Sua solicitação foi resolvida.

        --3F2A1B0C9D.1773832502/mx.balcao.example--

        """)

    /// Gmail: "Address not found", a folded Diagnostic-Code, `X-Failed-Recipients`, and the report nested
    /// next to an HTML version and an icon.
    static let gmailBounce = wire(
        """
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: suporte@balcao.example
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Failure)
        References: <t1071.2@balcao.example>
        In-Reply-To: <t1071.2@balcao.example>
        X-Failed-Recipients: joao.pereira.cliente@gmail.com
        Message-ID: <65f1a2b3.050a0220.abc123.0001.GMR@mx.google.com>
        Date: Wed, 18 Mar 2026 04:20:11 -0700 (PDT)
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="000000000000a1b2c3d4e5f60718"; report-type=delivery-status

        --000000000000a1b2c3d4e5f60718
        Content-Type: multipart/related; boundary="000000000000a1b2c3d4e5f60719"

        --000000000000a1b2c3d4e5f60719
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6071a"

        --000000000000a1b2c3d4e5f6071a
        Content-Type: text/plain; charset="UTF-8"


        ** Address not found **

        Your message wasn't delivered to joao.pereira.cliente@gmail.com because the address couldn't be found,
        or is unable to receive mail.

        The response was:

        The email account that you tried to reach does not exist. Please try double-checking the recipient's
        email address for typos or unnecessary spaces.

        --000000000000a1b2c3d4e5f6071a
        Content-Type: text/html; charset="UTF-8"

        <html><body><h2>Address not found</h2><p>Your message wasn't delivered.</p></body></html>

        --000000000000a1b2c3d4e5f6071a--
        --000000000000a1b2c3d4e5f60719
        Content-Type: image/png; name="icon.png"
        Content-Disposition: attachment; filename="icon.png"
        Content-Transfer-Encoding: base64
        Content-ID: <icon.png>

        iVBORw0KGgo=
        --000000000000a1b2c3d4e5f60719--
        --000000000000a1b2c3d4e5f60718
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com
        Received-From-MTA: dns; suporte@balcao.example
        Arrival-Date: Wed, 18 Mar 2026 04:20:10 -0700 (PDT)
        X-Original-Message-ID: <t1071.2@balcao.example>

        Final-Recipient: rfc822; joao.pereira.cliente@gmail.com
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; The email account that you tried to reach does not exist. Please try
         double-checking the recipient's email address for typos or
         unnecessary spaces. 41be03b00d2f7-5ee5c0c8d0bsor1234567a12.62 - gsmtp
        Last-Attempt-Date: Wed, 18 Mar 2026 04:20:11 -0700 (PDT)

        --000000000000a1b2c3d4e5f60718
        Content-Type: text/rfc822-headers

        From: Suporte <suporte@balcao.example>
        To: joao.pereira.cliente@gmail.com
        Subject: [#1071] Recebemos sua mensagem
        Message-ID: <t1071.2@balcao.example>
        Date: Wed, 18 Mar 2026 08:20:09 -0300

        --000000000000a1b2c3d4e5f60718--

        """)

    /// Exchange Online: sent by "Microsoft Outlook" (not postmaster), marked `X-MS-Exchange-Message-Is-Ndr`.
    static let office365NDR = wire(
        """
        From: Microsoft Outlook
         <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@empresa.onmicrosoft.com>
        To: <suporte@balcao.example>
        Date: Wed, 18 Mar 2026 13:05:44 +0000
        Content-Type: multipart/report; report-type=delivery-status;
        	boundary="a5c3e2f1-0b9d-4e8c-9a7f-6e5d4c3b2a10"
        X-MS-Exchange-Message-Is-Ndr:
        Content-Language: en-US
        Message-ID: <7a1e0c2d-3f4b-4a5c-8d6e-9f0a1b2c3d4e@PR3PR10MB3914.eurprd10.prod.outlook.com>
        In-Reply-To: <t1075.1@balcao.example>
        References: <t1075.1@balcao.example>
        Subject: Undeliverable: [#1075] Contrato renovado
        Auto-Submitted: auto-replied
        MIME-Version: 1.0

        --a5c3e2f1-0b9d-4e8c-9a7f-6e5d4c3b2a10
        Content-Type: text/plain; charset="us-ascii"

        Your message to carla@empresa.com.br couldn't be delivered.
        carla wasn't found at empresa.com.br.

        Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address
        lookup'

        --a5c3e2f1-0b9d-4e8c-9a7f-6e5d4c3b2a10
        Content-Type: message/delivery-status

        Reporting-MTA: dns;PR3PR10MB3914.eurprd10.prod.outlook.com
        Received-From-MTA: dns;mx.balcao.example
        Arrival-Date: Wed, 18 Mar 2026 13:05:43 +0000

        Final-Recipient: rfc822;carla@empresa.com.br
        Action: failed
        Status: 5.1.10
        Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP
         address lookup

        --a5c3e2f1-0b9d-4e8c-9a7f-6e5d4c3b2a10
        Content-Type: message/rfc822

        From: Suporte <suporte@balcao.example>
        To: Carla Nunes <carla@empresa.com.br>
        Subject: [#1075] Contrato renovado
        Message-ID: <t1075.1@balcao.example>
        Date: Wed, 18 Mar 2026 10:05:40 -0300
        Content-Type: text/plain; charset=utf-8

        O contrato foi renovado.

        --a5c3e2f1-0b9d-4e8c-9a7f-6e5d4c3b2a10--

        """)
}
