import Foundation

/// Reads `Message-ID`, `In-Reply-To` and `References` values into ids without angle brackets.
enum MessageIDs {
    /// Takes every `<…>` in order (whitespace inside removed, so a folded id survives); when there are none,
    /// takes the words that contain "@" (clients that drop the brackets). Duplicates are removed.
    static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        var seen: Set<String> = []
        func add(_ raw: Substring) {
            let id = String(raw.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\"" })
            guard !id.isEmpty, id.count <= 998, seen.insert(id).inserted else { return }
            ids.append(id)
        }
        var open: String.Index?
        var index = value.startIndex
        while index < value.endIndex {
            let character = value[index]
            if character == "<" {
                open = value.index(after: index)
            } else if character == ">", let start = open {
                add(value[start..<index])
                open = nil
            }
            index = value.index(after: index)
        }
        if ids.isEmpty {
            let words = value.split { $0.isWhitespace || $0 == "," || $0 == "<" || $0 == ">" }
            for word in words where word.contains("@") { add(word) }
            if ids.isEmpty, words.count == 1, let only = words.first, !only.contains("(") { add(only) }
        }
        return ids
    }

    /// `<id>` for writing.
    static func bracketed(_ id: String) -> String {
        "<" + id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t\r\n")) + ">"
    }
}
