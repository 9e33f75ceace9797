import Foundation

/// A complaint type suggested for a ticket from its words, with the keywords that matched.
public struct ComplaintSuggestion: Sendable, Hashable {
    public let key: String
    public let matched: [String]
}

extension ComplaintTaxonomy {
    /// The nodes whose keywords the text says, best first: more keywords matched, then the deeper (more precise)
    /// node. Words are compared without case or accents and by their stem, so "atrasados" says "atraso"'s stem
    /// only when they share it; a keyword of several words must appear as that phrase.
    public func suggestions(for text: String, limit: Int = 3) -> [ComplaintSuggestion] {
        let words = Self.stems(text)
        guard !words.isEmpty else { return [] }
        let scored: [(suggestion: ComplaintSuggestion, depth: Int)] = nodes.compactMap { node in
            let matched = node.keywords.filter { Self.contains(words, Self.stems($0)) }
            guard !matched.isEmpty else { return nil }
            return (ComplaintSuggestion(key: node.key, matched: matched), depth(of: node.key) ?? 0)
        }
        return scored.sorted {
            ($0.suggestion.matched.count, $0.depth, $1.suggestion.key) > ($1.suggestion.matched.count, $1.depth, $0.suggestion.key)
        }.prefix(limit).map(\.suggestion)
    }

    static func stems(_ text: String) -> [String] {
        SearchQuery.words(in: text).map(SearchStem.stem)
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { words[start + $0] == phrase[$0] }
        }
    }
}
