import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension Charset {
    /// Whether this system can decode the charset; the table-driven ones always can.
    var isDecodable: Bool {
        guard let route = PlatformDecoder.route(self) else { return true }
        return Self.decodablePlatformCharsets.contains(self) || route.foundation != nil
    }

    /// Probed once: opening a converter is cheap, but not free enough to repeat for every label read.
    private static let decodablePlatformCharsets: Set<Charset> = Set(
        allCases.filter { charset in PlatformDecoder.route(charset).map(PlatformDecoder.isAvailable) ?? false })
}

/// Decodes the charsets Balcão has no table for, through the platform. What works was measured on Linux
/// (Swift 6.3, glibc 2.36): Foundation's `String(bytes:encoding:)` decodes Shift_JIS (as Windows-31J),
/// ISO-2022-JP (with the NEC row 13 symbols, which glibc refuses), ISO-8859-2 and Windows-1250/1251, but
/// returns nil for any invalid byte, fails even on valid EUC-JP, and has no public GB, Big5, EUC-KR, KOI8 or
/// UTF-7. So Foundation is tried first where it is right, then glibc's iconv, which also repairs invalid
/// input (U+FFFD per bad byte, like browsers). Apple platforms use CoreFoundation, which knows all of them.
enum PlatformDecoder {
    struct Route {
        /// A public `String.Encoding` that decodes this charset correctly on Linux, tried first.
        var foundation: String.Encoding?
        /// glibc converter names, best first; the first to decode without errors wins.
        var iconv: [String]
        /// The IANA name CoreFoundation knows it by.
        var iana: String
    }

    static func route(_ charset: Charset) -> Route? {
        switch charset {
        case .utf8, .ascii, .windows1252, .latin9, .utf16BigEndian, .utf16LittleEndian, .utf16: nil
        case .latin2: Route(foundation: .isoLatin2, iconv: ["ISO-8859-2"], iana: "iso-8859-2")
        case .windows1250: Route(foundation: .windowsCP1250, iconv: ["CP1250"], iana: "windows-1250")
        case .windows1251: Route(foundation: .windowsCP1251, iconv: ["CP1251"], iana: "windows-1251")
        case .koi8R: Route(iconv: ["KOI8-R"], iana: "koi8-r")
        case .koi8U: Route(iconv: ["KOI8-U"], iana: "koi8-u")
        case .shiftJIS: Route(foundation: .shiftJIS, iconv: ["CP932", "SHIFT_JIS"], iana: "cp932")
        case .eucJP: Route(iconv: ["EUC-JP-MS", "EUC-JP"], iana: "euc-jp")
        case .iso2022JP: Route(foundation: .iso2022JP, iconv: ["ISO-2022-JP-2", "ISO-2022-JP"], iana: "iso-2022-jp")
        case .gb18030: Route(iconv: ["GB18030", "GBK"], iana: "gb18030")
        case .big5: Route(iconv: ["CP950", "BIG5"], iana: "big5")
        case .big5HKSCS: Route(iconv: ["BIG5-HKSCS", "CP950", "BIG5"], iana: "big5-hkscs")
        case .eucKR: Route(iconv: ["CP949", "EUC-KR"], iana: "euc-kr")
        case .utf7: Route(iconv: ["UTF-7"], iana: "utf-7")
        }
    }

    static func isAvailable(_ route: Route) -> Bool {
        #if canImport(Glibc)
            return route.iconv.contains(where: Iconv.isAvailable)
        #elseif canImport(Darwin)
            return coreFoundationEncoding(route.iana) != nil
        #else
            return false
        #endif
    }

