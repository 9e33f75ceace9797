import Foundation

/// Cuts a folded search word back to the part its plural and singular share, so the prefix search finds both:
/// "devolucao" and "devolucoes" both become "devoluc", "pedidos" becomes "pedido", "policies" "polic". Words are
/// matched as prefixes, so a shorter stem only widens the match a little; short words are left alone.
public enum SearchStem {
    /// Portuguese "-ção/-ções", "-ão/-ões/-ães", then plural "-s" (not "-ss"); English "-ies".
    public static func stem(_ word: String) -> String {
        guard word.count > 4 else { return word }
        for (suffix, replacement) in [("coes", "c"), ("cao", "c"), ("oes", ""), ("aes", ""), ("ao", ""), ("ies", "")]
        where word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count)) + replacement
        }
        if word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}
