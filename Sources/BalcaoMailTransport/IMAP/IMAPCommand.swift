/// An IMAP command line under construction (RFC 3501 §9), without its tag.
///
/// Arguments are added as atoms (trusted syntax such as `UID`, `(\Seen)`), as strings (quoted, or sent as a
/// literal when they hold 8-bit or line-break bytes) or as literals. ``segments(tag:)`` cuts the line where the
/// client must wait for the server's `+` before sending a literal's bytes.
struct IMAPCommand: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case text(String)
        case literal([UInt8])
    }

    private(set) var parts: [Part]

    init(_ name: String) {
        parts = [.text(name)]
    }

    /// Adds ` atom` as is; only for fixed syntax and numbers, never for user input.
    func atom(_ atom: String) -> Self {
        var command = self
        command.parts.append(.text(" " + atom))
        return command
    }

    /// Adds ` "string"`, or a literal when quoting cannot carry it.
    func string(_ string: String) -> Self {
        var command = self
        if let quoted = Self.quoted(string) {
            command.parts.append(.text(" " + quoted))
        } else {
            command.parts.append(.text(" "))
            command.parts.append(.literal(Array(string.utf8)))
        }
        return command
    }

    /// Adds a mailbox name in modified UTF-7, quoted.
    func mailbox(_ name: String) -> Self {
        string(IMAPMailboxName.encode(name))
    }

    func literal(_ bytes: [UInt8]) -> Self {
        var command = self
        command.parts.append(.text(" "))
        command.parts.append(.literal(bytes))
        return command
    }

    /// `"…"` with `\` and `"` escaped, or `nil` for strings a quoted string cannot hold: NUL, CR, LF and 8-bit
    /// bytes (RFC 3501 `QUOTED-CHAR` is 7-bit text).
    static func quoted(_ string: String) -> String? {
        guard string.utf8.allSatisfy({ $0 != 0 && $0 != 13 && $0 != 10 && $0 < 0x80 }) else { return nil }
        return "\"" + string.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }

    /// The bytes to send for `tag`: the first segment at once, each later one after a `+` continuation.
    /// Every segment but the last ends with a literal announcement `{n}\r\n`; the last ends with CRLF.
    func segments(tag: String) -> [[UInt8]] {
        var segments: [[UInt8]] = []
        var current = Array((tag + " ").utf8)
        for part in parts {
            switch part {
            case .text(let text):
                current += Array(text.utf8)
            case .literal(let bytes):
                current += Array("{\(bytes.count)}\r\n".utf8)
                segments.append(current)
                current = bytes
            }
        }
        segments.append(current + [13, 10])
        return segments
    }
}
