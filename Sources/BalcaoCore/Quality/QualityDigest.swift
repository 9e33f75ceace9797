import Foundation

/// The weekly digest to the quality team: on Mondays from 08:00 in the desk's zone, the last 7 days' report, once
/// per week whichever instance gets there first (the week is claimed in the store before anything is sent).
public struct QualityDigest: Sendable {
    let quality: QualityService
    let claims: any DigestClaims
    let notifier: MailNotifier
    let clock: any Clock
    let timeZone: TimeZone
    let reportURL: String

    public init(
        quality: QualityService, claims: any DigestClaims, notifier: MailNotifier, clock: any Clock, timeZone: TimeZone,
        reportURL: String
    ) {
        self.quality = quality
        self.claims = claims
        self.notifier = notifier
        self.clock = clock
        self.timeZone = timeZone
        self.reportURL = reportURL
    }

    /// This week's Monday 08:00 in the desk's zone, if it has passed.
    func due(at now: Date) -> Date? {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        guard let week = calendar.dateInterval(of: .weekOfYear, for: now),
            let monday8 = calendar.date(bySettingHour: 8, minute: 0, second: 0, of: week.start), now >= monday8
        else { return nil }
        return monday8
    }

    /// Sends the digest when it is due and not yet sent this week; returns whether it sent.
    @discardableResult
    public func sendIfDue() async throws -> Bool {
        let now = clock.now
        guard let week = due(at: now) else { return false }
        let recipients = try await quality.taxonomy().digestRecipients.compactMap(EmailAddress.init)
        guard !recipients.isEmpty, try await claims.claimDigest(for: week) else { return false }
        let report = try await quality.report(from: now.addingTimeInterval(-7 * 86400), to: now)
        try await notifier.qualityDigest(report, to: recipients, reportURL: reportURL)
        return true
    }
}

/// Remembers which weeks' digests went out.
public protocol DigestClaims: Sendable {
    /// True for the first caller for `week` (its Monday 08:00), false afterwards.
    func claimDigest(for week: Date) async throws -> Bool
}
