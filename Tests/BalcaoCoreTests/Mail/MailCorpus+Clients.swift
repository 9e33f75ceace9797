import Foundation

// Messages shaped like what Gmail, Outlook/Exchange, Apple Mail, Thunderbird and phones send.
extension MailCorpus {
    /// Gmail, multipart/alternative, quoted-printable UTF-8, a Portuguese attribution wrapped over two lines.
    static let gmailReplyPortuguese = wire(
        """
        Delivered-To: suporte@balcao.example
        Received: by 2002:a05:6358:9d8b:b0:1a2:3b4c:5d6e with SMTP id abc123;
                Tue, 3 Mar 2026 05:42:18 -0800 (PST)
        MIME-Version: 1.0
        References: <t1042.1@balcao.example>
         <CAJz=ABC123@mail.gmail.com>
        In-Reply-To: <CAJz=ABC123@mail.gmail.com>
        From: Beatriz Lima <beatriz.lima@gmail.com>
        Date: Tue, 3 Mar 2026 10:42:17 -0300
        Message-ID: <CAJz=XYZ789+abc@mail.gmail.com>
        Subject: Re: [#1042] Fatura em atraso
        To: =?UTF-8?Q?Suporte_Balc=C3=A3o?= <suporte@balcao.example>
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"

        --000000000000a1b2c3d4e5f60718
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Ol=C3=A1, ainda n=C3=A3o consegui acessar a fatura n=C2=BA 42.

        Podem verificar?

        Em ter., 3 de mar. de 2026 =C3=A0s 10:00, Suporte Balc=C3=A3o <
        suporte@balcao.example> escreveu:

        > Ol=C3=A1 Beatriz, a fatura j=C3=A1 est=C3=A1 dispon=C3=ADvel.
        >
        > Atenciosamente,
        > Equipe Balc=C3=A3o
        >

        --000000000000a1b2c3d4e5f60718
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Ol=C3=A1, ainda n=C3=A3o consegui acessar a fatura n=C2=BA=
         42.<div><br></div><div>Podem verificar?</div></div><br><div class=3D"gmail=
        _quote"><div dir=3D"ltr" class=3D"gmail_attr">Em ter., 3 de mar. de 2026 =
        =C3=A0s 10:00, Suporte Balc=C3=A3o &lt;<a href=3D"mailto:suporte@balcao.exa=
        mple">suporte@balcao.example</a>&gt; escreveu:<br></div><blockquote class=
        =3D"gmail_quote">Ol=C3=A1 Beatriz, a fatura j=C3=A1 est=C3=A1 dispon=C3=ADve=
        l.</blockquote></div>

        --000000000000a1b2c3d4e5f60718--

        """)

    /// Outlook/Exchange: a quoted "Souza, Carlos", Latin-1 quoted-printable, an underscore rule before the
    /// "De:/Enviado:" block, and the TNEF winmail.dat Exchange attaches.
    static let outlookExchangeWithWinmail = wire(
        """
        Received: from CP6PR80MB1234.lamprd80.prod.outlook.com (2603:10d6:103:5::12) by
         CP6PR80MB5678.lamprd80.prod.outlook.com with HTTPS; Tue, 3 Mar 2026 14:05:35 +0000
        From: "Souza, Carlos" <carlos.souza@empresa.com.br>
        To: "suporte@balcao.example" <suporte@balcao.example>
        CC: Ana Paula <ana.paula@empresa.com.br>, "Financeiro"
        	<financeiro@empresa.com.br>
        Subject: RES: [#1042] Fatura em atraso
        Thread-Topic: [#1042] Fatura em atraso
        Thread-Index: AQHaBCDeFgHiJkLmNoPqRsTuVwXyZ==
        Date: Tue, 3 Mar 2026 14:05:33 +0000
        Message-ID: <CP6PR80MB1234ABCD5678EF90@CP6PR80MB1234.lamprd80.prod.outlook.com>
        References: <t1042.1@balcao.example>
        In-Reply-To: <t1042.1@balcao.example>
        Accept-Language: pt-BR, en-US
        Content-Language: pt-BR
        X-MS-Has-Attach: yes
        X-MS-TNEF-Correlator: <CP6PR80MB1234ABCD5678EF90@CP6PR80MB1234.lamprd80.prod.outlook.com>
        X-Auto-Response-Suppress: All
        Content-Type: multipart/mixed;
        	boundary="_004_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_"
        MIME-Version: 1.0

        --_004_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_
        Content-Type: multipart/alternative;
        	boundary="_000_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_"

        --_000_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_
        Content-Type: text/plain; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        Bom dia,

        Segue o comprovante. A fatura n=E3o aparece no portal.

        Att.,
        Carlos Souza
        Gerente Financeiro

        ________________________________
        De: Suporte Balc=E3o <suporte@balcao.example>
        Enviado: ter=E7a-feira, 3 de mar=E7o de 2026 10:00
        Para: Souza, Carlos <carlos.souza@empresa.com.br>
        Assunto: [#1042] Fatura em atraso

        Ol=E1 Carlos, a fatura j=E1 est=E1 dispon=EDvel.

        --_000_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_
        Content-Type: text/html; charset="iso-8859-1"
        Content-Transfer-Encoding: quoted-printable

        <html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=
        =3Diso-8859-1"></head><body><p class=3D"MsoNormal">Bom dia,</p><p class=3D"=
        MsoNormal">Segue o comprovante. A fatura n=E3o aparece no portal.</p></body=
        ></html>

        --_000_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_--

        --_004_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_
        Content-Type: application/ms-tnef; name="winmail.dat"
        Content-Description: winmail.dat
        Content-Disposition: attachment; filename="winmail.dat"; size=18;
        	creation-date="Tue, 03 Mar 2026 14:05:32 GMT";
        	modification-date="Tue, 03 Mar 2026 14:05:32 GMT"
        Content-Transfer-Encoding: base64

        eJ8+IhAQAAEGkAgABAAAAAAA

        --_004_CP6PR80MB1234ABCD5678EF90CP6PR80MB1234lamp_--

        """)

