import Foundation

/// Limits failed sign-ins per account (normalized email) and per client address, over a sliding window.
///
/// Why: OWASP's Authentication and Credential Stuffing Prevention cheat sheets ask for brute-force protection
/// that counts failed attempts per account *and* per source, locks only temporarily (a permanent lockout lets
/// anyone lock a real user out for good), and answers the same whether or not the account exists. So:
/// - at most `maxFailuresPerEmail` (5) failures per email within `window` (15 minutes) — stops guessing one
///   account's password, from however many addresses;
/// - at most `maxFailuresPerAddress` (20) failures per client address within the window — stops one client
///   spraying passwords across many accounts;
/// - the window slides: a failure stops counting `window` after it happened, so a lock lifts by itself;
/// - any email string is tracked, known or not, so the throttle never reveals which accounts exist.
///
/// A pure value: the web layer keeps one in an actor and calls, per sign-in attempt,
/// `check` (refusing a `locked` attempt without verifying the password, and without recording it as a failure),
/// then `recordFailure` or `recordSuccess`. Memory stays bounded: expired failures are pruned as time passes,
/// each key keeps at most its limit of timestamps, and at most `maxTrackedKeys` emails and as many addresses are
/// tracked (beyond that the least recently failing keys are forgotten first).
///
/// The address is whatever the web layer identifies the client by (the peer address, or the forwarded one from a
/// trusted proxy); for IPv6 it may pass the /64 prefix, since one client usually controls a whole /64.
public struct LoginThrottle: Sendable {
    /// Whether a sign-in attempt may proceed.
    public enum Decision: Sendable, Hashable {
        case allowed
        /// Too many recent failures; the attempt may be retried after this many seconds (round up for a
        /// `Retry-After` header).
        case locked(retryAfter: TimeInterval)
    }

    /// Failures per normalized email within `window` at which that email is locked.
    public let maxFailuresPerEmail: Int
    /// Failures per client address within `window` at which that address is locked.
    public let maxFailuresPerAddress: Int
    /// How long a failure counts.
    public let window: TimeInterval
    /// How many emails (and, separately, how many addresses) are tracked at most.
    public let maxTrackedKeys: Int

    /// Recent failures of one key, oldest first; never more than the key's limit (older ones no longer matter).
    struct Failures: Sendable, Hashable {
        var times: [Date] = []
        var latest: Date { times.last ?? .distantPast }
    }

    private(set) var emails: [String: Failures] = [:]
    private(set) var addresses: [String: Failures] = [:]
    /// When expired keys were last swept out of both tables.
    private var lastSweep: Date = .distantPast

    /// How often the whole tables are swept for expired keys (touched keys are pruned on every call).
    static let sweepInterval: TimeInterval = 60
    /// Upper bounds on key length, so huge form fields cannot inflate memory (longer keys are truncated; an
    /// email is at most 254 characters anyway).
    static let maxEmailKeyLength = 254
    static let maxAddressKeyLength = 100

    public init(
        maxFailuresPerEmail: Int = 5, maxFailuresPerAddress: Int = 20, window: TimeInterval = 15 * 60,
        maxTrackedKeys: Int = 10_000
    ) {
        precondition(maxFailuresPerEmail > 0 && maxFailuresPerAddress > 0, "limits must be positive")
        precondition(window > 0 && maxTrackedKeys > 0, "window and key cap must be positive")
        self.maxFailuresPerEmail = maxFailuresPerEmail
        self.maxFailuresPerAddress = maxFailuresPerAddress
        self.window = window
        self.maxTrackedKeys = maxTrackedKeys
    }

    /// Whether an attempt for `email` from `address` may proceed at `now`. When both the email and the address are
    /// locked, `retryAfter` is the later of the two. Mutating only to prune expired failures.
    public mutating func check(email: String, address: String, now: Date) -> Decision {
        sweepIfDue(now: now)
        let emailWait = Self.wait(
            in: &emails, key: Self.emailKey(email), limit: maxFailuresPerEmail, window: window, now: now)
        let addressWait = Self.wait(
            in: &addresses, key: Self.addressKey(address), limit: maxFailuresPerAddress, window: window, now: now)
        switch (emailWait, addressWait) {
        case (nil, nil): return .allowed
        case (let wait?, nil), (nil, let wait?): return .locked(retryAfter: wait)
        case (let emailWait?, let addressWait?): return .locked(retryAfter: max(emailWait, addressWait))
        }
    }

