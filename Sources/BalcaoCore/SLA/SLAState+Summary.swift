import Foundation

/// The one SLA line a queue shows for a ticket: the most pressing timer, its state and the time left.
public struct SLASummary: Sendable, Hashable {
    public let metric: SLAMetric
    public let status: SLATimer.Status
    /// Business time left before the due time; nil without a target or once breached or met.
    public let remaining: TimeInterval?
    public let dueAt: Date?
    /// Wall-clock time since the due time passed, for "overdue by 25 min".
    public let overdue: TimeInterval?
}

extension SLAState {
    /// The running timer due first (breached ones included); else a paused one; else the last timer to finish,
    /// met or breached. Nil for a ticket whose timers never started.
    public func summary(at date: Date, clock: SLAClock) -> SLASummary? {
        let running = timers.filter { !$0.isFulfilled && !$0.isPaused && $0.dueAt != nil }
            .sorted { $0.dueAt! < $1.dueAt! }
        let paused = timers.filter { !$0.isFulfilled && $0.isPaused }
        let finished = timers.filter(\.isFulfilled).sorted { ($0.fulfilledAt ?? .distantPast) < ($1.fulfilledAt ?? .distantPast) }
        guard let timer = running.first ?? paused.first ?? finished.last else { return nil }
        return timer.summary(at: date, clock: clock, warningThreshold: warningThreshold)
    }
}

extension SLATimer {
    /// This timer's state, time left and overdue time at `date`.
    public func summary(at date: Date, clock: SLAClock, warningThreshold: Double) -> SLASummary {
        let status = status(at: date, clock: clock, warningThreshold: warningThreshold)
        return SLASummary(
            metric: metric, status: status,
            remaining: status == .breached || status == .met ? nil : remaining(at: date, clock: clock), dueAt: dueAt,
            overdue: status == .breached && !isFulfilled ? dueAt.map { date.timeIntervalSince($0) } : nil)
    }
}
