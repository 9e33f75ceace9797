/// A short excerpt of a text around what a search matched, as safe HTML with each match in `<mark>`: the help
/// section's results and the suggestions shown while a user types a request. Matching is the search's own —
/// case- and accent-insensitive, each word as a prefix at a word start, marking the whole word ("manutencao"
/// marks "Manutenção").
public enum SearchSnippet {
    /// `words` as `SearchQuery` folds them. Without a match the excerpt is the text's start, unmarked.
    public static func html(of text: String, matching words: [String], radius: Int = 80) -> String {
        let characters = Array(text)
        let matches = ranges(in: characters, matching: words.map(SearchQuery.fold).filter { !$0.isEmpty })
        let center = matches.first?.lowerBound ?? 0
        var start = max(0, center - radius)
        var end = min(characters.count, (matches.first?.upperBound ?? 0) + radius)
        if matches.isEmpty { end = min(characters.count, 2 * radius) }
        // Whole words at the edges.
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        while end < characters.count, !characters[end].isWhitespace { end += 1 }

        var html = start > 0 ? "… " : ""
        var position = start
        for match in matches where match.lowerBound >= start && match.upperBound <= end {
            guard match.lowerBound >= position else { continue }
            html += HTMLSanitizer.escape(String(characters[position..<match.lowerBound]))
            html += "<mark>" + HTMLSanitizer.escape(String(characters[match])) + "</mark>"
            position = match.upperBound
        }
        html += HTMLSanitizer.escape(String(characters[position..<end]))
        return end < characters.count ? html + " …" : html
    }

    /// Character ranges where a word starts with one of `words`, in order, not overlapping.
    static func ranges(in characters: [Character], matching words: [String]) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        let folded = characters.map { SearchQuery.fold(String($0)) }
        var ranges: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            let atWordStart = characters[index].isLetter || characters[index].isNumber
            guard atWordStart, index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber) else {
                index += 1
                continue
            }
            var longest = 0
            for word in words {
                if let length = prefixLength(of: word, in: folded, from: index) { longest = max(longest, length) }
            }
            if longest > 0 {
                // The whole word is marked: a prefix or a stem ("devoluc") matched "devoluções".
                var end = index + longest
                while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// How many characters from `start` spell `word` once folded, nil when they don't. A character may fold to
    /// more than one letter ("ß" → "ss") or to none (a zero-width mark).
    private static func prefixLength(of word: String, in folded: [String], from start: Int) -> Int? {
        var remaining = Substring(word)
        var index = start
        while !remaining.isEmpty {
            guard index < folded.count else { return nil }
            let piece = folded[index]
            if remaining.hasPrefix(piece) {
                remaining = remaining.dropFirst(piece.count)
            } else if piece.hasPrefix(remaining) {
                remaining = ""
            } else {
                return nil
            }
            index += 1
        }
        return index - start
    }
}
