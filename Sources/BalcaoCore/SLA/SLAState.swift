import Foundation

/// What happened to a ticket, as far as its SLA is concerned. BalcaoCore's ticket commands emit these.
public enum SLAEvent: Sendable, Hashable, Codable {
    case ticketCreated(TicketPriority)
    /// A public agent reply; internal notes do not answer anyone.
    case agentReplied
    case requesterReplied
    /// `from` documents the change; the state trusts its own record of the current status.
    case statusChanged(from: TicketStatus, to: TicketStatus)
    case priorityChanged(to: TicketPriority)
    case solved
    case reopened
}

/// The SLA timers of one ticket under one policy, advanced by a pure reducer (`apply`). Rules:
/// - Every timer stands still while the ticket is `pending` or `onHold` (waiting on the requester or a third
///   party) and runs again when the status leaves them or the requester replies.
/// - First response starts at creation and is met by the first agent reply. Next response starts at a requester
///   reply once the first response is done, and is met by the next agent reply; only the current one is kept.
/// - Resolution starts at creation and is met when solved; a reopen continues it without counting the time solved.
/// - Solving or closing meets every open timer, late ones stay breached.
/// - A priority change re-evaluates every target from the ticket's creation, so raising to urgent can reveal a
///   breach that already happened.
public struct SLAState: Sendable, Hashable, Codable {
    public let policyID: SLAPolicy.ID
    public let calendarID: BusinessCalendar.ID
    public let targets: SLAPriorityTargets
    public let warningThreshold: Double
    /// Nil until `.ticketCreated`; events before it are ignored.
    public private(set) var createdAt: Date?
    /// The ticket's priority and status as the reducer last saw them.
    public private(set) var priority: TicketPriority
    public private(set) var status: TicketStatus
    /// Nil until started: first response and resolution at creation, next response at a requester reply.
    public private(set) var firstResponse: SLATimer?
    public private(set) var nextResponse: SLATimer?
    public private(set) var resolution: SLATimer?
    /// Breaches already recorded in the history, as metric → the due time that passed; the SLA watch records each
    /// once. A later next-response timer has another due time, so its breach is recorded too.
    public private(set) var recordedBreaches: [SLAMetric: Date] = [:]

    /// Copies what it needs from the policy, so later policy edits do not rewrite running tickets.
    public init(policy: SLAPolicy) {
        policyID = policy.id
        calendarID = policy.calendarID
        targets = policy.targets
        warningThreshold = policy.warningThreshold
        priority = .normal
        status = .new
    }

    public subscript(metric: SLAMetric) -> SLATimer? {
        switch metric {
        case .firstResponse: firstResponse
        case .nextResponse: nextResponse
        case .resolution: resolution
        }
    }

    /// The timers that exist, in `SLAMetric` order.
    public var timers: [SLATimer] { SLAMetric.allCases.compactMap { self[$0] } }

    /// The earliest due time of a timer still running, breached or not: when the SLA watch must look again.
    public var nextDueAt: Date? {
        timers.filter { !$0.isFulfilled && !$0.isPaused }.compactMap(\.dueAt).min()
    }

    /// When the SLA watch must next look: the earliest due time of a running timer whose breach is not yet recorded.
    public var nextWatchAt: Date? {
        timers.filter { !$0.isFulfilled && !$0.isPaused && $0.dueAt != nil && recordedBreaches[$0.metric] != $0.dueAt }
            .compactMap(\.dueAt).min()
    }

    /// Running timers past due at `date` (strictly: a reply at the due instant is in time) whose breach is not recorded yet.
    public func unrecordedBreaches(at date: Date) -> [SLATimer] {
        timers.filter { timer in
            guard let due = timer.dueAt, !timer.isFulfilled, !timer.isPaused else { return false }
            return due < date && recordedBreaches[timer.metric] != due
        }
    }

    public mutating func recordBreach(of metric: SLAMetric, due: Date) { recordedBreaches[metric] = due }

    /// The queue badge for `metric`, with the policy's warning threshold; nil when that timer never started.
    public func status(of metric: SLAMetric, at date: Date, clock: SLAClock) -> SLATimer.Status? {
        self[metric]?.status(at: date, clock: clock, warningThreshold: warningThreshold)
    }