    /// Apple Mail: alternative of plain text and a multipart/related HTML with an inline PNG (Content-ID).
    static let appleMailInlineImage = wire(
        """
        From: =?utf-8?Q?Jo=C3=A3o_Pedro?= <joao.pedro@icloud.com>
        Content-Type: multipart/alternative;
        	boundary="Apple-Mail=_5B3C1F2A-8D4E-4F1B-9C2A-7E6D5C4B3A21"
        Mime-Version: 1.0 (Mac OS X Mail 16.0)
        Subject: Erro ao emitir nota fiscal
        Date: Wed, 4 Mar 2026 09:15:02 -0300
        Message-Id: <8F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0@icloud.com>
        To: suporte@balcao.example
        X-Mailer: Apple Mail (2.3774.600.62)


        --Apple-Mail=_5B3C1F2A-8D4E-4F1B-9C2A-7E6D5C4B3A21
        Content-Transfer-Encoding: quoted-printable
        Content-Type: text/plain;
        	charset=utf-8

        Bom dia,

        Segue o print do erro:


        Jo=C3=A3o
        --Apple-Mail=_5B3C1F2A-8D4E-4F1B-9C2A-7E6D5C4B3A21
        Content-Type: multipart/related;
        	type="text/html";
        	boundary="Apple-Mail=_0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9"


        --Apple-Mail=_0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9
        Content-Transfer-Encoding: quoted-printable
        Content-Type: text/html;
        	charset=utf-8

        <html><head><meta http-equiv=3D"content-type" content=3D"text/html; charset=
        =3Dutf-8"></head><body style=3D"overflow-wrap: break-word;">Bom dia,<div><b=
        r></div><div>Segue o print do erro:</div><div><img src=3D"cid:E1F2A3B4-C5D6=
        -4E7F-8091-A2B3C4D5E6F7@home" alt=3D"erro.png"></div><div><br></div><div>Jo=
        =C3=A3o</div></body></html>
        --Apple-Mail=_0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9
        Content-Transfer-Encoding: base64
        Content-Disposition: inline;
        	filename=erro.png
        Content-Type: image/png;
        	x-unix-mode=0644;
        	name="erro.png"
        Content-Id: <E1F2A3B4-C5D6-4E7F-8091-A2B3C4D5E6F7@home>

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9
        awAAAABJRU5ErkJggg==
        --Apple-Mail=_0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9--

        --Apple-Mail=_5B3C1F2A-8D4E-4F1B-9C2A-7E6D5C4B3A21--

        """)

