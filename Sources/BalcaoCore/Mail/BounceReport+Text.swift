import Foundation

/// The human-readable side of a bounce, read best effort: the report (failed addresses, SMTP replies such as
/// "550 5.1.1 User unknown", "This is a permanent error") and, after a marker such as qmail's "--- Below this
/// line is a copy of the message.", the returned copy of the original mail.
struct BounceText {
    /// The report's lines, before the returned copy.
    private let report: [Substring]
    /// The lines from the returned copy on; the whole text when no marker was found.
    private let copy: [Substring]

    /// Only the start of the text is read: reports are short, and a 10 MB returned attachment is not one.
    init(_ text: String) {
        let lines = text.prefix(256 * 1024).split(separator: "\n", omittingEmptySubsequences: false).prefix(2000)
        let marker = lines.firstIndex(where: Self.isCopyMarker)
        report = Array(lines[..<(marker ?? min(lines.endIndex, 300))])
        copy = Array(marker.map { lines[$0...] } ?? lines[...])
    }

    /// A 5.x.x status, a 5xx reply or the words "permanent error" anywhere in the report.
    var isPermanent: Bool {
        report.contains { line in
            let lowered = line.lowercased()
            return Self.statusClasses(line).contains(UInt8(ascii: "5")) || lowered.contains("permanent error")
                || lowered.contains("permanent failure")
        }
    }

    /// Addresses the report lists on their own line: qmail's `<ana@x.com>:`, Exim's indented `ana@x.com`,
    /// Exchange's bare `ana@x.com`, Postfix's `<ana@x.com>: reason`.
    var recipients: [String] {
        var found: [String] = []
        for line in report where found.count < 50 {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            var candidate = Substring(trimmed)
            if trimmed.hasPrefix("<"), let close = trimmed.firstIndex(of: ">") {
                let after = trimmed[trimmed.index(after: close)...]
                guard after.isEmpty || after.hasPrefix(":") else { continue }
                candidate = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            } else if candidate.hasSuffix(":") {
                candidate = candidate.dropLast()
            }
            if candidate.contains("@"), !candidate.contains(where: \.isWhitespace),
                EmailAddress(String(candidate)) != nil
            {
                found.append(String(candidate))
            }
        }
        return found
    }

    /// The first `Message-ID` field of the returned copy (its value may be folded onto the next line).
    var returnedMessageID: String? {
        for (index, line) in copy.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.lowercased().hasPrefix("message-id:") else { continue }
            var value = String(trimmed.dropFirst("message-id:".count))
            if index + 1 < copy.count, copy[index + 1].first.map({ $0 == " " || $0 == "\t" }) == true {
                value += String(copy[index + 1])
            }
            if let id = MessageIDs.parse(value).first { return id }
        }
        return nil
    }

    /// The first report line carrying a 4xx/5xx status ("Remote host said: 550 5.1.1 …"), else the reason
    /// Postfix gives after `<recipient>:`.
    func diagnostic(for recipients: [String]) -> String? {
        let clean = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "#"))
        if let line = report.first(where: { !Self.statusClasses($0).isEmpty }) {
            return line.trimmingCharacters(in: clean)
        }
        let prefixes = recipients.map { "<\($0.lowercased())>:" }
        for line in report {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let prefix = prefixes.first(where: { trimmed.lowercased().hasPrefix($0) }) else { continue }
            let reason = trimmed.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if !reason.isEmpty { return reason }
        }
        return nil
    }

    /// Where a bounce starts quoting the original: qmail, Exim, Exchange's "Original message headers:", and the
    /// generic "----- Original message -----".
    private static func isCopyMarker(_ line: Substring) -> Bool {
        let lowered = line.trimmingCharacters(in: .whitespaces).lowercased()
        return lowered.hasPrefix("--- below this line is a copy of the message")
            || lowered.hasPrefix("------ this is a copy of") || lowered.hasPrefix("original message headers")
            || (lowered.hasPrefix("-----") && lowered.contains("original message"))
    }

    /// The classes ("4", "5") of the SMTP replies ("550 ", "#550 ", "550-") and enhanced status codes ("5.1.1")
    /// in `line`. A code must stand alone: not inside a word, a number or an IP address.
    static func statusClasses(_ line: Substring) -> [UInt8] {
        let bytes = Array(line.utf8)
        var classes: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "4") || byte == UInt8(ascii: "5"), i == 0 || !isWordByte(bytes[i - 1]) else {
                i += 1
                continue
            }
            if let end = enhancedCodeEnd(bytes, from: i) {
                classes.append(byte)
                i = end
            } else if i + 2 < bytes.count, (0x30...0x35).contains(bytes[i + 1]), isDigit(bytes[i + 2]),
                i + 3 == bytes.count || bytes[i + 3] == MailBytes.space || bytes[i + 3] == MailBytes.dash
            {
                classes.append(byte)
                i += 3
            } else {
                i += 1
            }
        }
        return classes
    }

    /// The end of `d.ddd.ddd` at `start`, or nil.
    private static func enhancedCodeEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start + 1
        for _ in 0..<2 {
            guard i < bytes.count, bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            let digits = i
            while i < bytes.count, isDigit(bytes[i]), i - digits < 4 { i += 1 }
            guard i > digits, i - digits <= 3 else { return nil }
        }
        if i < bytes.count, isDigit(bytes[i]) { return nil }
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "."), isDigit(bytes[i + 1]) { return nil }
        return i
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: ".")
    }
}