    /// Never fails: when nothing decodes the bytes cleanly, the first converter's repaired result is used, and
    /// without any converter the bytes are guessed (UTF-8, else Windows-1252); both are reported as lossy.
    static func decode(_ bytes: [UInt8], _ charset: Charset) -> (text: String, isLossy: Bool) {
        guard let route = route(charset) else { return (Charset.guess(bytes), true) }
        if let encoding = route.foundation, let text = String(bytes: bytes, encoding: encoding) { return (text, false) }
        #if canImport(Glibc)
            // GBK's single-byte euro sign, which GB18030 gave up (WHATWG keeps it).
            let substitute: (UInt8) -> String? = charset == .gb18030 ? { $0 == 0x80 ? "€" : nil } : { _ in nil }
            // A later converter may know a code the first lacks (Big5-HKSCS vs CP950), so a few replacements are
            // worth a retry; input that is mostly invalid is not, or 10 MB of junk would be converted three times.
            var repaired: (text: String, replacements: Int)?
            for name in route.iconv where (repaired?.replacements ?? 0) <= 16 {
                guard let result = Iconv.decode(bytes, from: name, substitute: substitute) else { continue }
                if result.replacements == 0 { return (result.text, false) }
                repaired = repaired ?? result
            }
            if let repaired { return (repaired.text, true) }
        #elseif canImport(Darwin)
            if let encoding = coreFoundationEncoding(route.iana), let text = String(bytes: bytes, encoding: encoding) {
                return (text, false)
            }
        #endif
        return (Charset.guess(bytes), true)
    }

    #if canImport(Darwin)
        private static func coreFoundationEncoding(_ iana: String) -> String.Encoding? {
            let encoding = CFStringConvertIANACharSetNameToEncoding(iana as CFString)
            guard encoding != kCFStringEncodingInvalidId else { return nil }
            return String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(encoding))
        }
    #endif
}

#if canImport(Glibc)
    /// glibc's iconv, converting to UTF-8 (its gconv modules ship with libc6 on Debian and Ubuntu).
    enum Iconv {
        /// `(iconv_t) -1`, what `iconv_open` returns for an unknown converter.
        private static var failure: iconv_t? { iconv_t(bitPattern: -1) }

        static func isAvailable(_ name: String) -> Bool {
            let converter = iconv_open("UTF-8", name)
            guard converter != failure else { return false }
            iconv_close(converter)
            return true
        }

        /// Nil when glibc has no such converter. An invalid byte becomes `substitute(byte)` or U+FFFD and the
        /// conversion resumes at the next byte; a truncated sequence at the end becomes one U+FFFD.
        static func decode(_ bytes: [UInt8], from name: String, substitute: (UInt8) -> String?) -> (
            text: String, replacements: Int
        )? {
            let converter = iconv_open("UTF-8", name)
            guard converter != failure else { return nil }
            defer { iconv_close(converter) }
            if bytes.isEmpty { return ("", 0) }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 2)
            var replacements = 0
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            var input = bytes
            input.withUnsafeMutableBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { buffer in
                    var cursor = buffer.baseAddress
                    var remaining = buffer.count
                    while true {
                        let isFlushing = remaining == 0  // a stateful decoder (ISO-2022-JP) may still hold output
                        var result = 0
                        var error: Int32 = 0
                        var produced = 0
                        chunk.withUnsafeMutableBufferPointer { chunk in
                            chunk.withMemoryRebound(to: CChar.self) { out in
                                var outCursor = out.baseAddress
                                var outRemaining = out.count
                                result =
                                    isFlushing
                                    ? iconv(converter, nil, nil, &outCursor, &outRemaining)
                                    : iconv(converter, &cursor, &remaining, &outCursor, &outRemaining)
                                error = errno
                                produced = out.count - outRemaining
                            }
                        }
                        output += chunk[..<produced]
                        if result != -1 {
                            if isFlushing { return }
                            continue
                        }
                        if error == E2BIG { continue }
                        if isFlushing { return }
                        if error == EILSEQ, let position = cursor {
                            let byte = UInt8(bitPattern: position.pointee)
                            if let replacement = substitute(byte) {
                                output += replacement.utf8
                            } else {
                                output += [0xEF, 0xBF, 0xBD]
                                replacements += 1
                            }
                            cursor = position + 1
                            remaining -= 1
                        } else {  // EINVAL: the input ends inside a character
                            output += [0xEF, 0xBF, 0xBD]
                            replacements += 1
                            remaining = 0
                        }
                    }
                }
            }
            return (String(decoding: output, as: UTF8.self), replacements)
        }
    }
#endif
