import Foundation
import Testing

@testable import BalcaoCore

@Suite("Mail dates")
struct MailDateTests {
    /// 2026-03-03 13:00:00 UTC.
    private let reference = Date(timeIntervalSince1970: 1_772_542_800)

    @Test(
        "RFC 5322 and obsolete forms",
        arguments: [
            "Tue, 3 Mar 2026 10:00:00 -0300", "Tue, 03 Mar 2026 13:00:00 +0000", "3 Mar 2026 13:00:00 GMT",
            "Tue, 3 Mar 2026 13:00 UT", "Tue, 3 Mar 26 08:00:00 EST", "Tue, 3 Mar 2026 05:00:00 PST",
            "Tue, 3 Mar 2026 13:00:00 +0000 (UTC)", "Tue, 3 Mar 2026 10:00:00 -0300 (BRT)", "Tue,3 Mar 2026 13:00:00 Z",
            "Tue Mar  3 13:00:00 2026", "Tue, 3 March 2026 13:00:00 +0000", "2026-03-03T10:00:00-03:00",
            "Tue, 3 Mar 2026 13:00:00", "Tue, 3 Mar 2026 13:00:00 A",
        ])
    func parses(text: String) {
        #expect(MailDate.parse(text) == reference)
    }

    @Test("Three-digit years count from 1900")
    func threeDigitYear() {
        #expect(MailDate.parse("1 Jan 126 00:00:00 +0000") == Date(timeIntervalSince1970: 1_767_225_600))
    }

    @Test(
        "Unreadable dates are nil",
        arguments: ["", "ontem", "31 Feb 2026 10:00:00 +0000", "3 Mar 2026 25:00:00 +0000", "3 Xyz 2026 10:00"])
    func unreadable(text: String) {
        #expect(MailDate.parse(text) == nil)
    }

    @Test("Dates are written in RFC 5322 form with English names in UTC")
    func format() {
        #expect(MailDate.format(reference) == "Tue, 03 Mar 2026 13:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
    }

    @Test("Absurd dates are clamped instead of trapping")
    func absurdDates() {
        #expect(MailDate.format(Date(timeIntervalSince1970: 1e300)) == "Fri, 31 Dec 9999 23:59:59 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: -.infinity)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MailDate.format(Date(timeIntervalSince1970: -1e300)) == "Mon, 01 Jan 0001 00:00:00 +0000")
    }

    @Test("A written date reads back to the same second")
    func roundTrip() {
        for seconds in stride(from: 0, to: 4_000_000_000, by: 123_456_789) {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            #expect(MailDate.parse(MailDate.format(date)) == date)
        }
    }
}