    /// Apple Mail without HTML: text, an inline JPEG, then more text (the later text must be kept).
    static let appleMailTextImageText = wire(
        """
        From: Luana Prado <luana@me.com>
        To: suporte@balcao.example
        Subject: Tela de erro
        Date: Wed, 4 Mar 2026 11:00:00 -0300
        Message-Id: <D1E2F3A4-0000-4000-8000-000000000001@me.com>
        Mime-Version: 1.0
        Content-Type: multipart/mixed; boundary="Apple-Mail=_MIXED-0001"


        --Apple-Mail=_MIXED-0001
        Content-Type: text/plain; charset=us-ascii
        Content-Transfer-Encoding: 7bit

        Here is the first screenshot:

        --Apple-Mail=_MIXED-0001
        Content-Disposition: inline; filename=tela1.jpg
        Content-Type: image/jpeg; name="tela1.jpg"
        Content-Transfer-Encoding: base64

        /9j/4AAQSkZJRgABAQ==
        --Apple-Mail=_MIXED-0001
        Content-Type: text/plain; charset=us-ascii
        Content-Transfer-Encoding: 7bit


        And the error happens after clicking Save.
        --Apple-Mail=_MIXED-0001--

        """)

    /// Thunderbird: format=flowed UTF-8 8bit, lower-case hex in the encoded subject, a "-- " signature.
    static let thunderbirdFlowed = wire(
        """
        Message-ID: <5e6f7a8b-1c2d-4e3f-9a0b-c1d2e3f4a5b6@empresa.com.br>
        Date: Thu, 5 Mar 2026 16:20:45 -0300
        MIME-Version: 1.0
        User-Agent: Mozilla Thunderbird
        Content-Language: pt-BR
        To: Suporte <suporte@balcao.example>
        From: Marcos Oliveira <marcos@empresa.com.br>
        Subject: =?UTF-8?Q?Re=3a_=5b=231043=5d_Impress=c3=a3o_n=c3=a3o_funciona?=
        References: <t1043.1@balcao.example>
        In-Reply-To: <t1043.1@balcao.example>
        Content-Type: text/plain; charset=UTF-8; format=flowed
        Content-Transfer-Encoding: 8bit

        Oi,

        A impressora continua sem funcionar depois da atualização. Já reiniciei\u{20}
        o computador duas vezes e o erro persiste.

        Em 05/03/2026 14:00, Suporte escreveu:
        > Olá Marcos, tente reiniciar o computador e nos avise se o problema\u{20}
        > continuar.

        --\u{20}
        Marcos Oliveira
        Empresa Ltda.

        """)

    /// iPhone Mail: a quoted attribution, "Enviado do meu iPhone", and a soft break inside an address.
    static let iPhoneReply = wire(
        """
        From: Fernanda Costa <fernanda.costa@yahoo.com.br>
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable
        Mime-Version: 1.0 (1.0)
        Date: Thu, 5 Mar 2026 18:03:11 -0300
        Subject: Re: [#1044] Acesso bloqueado
        Message-Id: <A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D@yahoo.com.br>
        References: <t1044.2@balcao.example>
        In-Reply-To: <t1044.2@balcao.example>
        To: Suporte Balcao <suporte@balcao.example>
        X-Mailer: iPhone Mail (21D61)

        Consegui entrar, obrigada!

        Enviado do meu iPhone

        > Em 5 de mar. de 2026, =C3=A0(s) 17:40, Suporte Balcao <suporte@balcao.exam=
        ple> escreveu:
        >=20
        > =EF=BB=BFOl=C3=A1 Fernanda, desbloqueamos o seu acesso.

        """)

