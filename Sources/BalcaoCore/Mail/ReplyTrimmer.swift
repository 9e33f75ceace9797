import Foundation

/// Keeps only what a person newly wrote in a reply, dropping the quoted thread, signatures and mobile sign-offs.
public enum ReplyTrimmer {
    /// Cuts `text` at the first quote header ("On … wrote:", "Em … escreveu:", "-----Original Message-----",
    /// an Outlook "From:/Sent:" or "De:/Enviado:" block, an underscore rule followed by From/De) or at the
    /// signature delimiter "-- ", then drops a trailing run of ">" lines and mobile sign-offs ("Enviado do meu
    /// iPhone"). Quotes interleaved with new text are kept. When nothing would be left, returns `text` trimmed.
    public static func visibleReply(_ text: String) -> String {
        let lines = MailBytes.normalizingLineEnds(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0) }
        var kept = Array(lines[..<cutIndex(lines)])
        var changed = true
        while changed {
            changed = false
            while let last = kept.last, isBlank(last) {
                kept.removeLast()
                changed = true
            }
            if let last = kept.last, isSignOff(last) {
                kept.removeLast()
                changed = true
            }
            // A trailing run of quoted lines is the thread; quoted lines followed by new text stay.
            if let last = kept.last, isQuoted(last) {
                while let line = kept.last, isQuoted(line) || isBlank(line) { kept.removeLast() }
                changed = true
            }
        }
        let result = kept.drop(while: isBlank).joined(separator: "\n")
        return result.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines) : result
    }

    /// The index of the first line of the quoted thread or signature, or `lines.count`.
    private static func cutIndex(_ lines: [String]) -> Int {
        for index in lines.indices {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if lines[index] == "-- " || line == "--" { return index }
            if isQuoted(line) { continue }
            if let headerEnd = quoteHeaderEnd(lines, at: index) {
                // "On … wrote:" above interleaved answers ("> question", "answer", "> question") is kept.
                if isInterleaved(lines, after: headerEnd) { continue }
                return index
            }
            if isOriginalMessageRule(line) || isOutlookBlock(lines, at: index) { return index }
            if line.count >= 10, line.allSatisfy({ $0 == "_" }), let next = nextNonBlank(lines, after: index),
                startsWithAny(lines[next], ["from:", "de:", "*from:*", "*de:*"])
            {
                return index
            }
        }
        return lines.count
    }

    /// When line `index` starts a "wrote:" header (on up to three lines), the index of its last line.
    private static func quoteHeaderEnd(_ lines: [String], at index: Int) -> Int? {
        let first = lines[index].trimmingCharacters(in: .whitespaces).lowercased()
        guard attributionStarts.contains(where: { first.hasPrefix($0) }) else { return nil }
        var joined = ""
        for end in index..<min(index + 3, lines.count) {
            let line = lines[end].trimmingCharacters(in: .whitespaces)
            if end > index, line.isEmpty || isQuoted(line) { return nil }
            joined += (joined.isEmpty ? "" : " ") + line.lowercased()
            if joined.count > 400 { return nil }
            if attributionEnds.contains(where: { joined.hasSuffix($0) }), joined.contains(where: \.isNumber) {
                return end
            }
        }
        return nil
    }

    private static let attributionStarts = ["on ", "em ", "el ", "le ", "am "]
    private static let attributionEnds = ["wrote:", "escreveu:", "escribió:", "a écrit :", "a écrit:", "schrieb:"]

    /// The header is followed by quoted lines and, after them, by new unquoted text.
    private static func isInterleaved(_ lines: [String], after headerEnd: Int) -> Bool {
        guard let first = nextNonBlank(lines, after: headerEnd), isQuoted(lines[first]) else { return false }
        var sawQuote = false
        for line in lines[first...] {
            if isQuoted(line) {
                sawQuote = true
            } else if sawQuote, !isBlank(line) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !(trimmed == "--" || isSignOff(trimmed))
            }
        }
        return false
    }

    private static func isOriginalMessageRule(_ line: String) -> Bool {
        guard line.hasPrefix("--"), line.hasSuffix("--") else { return false }
        let words = line.trimmingCharacters(in: CharacterSet(charactersIn: "- ")).lowercased()
        return [
            "original message", "mensagem original", "mensaje original", "message d'origine",
            "ursprüngliche nachricht",
        ].contains(words)
    }

    /// Outlook's header block: a From/De line followed within four lines by Sent/Date/Enviado/Enviada (em)/Data.
    private static func isOutlookBlock(_ lines: [String], at index: Int) -> Bool {
        guard startsWithAny(lines[index], ["from:", "de:"]) else { return false }
        for line in lines[(index + 1)..<min(index + 5, lines.count)] {
            if startsWithAny(line, ["sent:", "date:", "enviado:", "enviada:", "enviado em:", "enviada em:", "data:"]) {
                return true
            }
        }
        return false
    }

    /// Case-insensitive prefix test that ignores leading blanks and Markdown-like bold ("*From:* Ana").
    private static func startsWithAny(_ line: String, _ prefixes: [String]) -> Bool {
        let lowered = line.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "*", with: "")
        return prefixes.contains { lowered.hasPrefix($0) }
    }

    private static func nextNonBlank(_ lines: [String], after index: Int) -> Int? {
        lines[(index + 1)...].firstIndex { !isBlank($0) }
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }
    private static func isQuoted(_ line: String) -> Bool { line.drop(while: { $0 == " " }).hasPrefix(">") }

    /// Mobile and webmail sign-offs, in English and Portuguese.
    private static func isSignOff(_ line: String) -> Bool {
        let lowered = line.trimmingCharacters(in: .whitespaces).lowercased()
        return lowered.count < 80 && signOffs.contains { lowered.hasPrefix($0) }
    }

    private static let signOffs = [
        "sent from my ", "sent from yahoo mail", "sent from mail for windows", "sent from outlook", "get outlook for ",
        "enviado do meu ", "enviado de meu ", "enviado do yahoo mail", "enviado do email para windows",
        "enviado do outlook", "obter o outlook para ", "baixe o outlook para ",
    ]
}
