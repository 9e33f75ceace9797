/// Parses one complete IMAP response (as framed by ``IMAPResponseFramer``, line breaks and literals included).
///
/// Lenient where servers differ harmlessly (missing text, extra spaces), strict where a wrong guess would
/// misread data: malformed FETCH, SEARCH or literals throw `.protocolViolation`.
struct IMAPResponseParser {
    private let bytes: [UInt8]
    private var index: Int

    static func parse(_ bytes: [UInt8]) throws(MailTransportError) -> IMAPResponse {
        var parser = IMAPResponseParser(bytes: bytes, index: 0)
        return try parser.response()
    }

    private init(bytes: [UInt8], index: Int) {
        self.bytes = bytes
        self.index = index
    }

    // MARK: Responses

    private mutating func response() throws(MailTransportError) -> IMAPResponse {
        if consume("+") {
            _ = consume(" ")
            return .continuation(restOfLine())
        }
        if consume("* ") {
            return .untagged(try untagged())
        }
        let tag = atom()
        guard !tag.isEmpty, consume(" ") else { throw violation("not an IMAP response") }
        guard let status = IMAPStatus(rawValue: atom().uppercased()), [.ok, .no, .bad].contains(status) else {
            throw violation("tagged response without OK/NO/BAD")
        }
        return .tagged(tag: tag, statusResponse(status))
    }

    private mutating func untagged() throws(MailTransportError) -> IMAPUntaggedResponse {
        let first = atom()
        if let number = UInt32(first) {
            guard consume(" ") else { throw violation("number without keyword") }
            switch atom().uppercased() {
            case "EXISTS": return .exists(number)
            case "EXPUNGE": return .expunge(number)
            case "FETCH":
                guard consume(" ") else { throw violation("FETCH without data") }
                return .fetch(sequenceNumber: number, try fetchAttributes())
            case let keyword: return .other(keyword)
            }
        }
        let keyword = first.uppercased()
        if let status = IMAPStatus(rawValue: keyword) {
            return .status(statusResponse(status))
        }
        switch keyword {
        case "CAPABILITY":
            return .capability(restOfLine().split(separator: " ").map { $0.uppercased() })
        case "SEARCH":
            return .search(try searchResults())
        default:
            return .other(keyword)
        }
    }

    /// After the status word: ` [CODE args] text`, every part optional.
    private mutating func statusResponse(_ status: IMAPStatus) -> IMAPStatusResponse {
        skipSpaces()
        var code: IMAPResponseCode?
        if consume("[") {
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "]"), !isLineEnd { index += 1 }
            let inside = String(decoding: bytes[start..<index], as: UTF8.self)
            _ = consume("]")
            let name = inside.prefix { $0 != " " }
            code = IMAPResponseCode(
                name: name.uppercased(),
                arguments: String(inside.dropFirst(name.count).drop { $0 == " " })
            )
            skipSpaces()
        }
        return IMAPStatusResponse(status: status, code: code, text: restOfLine())
    }

    private mutating func searchResults() throws(MailTransportError) -> [UInt32] {
        var numbers: [UInt32] = []
        while consume(" ") {
            if peek == UInt8(ascii: "(") { break }  // CONDSTORE's "(MODSEQ n)" trailer
            let word = atom()
            if word.isEmpty && (peek == nil || isLineEnd) { break }  // a trailing space
            guard let number = UInt32(word) else { throw violation("non-numeric SEARCH result") }
            numbers.append(number)
        }
        return numbers
    }

    private mutating func fetchAttributes() throws(MailTransportError) -> IMAPFetchAttributes {
        guard consume("(") else { throw violation("FETCH data is not a list") }
        var attributes = IMAPFetchAttributes()
        while !consume(")") {
            guard index < bytes.count, !isLineEnd else { throw violation("unterminated FETCH data") }
            _ = consume(" ")
            let name = fetchItemName().uppercased()
            guard !name.isEmpty, consume(" ") else { throw violation("malformed FETCH item") }
            let value = try self.value()
            switch (name, value) {
            case ("UID", .atom(let text)):
                guard let uid = UInt32(text) else { throw violation("non-numeric UID") }
                attributes.uid = uid
            case ("FLAGS", .list(let items)):
                attributes.flags = items.compactMap { if case .atom(let flag) = $0 { flag } else { nil } }
            case ("BODY[]", .string(let body)), ("RFC822", .string(let body)):
                attributes.body = body
            default:
                break
            }
        }
        return attributes
    }

    /// `UID`, `BODY[]`, `BODY[HEADER.FIELDS (FROM)]<0>`: an atom whose brackets may hold spaces.
    private mutating func fetchItemName() -> String {
        let start = index
        var depth = 0
        while index < bytes.count, !isLineEnd {
            let byte = bytes[index]
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "<") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ">") {
                depth -= 1
            } else if depth <= 0
                && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")"))
            {
                break
            }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    // MARK: Values

    indirect enum Value: Equatable {
        case atom(String)
        case string([UInt8])
        case list([Value])
        case null
    }

    private mutating func value() throws(MailTransportError) -> Value {
        guard let byte = peek, !isLineEnd else { throw violation("missing value") }
        switch byte {
        case UInt8(ascii: "("):
            index += 1
            var items: [Value] = []
            while !consume(")") {
                _ = consume(" ")
                if consume(")") { break }
                items.append(try value())
            }
            return .list(items)
        case UInt8(ascii: "\""):
            return .string(try quoted())
        case UInt8(ascii: "{"):
            return .string(try literal())
        default:
            let text = atom()
            guard !text.isEmpty else { throw violation("unexpected character in value") }
            return text.uppercased() == "NIL" ? .null : .atom(text)
        }
    }

    private mutating func quoted() throws(MailTransportError) -> [UInt8] {
        index += 1
        var result: [UInt8] = []
        while index < bytes.count, !isLineEnd {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return result }
            if byte == UInt8(ascii: "\\"), index < bytes.count {
                result.append(bytes[index])
                index += 1
            } else {
                result.append(byte)
            }
        }
        throw violation("unterminated quoted string")
    }

    private mutating func literal() throws(MailTransportError) -> [UInt8] {
        index += 1
        let start = index
        while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        guard let length = Int(String(decoding: bytes[start..<index], as: UTF8.self)), consume("}") else {
            throw violation("malformed literal")
        }
        _ = consume("\r")
        guard consume("\n"), bytes.count - index >= length else { throw violation("truncated literal") }
        defer { index += length }
        return Array(bytes[index..<(index + length)])
    }

    // MARK: Tokens

    /// Up to the next space, bracket, parenthesis, quote or line end.
    private mutating func atom() -> String {
        let start = index
        let stops: Set<UInt8> = [32, 40, 41, 91, 93, 34, 123, 13, 10]  // space ( ) [ ] " { CR LF
        while index < bytes.count, !stops.contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func restOfLine() -> String {
        let start = index
        while index < bytes.count, !isLineEnd { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpaces() {
        while peek == UInt8(ascii: " ") { index += 1 }
    }

    private mutating func consume(_ literal: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count,
            zip(bytes[index...], expected).allSatisfy({ $0 == $1 })
        else { return false }
        index += expected.count
        return true
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private var isLineEnd: Bool { bytes[index] == UInt8(ascii: "\r") || bytes[index] == UInt8(ascii: "\n") }

    private func violation(_ what: String) -> MailTransportError {
        let line = bytes.prefix { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }.prefix(120)
        return MailTransportError(.protocolViolation, "\(what): \(String(decoding: line, as: UTF8.self))")
    }
}