    /// Outlook for Android: base64 UTF-8 text, "Get Outlook for Android", then an underscore rule and From/Sent.
    static let outlookAndroidReply = wire(
        """
        From: Ricardo Alves <ricardo@empresa.com.br>
        To: Suporte =?utf-8?Q?Balc=C3=A3o?= <suporte@balcao.example>
        Subject: Re: [#1045] Retorno
        Thread-Topic: [#1045] Retorno
        Date: Fri, 6 Mar 2026 12:30:07 +0000
        Message-ID: <DM6PR11MB0001@DM6PR11MB0001.namprd11.prod.outlook.com>
        In-Reply-To: <t1045.3@balcao.example>
        References: <t1045.1@balcao.example> <t1045.3@balcao.example>
        Content-Type: multipart/alternative;
        	boundary="_000_DM6PR11MB0001namprd11_"
        MIME-Version: 1.0

        --_000_DM6PR11MB0001namprd11_
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: base64

        Q29uc2VndWUgbWUgbGlnYXIgYW1hbmjDoyBkZSBtYW5ow6M/IE1ldSB0ZWxlZm9uZSDDqSAoMTEp
        IDk4NzY1LTQzMjEuDQoNCkdldCBPdXRsb29rIGZvciBBbmRyb2lkPGh0dHBzOi8vYWthLm1zL0FB
        Yjl5c2c+DQpfX19fX19fX19fX19fX19fX19fX19fX19fX19fX19fXw0KRnJvbTogU3Vwb3J0ZSBC
        YWxjw6NvIDxzdXBvcnRlQGJhbGNhby5leGFtcGxlPg0KU2VudDogRnJpZGF5LCBNYXJjaCA2LCAy
        MDI2IDk6MTI6NDQgQU0NClRvOiBSaWNhcmRvIEFsdmVzIDxyaWNhcmRvQGVtcHJlc2EuY29tLmJy
        Pg0KU3ViamVjdDogWyMxMDQ1XSBSZXRvcm5vDQoNCk9sw6EgUmljYXJkbywgcG9kZW1vcyBhZ2Vu
        ZGFyIHVtYSBsaWdhw6fDo28/DQo=

        --_000_DM6PR11MB0001namprd11_
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: base64

        PGh0bWw+PGhlYWQ+PG1ldGEgaHR0cC1lcXVpdj0iQ29udGVudC1UeXBlIiBjb250ZW50PSJ0ZXh0
        L2h0bWw7IGNoYXJzZXQ9dXRmLTgiPjwvaGVhZD48Ym9keT48ZGl2IGRpcj0iYXV0byI+Q29uc2Vn
        dWUgbWUgbGlnYXIgYW1hbmjDoyBkZSBtYW5ow6M/IE1ldSB0ZWxlZm9uZSDDqSAoMTEpIDk4NzY1
        LTQzMjEuPC9kaXY+PGRpdiBpZD0ibXMtb3V0bG9vay1tb2JpbGUtc2lnbmF0dXJlIj5HZXQgPGEg
        aHJlZj0iaHR0cHM6Ly9ha2EubXMvQUFiOXlzZyI+T3V0bG9vayBmb3IgQW5kcm9pZDwvYT48L2Rp
        dj48aHI+PGRpdiBpZD0iZGl2UnBseUZ3ZE1zZyI+PGI+RnJvbTo8L2I+IFN1cG9ydGUgQmFsY8Oj
        bzxicj48Yj5TZW50OjwvYj4gRnJpZGF5LCBNYXJjaCA2LCAyMDI2IDk6MTI6NDQgQU08L2Rpdj48
        L2JvZHk+PC9odG1sPg==

        --_000_DM6PR11MB0001namprd11_--

        """)

    /// An old webmail: raw ISO-8859-1 8bit body and a Latin-1 encoded-word subject and name.
    static let latin1Body = latin1Wire(
        """
        From: =?ISO-8859-1?Q?Jos=E9_Ara=FAjo?= <jose.araujo@uol.com.br>
        To: suporte@balcao.example
        Subject: =?ISO-8859-1?Q?Solicita=E7=E3o_de_2=AA_via?=
        Date: Fri, 6 Mar 2026 11:30:00 -0300
        Message-ID: <20260306113000.12345@uol.com.br>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=ISO-8859-1
        Content-Transfer-Encoding: 8bit

        Prezados,

        Solicito a 2ª via do boleto referente ao mês de março.
        Não recebi o e-mail com a cobrança.

        Obrigado,
        José Araújo

        """)

    /// Outlook desktop in Windows-1252: curly quotes, en dash, ellipsis and € in the 0x80–0x9F range.
    static let windows1252Body = wire(
        """
        From: Paula Mendes <paula.mendes@empresa.com.br>
        To: suporte@balcao.example
        Subject: =?Windows-1252?Q?Cobran=E7a_indevida_=96_=80_150,00?=
        Date: Fri, 06 Mar 2026 15:45:10 -0300
        Message-ID: <000001da6f12$3a4b5c60$af0e1f20$@empresa.com.br>
        MIME-Version: 1.0
        Content-Type: text/plain; charset="windows-1252"
        Content-Transfer-Encoding: quoted-printable
        X-Mailer: Microsoft Outlook 16.0

        Ol=E1,

        Fui cobrada em =80 150,00 pelo plano =93Empresarial=94 =96 mas contratei o =
        plano b=E1sico=85

        Paula

        """)

    /// ISO-8859-15, where 0xA4 is € rather than ¤.
    static let latin9Body = latin1Wire(
        """
        From: Helena <helena@example.pt>
        To: suporte@balcao.example
        Subject: Valor cobrado
        Date: Sat, 7 Mar 2026 08:00:00 +0000
        Message-ID: <latin9.1@example.pt>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=iso-8859-15
        Content-Transfer-Encoding: 8bit

        O valor cobrado foi 99,90 \u{A4}.

        """)
}
