import Foundation

/// The ticket tag Balcão puts in subjects (`[#1042] Fatura em atraso`) so replies find their ticket.
public enum SubjectTag {
    /// The number of the first `[#digits]` tag anywhere in `subject`, so "Re: RES: Fwd: [#1042] …" and
    /// "Fatura [#1042]" both match. Nil without a tag.
    public static func ticketNumber(in subject: String) -> TicketNumber? {
        let bytes = Array(subject.utf8)
        var i = 0
        while i + 3 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "["), bytes[i + 1] == UInt8(ascii: "#") else { continue }
            var end = i + 2
            while end < bytes.count, end - i < 12, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                end += 1
            }
            guard end > i + 2, end < bytes.count, bytes[end] == UInt8(ascii: "]"),
                let value = Int(String(decoding: bytes[(i + 2)..<end], as: UTF8.self)), value > 0
            else { continue }
            return TicketNumber(value)
        }
        return nil
    }

    /// "[#1042] subject". A subject that already carries this ticket's tag is returned unchanged (trimmed).
    public static func tagged(_ subject: String, number: TicketNumber) -> String {
        let trimmed = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        if ticketNumber(in: trimmed) == number || trimmed.contains(tag(number)) { return trimmed }
        return trimmed.isEmpty ? tag(number) : "\(tag(number)) \(trimmed)"
    }

    private static func tag(_ number: TicketNumber) -> String { "[#\(number.value)]" }
}
