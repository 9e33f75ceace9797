import Foundation

/// What an agent typed in the search box, understood: a ticket number, an email address, or words.
/// Words are folded (case and accents removed) so "manutencao" finds "manutenção" on both databases alike.
public enum SearchQuery: Sendable, Hashable {
    case number(TicketNumber)
    case email(EmailAddress)
    /// Folded words; each matches as a prefix ("impres" finds "impressora").
    case words([String])

    /// Nil when nothing searchable was typed.
    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let number = TicketNumber(text), text.allSatisfy({ $0.isNumber || $0 == "#" }) {
            self = .number(number)
        } else if text.contains("@"), let email = EmailAddress(text) {
            self = .email(email)
        } else {
            let words = Self.words(in: text)
            guard !words.isEmpty else { return nil }
            self = .words(Array(words.prefix(8)))
        }
    }

    /// Lower-cased, accent-free words of letters and digits: the form both the index and queries use.
    public static func words(in text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { !$0.isEmpty }
    }

    /// Removes case and diacritics ("Manutenção" → "manutencao").
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
