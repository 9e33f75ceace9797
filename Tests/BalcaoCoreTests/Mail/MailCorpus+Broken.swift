import Foundation

// Damaged, truncated and unusual input the parser must survive.
extension MailCorpus {
    /// A header line without a colon, a blank before a colon, folding, an impossible date and junk ids.
    static let brokenHeaders = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        This line has no colon
        Subject : Pedido   urgente
         continuado na linha seguinte
        Date: 31 Feb 2026 25:61:00 +9999
        X-Empty:
        Message-ID: sem-colchetes@example.com
        In-Reply-To: <t1@balcao.example> (mensagem de "Suporte")
        References: <t0@balcao.example> lixo <t1@balcao.example>
         <t1@balcao.example>
        Content-Type: text/plain; charset=utf-8

        Corpo da mensagem.

        """)

    /// Unix line ends throughout (bare LF), as some scripts and local deliveries write.
    static let bareLineFeeds = Array(
        """
        From: script@servidor.example
        To: suporte@balcao.example
        Subject: =?utf-8?Q?Relat=C3=B3rio_di=C3=A1rio?=
        Date: Mon, 16 Mar 2026 06:00:00 -0300
        Message-ID: <lf.1@servidor.example>
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary=lfb

        --lfb
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Execu=C3=A7=C3=A3o conclu=C3=ADda com sucesso.
        --lfb
        Content-Type: text/html; charset=utf-8

        <p>Execução concluída com sucesso.</p>
        --lfb--

        """.utf8)

    /// The closing boundary never comes (a client crashed while sending).
    static let missingClosingBoundary = wire(
        """
        From: Ana Souza <ana.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Sem fim
        Date: Tue, 17 Mar 2026 10:00:00 -0300
        Message-ID: <noclose.1@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="nc"

        --nc
        Content-Type: text/plain; charset=utf-8

        O anexo segue.
        --nc
        Content-Type: text/plain; name="log.txt"
        Content-Disposition: attachment; filename="log.txt"

        linha 1
        linha 2

        """)

    /// A multipart type that lost its boundary parameter.
    static let missingBoundaryParameter = wire(
        """
        From: Ana Souza <ana.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Sem boundary
        Date: Tue, 17 Mar 2026 11:00:00 -0300
        Message-ID: <nobound.1@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: multipart/mixed

        --XyZ123
        Content-Type: text/plain; charset=utf-8

        Texto dentro das partes.
        --XyZ123--

        """)

    /// The connection dropped inside a base64 attachment: odd length, no closing boundary.
    static let truncatedBase64 = wire(
        """
        From: Ana Souza <ana.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Anexo cortado
        Date: Tue, 17 Mar 2026 12:00:00 -0300
        Message-ID: <trunc.1@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="tb"

        --tb
        Content-Type: text/plain; charset=utf-8

        Veja a foto.
        --tb
        Content-Type: image/jpeg; name="foto.jpg"
        Content-Disposition: attachment; filename="foto.jpg"
        Content-Transfer-Encoding: base64

        /9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsK
        CwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUF
        """)

    /// A charset nobody knows, over Latin-1 bytes.
    static let unknownCharset = latin1Wire(
        """
        From: Velho Cliente <velho@example.com>
        To: suporte@balcao.example
        Subject: Charset estranho
        Date: Wed, 18 Mar 2026 09:00:00 -0300
        Message-ID: <charset.1@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="x-mac-desconhecido"
        Content-Transfer-Encoding: 8bit

        Não sei que charset é este.

        """)

    /// Labelled UTF-8 but carrying stray bytes.
    static let invalidUTF8 = wire(
        """
        From: Ana Souza <ana.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Bytes quebrados
        Date: Wed, 18 Mar 2026 10:00:00 -0300
        Message-ID: <badutf8.1@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Antes =FF=FE depois.

        """)

    /// No MIME headers at all and an 8-bit UTF-8 body, as old scripts send.
    static let noContentType8bit = wire(
        """
        From: cron@servidor.example
        To: suporte@balcao.example
        Subject: Backup
        Date: Thu, 19 Mar 2026 02:00:00 -0300

        Backup concluído às 02:00.

        """)

    /// Headers, then the end of input: no blank line and no body.
    static let headersOnly = wire(
        """
        From: Ana Souza <ana.souza@empresa.com.br>
        To: suporte@balcao.example
        Subject: Só o assunto
        """)

    /// A body with no header block at all.
    static let noHeaders = wire(
        """
        Olá, preciso de ajuda com o sistema.
        Obrigado.

        """)

    static let emptyInput: [UInt8] = []

    /// 4 KB of deterministic noise (a linear congruential generator, so runs are repeatable).
    static let randomBytes: [UInt8] = {
        var state: UInt32 = 0x1234_5678
        return (0..<4096).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }()
}
