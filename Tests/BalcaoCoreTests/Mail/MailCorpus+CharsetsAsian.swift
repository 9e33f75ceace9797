import Foundation

// Messages in East Asian charsets: a subject in encoded words and a body in the same charset.
// The encoded bytes were produced by Python's codecs, independently of Balcão's decoders.
extension MailCorpus {
    /// ISO-2022-JP as Japanese mailers write it: 7bit, one word per phrase, NEC row 13 symbols (①, ㈱).
    static let iso2022JPBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?ISO-2022-JP?B?GyRCJCpMZCQkOWckbyQ7JE4bKEI=?=
         =?ISO-2022-JP?B?GyRCN28kSyREJCQkRhsoQg==?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <iso2022JPBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=ISO-2022-JP
        Content-Transfer-Encoding: 7bit

        \u{1B}$B$$$D$b$*@$OC$K$J$C$F$*$j$^$9!#\u{1B}(B
        \u{1B}$B@A5a=q$N:FH/9T$r$*4j$$$$$?$7$^$9!#\u{1B}(B
        \u{1B}$B-!$N6b3[$,-j%5%s%W%k08$K$J$C$F$$$^$9!#\u{1B}(B
        """)

    /// Shift_JIS (Windows-31J: ①②③ are NEC extensions) in base64; the subject is split mid-character.
    static let shiftJISBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?shift_jis?B?jKmQz4Lggug=?=
         =?shift_jis?B?gsyCsojLl4o=?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <shiftJISBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=Shift_JIS
        Content-Transfer-Encoding: base64

        gqiQophigsmCyILBgsSCqILogtyCt4FCDQqTWZV0gsyMqZDPj5GC8IKyim2URoKtgr6Cs4KigUIN
        CodAh0GHQoLMj4eCxYKoiuiCooK1gtyCt4FC
        """)

    /// EUC-JP, the Unix mailers' Japanese, in base64.
    static let eucJPBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?EUC-JP?B?x9vB9771trekzrPOx6c=?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <eucJPBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=euc-jp
        Content-Transfer-Encoding: base64

        w+3KuMjWueYxMjM0NaTOx9vB9771trek8ra1pKikxqSvpMCktaSkoaM=
        """)

    /// Labelled GB2312 but written in GBK, as most Chinese mail is (镕 is not in GB2312); split subject.
    static let gb2312Body = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?gb2312?B?udjT2reixg==?=
         =?gb2312?B?sbXEzsrM4g==?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <gb2312Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=gb2312
        Content-Transfer-Encoding: base64

        xPq6w6OsztK1xLeixrG98LbusrvV/ci3o6zH67Dvw6a6y8q1oaMNCsGqz7XIy6O61uzpRrv5
        """)

    /// GB18030 with a four-byte character (𠮷) and GBK's one-byte euro sign (0x80).
    static let gb18030Body = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?GB18030?B?tqm1pZU0sjXSsLzS?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <gb18030Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=GB18030
        Content-Transfer-Encoding: base64

        xPq6w6OsuL28/srHt6LGsaGjvNu48aO6gDIwo6i6rMuwo6k=
        """)

    /// Traditional Chinese in Big5, base64.
    static let big5Body = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?big5?B?w/ap87Fis+aqurDdw0Q=?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <big5Body@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=big5
        Content-Transfer-Encoding: base64

        sXqmbqFBp9qqurFis+aq98NCprO7fqFBvdCo86dVvVS7e6FDDQrBwsHCoUk=
        """)

    /// Cantonese in Big5-HKSCS: 嘅 is a Hong Kong supplement character.
    static let big5HKSCSBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?big5-hkscs?B?rGS4361xs+Y=?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <big5HKSCSBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=big5-hkscs
        Content-Transfer-Encoding: base64

        p0GmbqFBp9q3UaxkuN+tcbPmne+2aavXoUGt+LjTrs2hQw==
        """)

    /// Korean labelled ks_c_5601-1987, as Outlook does, holding a Windows-949 syllable (똠).
    static let eucKRBody = wire(
        """
        From: Cliente <cliente@example.com>
        To: suporte@balcao.example
        Subject: =?ks_c_5601-1987?B?wda5riDD67zSILmuwMc=?=
        Date: Mon, 16 Mar 2026 09:00:00 +0000
        Message-ID: <eucKRBody@example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=ks_c_5601-1987
        Content-Transfer-Encoding: base64

        vsiz58fPvLy/5C4gwda5riDD67zSuKYgv+TDu8fVtM+02S4NCrTjtOfA2jogseiMYw==
        """)
}
