extension Charset {
    /// Lower-cased labels → charset: the WHATWG Encoding Standard's labels for the charsets Balcão reads, plus
    /// the spellings mailers actually write (`cp932`, `x-sjis`, `latin-1`, `utf-7`).
    ///
    /// Like browsers: ISO-8859-1 and US-ASCII mean Windows-1252 (US-ASCII keeps its own case so that 8-bit
    /// bytes are tried as UTF-8 first); GB2312 and GBK mean GB18030, their superset, because mail labelled
    /// gb2312 is really GBK; Shift_JIS means Windows-31J (NEC and IBM extensions); EUC-KR and KS C 5601 mean
    /// Windows-949, which adds the remaining Hangul syllables.
    static let labels: [String: Charset] = {
        let groups: [(Charset, [String])] = [
            (.utf8, ["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]),
            (.ascii, ["us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "cp367", "ascii-us", "iso-ir-6"]),
            (
                .windows1252,
                [
                    "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1", "iso_8859-1:1987", "iso-ir-100", "csisolatin1",
                    "latin1", "latin-1", "l1", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252", "win-1252",
                    "windows1252",
                ]
            ),
            (
                .latin9,
                ["iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "csisolatin9", "latin9", "latin-9", "l9"]
            ),
            (
                .latin2,
                [
                    "iso-8859-2", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "iso-ir-101", "csisolatin2",
                    "latin2", "latin-2", "l2",
                ]
            ),
            (.windows1250, ["windows-1250", "cp1250", "x-cp1250", "win-1250"]),
            (.windows1251, ["windows-1251", "cp1251", "x-cp1251", "win-1251"]),
            (.koi8R, ["koi8-r", "koi8_r", "koi8r", "koi8", "koi", "cskoi8r"]),
            (.koi8U, ["koi8-u", "koi8-ru", "koi8u"]),
            (
                .shiftJIS,
                [
                    "shift_jis", "shift-jis", "shiftjis", "sjis", "x-sjis", "csshiftjis", "ms_kanji", "ms932", "cp932",
                    "windows-31j", "x-ms-cp932",
                ]
            ),
            (.eucJP, ["euc-jp", "x-euc-jp", "eucjp", "cseucpkdfmtjapanese"]),
            (.iso2022JP, ["iso-2022-jp", "csiso2022jp", "iso2022jp"]),
            (
                .gb18030,
                [
                    "gb18030", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "gb2312", "gb_2312", "gb_2312-80",
                    "csgb2312", "csiso58gb231280", "iso-ir-58", "chinese", "euc-cn", "x-euc-cn",
                ]
            ),
            (.big5, ["big5", "big-5", "cn-big5", "csbig5", "x-x-big5", "cp950", "ms950", "windows-950"]),
            (.big5HKSCS, ["big5-hkscs", "big5hkscs"]),
            (
                .eucKR,
                [
                    "euc-kr", "euckr", "cseuckr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601",
                    "csksc56011987", "iso-ir-149", "korean", "windows-949", "cp949", "uhc",
                ]
            ),
            (.utf16BigEndian, ["utf-16be", "unicodefffe"]),
            (.utf16LittleEndian, ["utf-16le", "unicodefeff"]),
            (.utf16, ["utf-16", "utf16", "ucs-2", "iso-10646-ucs-2", "csunicode", "unicode"]),
            (.utf7, ["utf-7", "utf7", "unicode-1-1-utf-7", "csunicode11utf7"]),
        ]
        var labels: [String: Charset] = [:]
        for (charset, names) in groups {
            for name in names { labels[name] = charset }
        }
        return labels
    }()
}