    /// The state after `event` at `date`. `clock` must be built on the policy's calendar.
    public func applying(_ event: SLAEvent, at date: Date, clock: SLAClock) -> SLAState {
        var next = self
        next.apply(event, at: date, clock: clock)
        return next
    }

    /// Advances the timers by one event (rules in the type's documentation). Replaying a ticket's events in order
    /// from `init(policy:)` rebuilds its state, which is how a changed policy or calendar is applied.
    public mutating func apply(_ event: SLAEvent, at date: Date, clock: SLAClock) {
        assert(clock.calendar.id == calendarID, "SLAState of policy \(policyID) needs calendar \(calendarID)")
        if case .ticketCreated(let priority) = event {
            return start(priority: priority, at: date, clock: clock)
        }
        guard createdAt != nil else { return }
        switch event {
        case .ticketCreated:
            return
        case .agentReplied:
            updateTimers([.firstResponse, .nextResponse]) { $0.fulfil(at: date, clock: clock) }
        case .requesterReplied:
            requesterReplied(at: date, clock: clock)
        case .statusChanged(_, let newStatus):
            move(to: newStatus, at: date, clock: clock)
        case .priorityChanged(let newPriority):
            priority = newPriority
            let newTargets = targets[newPriority]
            updateTimers(SLAMetric.allCases) { $0.retarget(newTargets[$0.metric], clock: clock) }
        case .solved:
            move(to: .solved, at: date, clock: clock)
        case .reopened:
            if status == .solved { move(to: .open, at: date, clock: clock) }
        }
    }

    private mutating func start(priority: TicketPriority, at date: Date, clock: SLAClock) {
        guard createdAt == nil else { return }
        createdAt = date
        self.priority = priority
        status = .new
        let targets = self.targets[priority]
        firstResponse = SLATimer(metric: .firstResponse, startedAt: date, target: targets.firstResponse, clock: clock)
        resolution = SLATimer(metric: .resolution, startedAt: date, target: targets.resolution, clock: clock)
    }

    /// A reply brings a waiting or solved ticket back to open (a closed one stays closed: replies to it open a
    /// follow-up) and, once the first response is done, starts the next-response clock unless one is running.
    private mutating func requesterReplied(at date: Date, clock: SLAClock) {
        guard status != .closed else { return }
        if status != .new && status != .open { move(to: .open, at: date, clock: clock) }
        let firstResponseDone = firstResponse?.isFulfilled ?? true
        let nextResponseOpen = nextResponse.map { !$0.isFulfilled } ?? false
        guard firstResponseDone, !nextResponseOpen else { return }
        nextResponse = SLATimer(
            metric: .nextResponse, startedAt: date, target: targets[priority].nextResponse, clock: clock)
    }

    private mutating func move(to newStatus: TicketStatus, at date: Date, clock: SLAClock) {
        let oldStatus = status
        guard newStatus != oldStatus else { return }
        status = newStatus
        if !newStatus.isUnsolved {
            if oldStatus.isUnsolved { updateTimers(SLAMetric.allCases) { $0.fulfil(at: date, clock: clock) } }
            return
        }
        if !oldStatus.isUnsolved { resolution?.reopen(at: date, clock: clock) }
        if newStatus.pausesSLA {
            updateTimers(SLAMetric.allCases) { $0.pause(at: date) }
        } else {
            updateTimers(SLAMetric.allCases) { $0.resume(at: date, clock: clock) }
        }
    }

    private mutating func updateTimers(_ metrics: [SLAMetric], _ change: (inout SLATimer) -> Void) {
        if metrics.contains(.firstResponse), var timer = firstResponse {
            change(&timer)
            firstResponse = timer
        }
        if metrics.contains(.nextResponse), var timer = nextResponse {
            change(&timer)
            nextResponse = timer
        }
        if metrics.contains(.resolution), var timer = resolution {
            change(&timer)
            resolution = timer
        }
    }
}

extension TicketStatus {
    /// Waiting on the requester (`pending`) or a third party (`onHold`): SLA clocks stand still.
    var pausesSLA: Bool { self == .pending || self == .onHold }
}
