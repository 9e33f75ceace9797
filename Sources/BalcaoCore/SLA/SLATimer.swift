import Foundation

/// A stretch during which an SLA timer stood still: the ticket was pending, on hold, or solved before a reopen.
public struct SLAPause: Sendable, Hashable, Codable {
    public let start: Date
    public let end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}

/// One metric's clock on one ticket. Stores instants only (start, pauses, fulfilment) and derives business time
/// from them through an `SLAClock`, so a corrected calendar or a new target re-evaluates the whole history.
public struct SLATimer: Sendable, Hashable, Codable {
    /// What a queue shows next to the ticket.
    public enum Status: String, Sendable, Hashable, Codable {
        case running
        /// At least `warningThreshold` of the target is used: someone should pick the ticket up now.
        case atRisk = "at_risk"
        /// Waiting on the requester: the clock stands still and cannot breach.
        case paused
        /// Past due, fulfilled late or not at all.
        case breached
        /// Fulfilled in time.
        case met
    }

    public let metric: SLAMetric
    public let startedAt: Date
    /// Business seconds allowed; nil when the policy sets none for the ticket's priority. The timer still records
    /// start and fulfilment, so a later priority change can apply a target retroactively.
    public internal(set) var target: TimeInterval?
    /// Closed pauses, oldest first.
    public internal(set) var pauses: [SLAPause]
    /// Set while the clock stands still.
    public internal(set) var pausedSince: Date?
    /// When the reply or solve that satisfies the metric happened.
    public internal(set) var fulfilledAt: Date?
    /// When the target is (or was) used up. Recomputed from the remaining business time at every resume and target
    /// change; nil while paused with time left, or without a target. Stored so the SLA watch can query it.
    public internal(set) var dueAt: Date?

    public init(
        metric: SLAMetric, startedAt: Date, target: TimeInterval?, pauses: [SLAPause] = [], pausedSince: Date? = nil,
        fulfilledAt: Date? = nil, dueAt: Date? = nil
    ) {
        self.metric = metric
        self.startedAt = startedAt
        self.target = target
        self.pauses = pauses
        self.pausedSince = pausedSince
        self.fulfilledAt = fulfilledAt
        self.dueAt = dueAt
    }

    /// A running timer with its due time computed.
    init(metric: SLAMetric, startedAt: Date, target: TimeInterval?, clock: SLAClock) {
        self.init(metric: metric, startedAt: startedAt, target: target)
        recomputeDue(clock: clock)
    }

    public var isPaused: Bool { pausedSince != nil }
    public var isFulfilled: Bool { fulfilledAt != nil }

    /// Business time the clock has run by `date`: working time since the start, less working time spent paused.
    public func elapsed(at date: Date, clock: SLAClock) -> TimeInterval {
        let until = min(date, fulfilledAt ?? date)
        var total = 0.0
        for segment in runningSegments(openEnd: until) where segment.start < until {
            total += clock.workingTime(from: segment.start, to: min(segment.end ?? until, until))
        }
        return total
    }

    /// Business time left at `date` (frozen once fulfilled); negative by how much the target was overrun.
    public func remaining(at date: Date, clock: SLAClock) -> TimeInterval? {
        target.map { $0 - elapsed(at: date, clock: clock) }
    }

    /// Breached when the due time passed before fulfilment, or before `date` while still open.
    public func isBreached(at date: Date) -> Bool {
        guard let dueAt else { return false }
        return dueAt < (fulfilledAt ?? date)
    }

    /// Breached wins over everything (a late solve is still late), then met, then paused, then the risk check.
    public func status(at date: Date, clock: SLAClock, warningThreshold: Double) -> Status {
        if isBreached(at: date) { return .breached }
        if isFulfilled { return .met }
        if isPaused { return .paused }
        guard let target, elapsed(at: date, clock: clock) >= target * warningThreshold else { return .running }
        return .atRisk
    }

    mutating func pause(at date: Date) {
        guard !isFulfilled, !isPaused else { return }
        pausedSince = date
        dueAt = dueAt.flatMap { $0 < date ? $0 : nil }
    }

    mutating func resume(at date: Date, clock: SLAClock) {
        guard let since = pausedSince, !isFulfilled else { return }
        if date > since { pauses.append(SLAPause(start: since, end: date)) }
        pausedSince = nil
        recomputeDue(clock: clock)
    }

    mutating func fulfil(at date: Date, clock: SLAClock) {
        guard !isFulfilled else { return }
        if isPaused { resume(at: date, clock: clock) }
        fulfilledAt = date
    }

    /// Reopening continues the count where it stopped; the time spent solved does not count.
    mutating func reopen(at date: Date, clock: SLAClock) {
        guard let solvedAt = fulfilledAt else { return }
        fulfilledAt = nil
        if date > solvedAt { pauses.append(SLAPause(start: solvedAt, end: date)) }
        recomputeDue(clock: clock)
    }

    mutating func retarget(_ target: TimeInterval?, clock: SLAClock) {
        self.target = target
        recomputeDue(clock: clock)
    }

    /// Walks the running segments until the target is overrun: inside a closed segment that is a past breach, on
    /// the open one it is `remaining` business time after the last resume. A target used exactly up to a pause is
    /// due at the resume, so a paused timer never breaches.
    mutating func recomputeDue(clock: SLAClock) {
        guard let target else {
            dueAt = nil
            return
        }
        var remaining = target
        for segment in runningSegments(openEnd: nil) {
            guard let end = segment.end else {
                dueAt = clock.addWorkingTime(remaining, to: segment.start)
                return
            }
            let worked = clock.workingTime(from: segment.start, to: end)
            if worked > remaining {
                dueAt = clock.addWorkingTime(remaining, to: segment.start)
                return
            }
            remaining -= worked
        }
        dueAt = nil
    }

    /// Stretches when the clock ran: between the start, the pauses and the current pause. The last one is open
    /// (`end` nil, or `openEnd` when given) unless the timer is paused now.
    private func runningSegments(openEnd: Date?) -> [(start: Date, end: Date?)] {
        var segments: [(start: Date, end: Date?)] = []
        var cursor = startedAt
        for pause in pauses {
            if pause.start > cursor { segments.append((cursor, pause.start)) }
            cursor = max(cursor, pause.end)
        }
        if let pausedSince {
            if pausedSince > cursor { segments.append((cursor, pausedSince)) }
        } else {
            segments.append((cursor, openEnd))
        }
        return segments
    }
}
