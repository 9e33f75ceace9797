import Foundation

// Messages in European and Unicode charsets: a subject in encoded words and a body in the same charset.
// The encoded bytes were produced by Python's codecs, independently of Balcão's decoders.
extension MailCorpus {
    /// Russian in KOI8-R, quoted-printable.
    static let koi8RBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?KOI8-R?Q?=F7=CF=D0=D2=CF=D3_=D0=CF_=D3=DE=A3=D4=D5?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <koi8RBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=koi8-r
        Content-Transfer-Encoding: quoted-printable

        =FA=C4=D2=C1=D7=D3=D4=D7=D5=CA=D4=C5!
        =F0=D2=CF=DB=D5 =D7=D9=D3=D4=C1=D7=C9=D4=D8 =CE=CF=D7=D9=CA =D3=DE=A3=D4.
        =F3=D0=C1=D3=C9=C2=CF.
        """)

    /// Ukrainian in KOI8-U (і, ї, є, ґ), quoted-printable.
    static let koi8UBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?koi8-u?Q?=F0=C9=D4=C1=CE=CE=D1_=DD=CF=C4=CF_=D2=C1=C8=D5=CE=CB=D5?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <koi8UBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=koi8-u
        Content-Transfer-Encoding: quoted-printable

        =E4=CF=C2=D2=CF=C7=CF =C4=CE=D1!
        =F0=D2=CF=DB=D5 =CE=C1=C4=A6=D3=CC=C1=D4=C9 =D2=C1=C8=D5=CE=CF=CB =DD=C5 =
        =D2=C1=DA. =BD=D5=C4=DA=C9=CB, =A7=D6=C1=CB, =A4=CE=CF=D4.
        """)

    /// Russian in Windows-1251, raw 8bit (№ and — are Windows-only).
    static let windows1251Body = latin1Wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?windows-1251?B?x+D/4urgIO3gIO7h8evz5uji4O3o5Q==?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <windows1251Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=windows-1251
        Content-Transfer-Encoding: 8bit

        \u{C4}\u{EE}\u{E1}\u{F0}\u{FB}\u{E9} \u{E4}\u{E5}\u{ED}\u{FC}!
        \u{CD}\u{E5} \u{F0}\u{E0}\u{E1}\u{EE}\u{F2}\u{E0}\u{E5}\u{F2} \u{EF}\u{F0}\u{E8}\u{ED}\u{F2}\u{E5}\u{F0}
        \u{E2} \u{EE}\u{F4}\u{E8}\u{F1}\u{E5} \u{B9}5 \u{97} \u{F1}\u{F0}\u{EE}\u{F7}\u{ED}\u{EE}.
        """)

    /// Polish in ISO-8859-2, quoted-printable.
    static let latin2Body = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?ISO-8859-2?Q?Zg=B3oszenie_reklamacyjne?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <latin2Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=iso-8859-2
        Content-Transfer-Encoding: quoted-printable

        Dzie=F1 dobry,
        prosz=EA o zwrot pieni=EAdzy za zam=F3wienie. Za=BF=F3=B3=E6 g=EA=B6l=B1 ja=
        =BC=F1.
        """)

    /// Czech in Windows-1250 (the en dash is Windows-only), quoted-printable.
    static let windows1250Body = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?windows-1250?Q?Dotaz_k_faktu=F8e?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <windows1250Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=windows-1250
        Content-Transfer-Encoding: quoted-printable

        Dobr=FD den,
        pros=EDm o opravu faktury =96 d=ECkuji.
        Ji=F8=ED Nov=E1k
        """)

    /// Portuguese in ISO-8859-15, the euro sign in the subject and the body.
    static let latin9Subject = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?ISO-8859-15?Q?Or=E7amento_em_=A4?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <latin9Subject@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=iso-8859-15
        Content-Transfer-Encoding: quoted-printable

        O pre=E7o final =E9 1.250,00 =A4 (com IVA).
        =BCuvre, =A6=E1rka.
        """)

    /// UTF-16 with a little-endian byte order mark, base64; the subject in UTF-16BE.
    static let utf16WithBOM = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?UTF-16BE?B?AE4A4wBvACAAYwBvAG4AcwBpAGcAbwAgAGEAYwBlAHMAcwBhAHI=?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <utf16WithBOM@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-16
        Content-Transfer-Encoding: base64

        //5PAGwA4QAsACAAbgDjAG8AIABjAG8AbgBzAGkAZwBvACAAYQBjAGUAcwBzAGEAcgAgAG8AIABw
        AG8AcgB0AGEAbAAgAGQAZQBzAGQAZQAgAG8AbgB0AGUAbQAuAA0ACgBPAGIAcgBpAGcAYQBkAG8A
        IQA=
        """)

    /// A quoted "utf-16" without a byte order mark, little-endian as Windows writes it.
    static let utf16LittleEndianNoBOM = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?utf-16le?B?UwBlAGcAdQBuAGQAYQAgAHYAaQBhACAAZABvACAAYgBvAGwAZQB0AG8A?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <utf16LittleEndianNoBOM@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="utf-16"
        Content-Transfer-Encoding: base64

        QgBvAG0AIABkAGkAYQAsACAAcAByAGUAYwBpAHMAbwAgAGQAYQAgAHMAZQBnAHUAbgBkAGEAIAB2
        AGkAYQAgAGQAbwAgAGIAbwBsAGUAdABvACAAZABlACAAbQBhAHIA5wBvAC4A
        """)

    /// UTF-16BE without a byte order mark.
    static let utf16BigEndianNoBOM = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?UTF-16BE?B?AEEAdAB1AGEAbABpAHoAYQDnAOMAbwAgAGMAYQBkAGEAcwB0AHIAYQBs?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <utf16BigEndianNoBOM@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=UTF-16BE
        Content-Transfer-Encoding: base64

        AFMAZQBnAHUAZQBtACAAbwBzACAAZABhAGQAbwBzACAAYQB0AHUAYQBsAGkAegBhAGQAbwBzACwA
        IABhAOcA4wBvACAAYwBvAG4AYwBsAHUA7QBkAGEALg==
        """)

    /// UTF-7 (RFC 2152), as a few old gateways still send.
    static let utf7Body = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?UTF-7?Q?Solicita+AOcA4w-o_de_or+AOc-amento?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <utf7Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-7
        Content-Transfer-Encoding: 7bit

        Ol+AOE, gostaria de um or+AOc-amento.
        Aten+AOcA4w-o: +AOk urgente!
        """)
}