    /// Counts a failed sign-in (unknown email or wrong password alike) against the email and the address.
    public mutating func recordFailure(email: String, address: String, now: Date) {
        sweepIfDue(now: now)
        Self.record(
            in: &emails, key: Self.emailKey(email), limit: maxFailuresPerEmail, window: window, cap: maxTrackedKeys,
            now: now)
        Self.record(
            in: &addresses, key: Self.addressKey(address), limit: maxFailuresPerAddress, window: window,
            cap: maxTrackedKeys, now: now)
    }

    /// Forgets the email's failures after a successful sign-in. The address keeps its count: an attacker who
    /// knows one password must not be able to reset the address limit while spraying other accounts.
    public mutating func recordSuccess(email: String, address: String) {
        emails[Self.emailKey(email)] = nil
    }

    // MARK: Keys

    /// Emails match case-insensitively and without surrounding whitespace, as `EmailAddress` does.
    static func emailKey(_ email: String) -> String {
        String(email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix(maxEmailKeyLength))
    }

    /// Addresses are lower-cased so IPv6 spellings that differ only in case match.
    static func addressKey(_ address: String) -> String {
        String(address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix(maxAddressKeyLength))
    }

    // MARK: Bookkeeping

    /// Seconds until `key` drops below `limit` failures, or nil when it is below already. Prunes the key.
    private static func wait(
        in table: inout [String: Failures], key: String, limit: Int, window: TimeInterval, now: Date
    ) -> TimeInterval? {
        guard var failures = table[key] else { return nil }
        prune(&failures, window: window, now: now)
        table[key] = failures.times.isEmpty ? nil : failures
        guard failures.times.count >= limit else { return nil }
        // The oldest failure that keeps the count at the limit; once it expires the key is below the limit.
        let blocking = failures.times[failures.times.count - limit]
        return min(max(blocking.addingTimeInterval(window).timeIntervalSince(now), 0), window)
    }

    private static func record(
        in table: inout [String: Failures], key: String, limit: Int, window: TimeInterval, cap: Int, now: Date
    ) {
        var failures = table[key] ?? Failures()
        prune(&failures, window: window, now: now)
        failures.times.append(now)
        if failures.times.count > 1 && failures.times[failures.times.count - 2] > now {
            failures.times.sort()  // the clock stepped back
        }
        if failures.times.count > limit { failures.times.removeFirst(failures.times.count - limit) }
        if table[key] == nil && table.count >= cap { makeRoom(in: &table, cap: cap, window: window, now: now) }
        table[key] = failures
    }

    /// Drops failures that no longer count: those at least `window` old.
    private static func prune(_ failures: inout Failures, window: TimeInterval, now: Date) {
        let cutoff = now.addingTimeInterval(-window)
        if let firstLive = failures.times.firstIndex(where: { $0 > cutoff }) {
            failures.times.removeFirst(firstLive)
        } else {
            failures.times.removeAll()
        }
    }

    /// Frees room for one more key: first everything expired, then — when the table is still full — the least
    /// recently failing tenth of the cap at once, so a flood of new keys does not pay a full scan per failure.
    /// Keys under active attack keep failing recently, so they are the last to be forgotten.
    private static func makeRoom(in table: inout [String: Failures], cap: Int, window: TimeInterval, now: Date) {
        sweep(&table, window: window, now: now)
        guard table.count >= cap else { return }
        let excess = table.count - cap + 1
        let batch = max(excess, cap / 10, 1)
        for (key, _) in table.sorted(by: { $0.value.latest < $1.value.latest }).prefix(batch) {
            table[key] = nil
        }
    }

    private mutating func sweepIfDue(now: Date) {
        guard abs(now.timeIntervalSince(lastSweep)) >= Self.sweepInterval else { return }
        Self.sweep(&emails, window: window, now: now)
        Self.sweep(&addresses, window: window, now: now)
        lastSweep = now
    }

    /// Removes every key whose newest failure has expired.
    private static func sweep(_ table: inout [String: Failures], window: TimeInterval, now: Date) {
        let cutoff = now.addingTimeInterval(-window)
        table = table.filter { $0.value.latest > cutoff }
    }

    /// How many emails and addresses are tracked right now (for tests and metrics).
    var trackedKeys: (emails: Int, addresses: Int) { (emails.count, addresses.count) }
}
