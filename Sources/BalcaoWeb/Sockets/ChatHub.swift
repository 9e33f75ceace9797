import BalcaoCore
import Foundation

/// Routes committed changes and presence to the chat connections of the ticket they concern. One subscription to
/// the bus and one to presence serve every chat connection of the instance: with thousands of widgets open,
/// fanning each change out to all of them cost more than the change itself (the chat benchmark).
actor ChatHub {
    enum Event: Sendable {
        case change(TicketChange)
        case presence
    }

    private let bus: LocalEventBus
    private let presence: PresenceHub
    private var listeners: [Ticket.ID: [UUID: AsyncStream<Event>.Continuation]] = [:]
    private var tickets: [UUID: Ticket.ID] = [:]
    private var pumps: [Task<Void, Never>] = []

    init(bus: LocalEventBus, presence: PresenceHub) {
        self.bus = bus
        self.presence = presence
    }

    /// The events of `ticket` for one connection, until `leave(connection)`.
    func join(_ ticket: Ticket.ID, connection: UUID) async -> AsyncStream<Event> {
        if pumps.isEmpty { await startPumps() }
        leave(connection)
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(256))
        listeners[ticket, default: [:]][connection] = continuation
        tickets[connection] = ticket
        return stream
    }

    func leave(_ connection: UUID) {
        guard let ticket = tickets.removeValue(forKey: connection) else { return }
        listeners[ticket]?.removeValue(forKey: connection)?.finish()
        if listeners[ticket]?.isEmpty == true { listeners[ticket] = nil }
    }

    private func startPumps() async {
        let changes = await bus.subscribe()
        let presenceChanges = await presence.changes()
        pumps = [
            Task { [weak self] in
                for await change in changes { await self?.deliver(.change(change), to: change.ticket.id) }
            },
            Task { [weak self] in
                for await ticket in presenceChanges { await self?.deliver(.presence, to: Ticket.ID(rawValue: ticket)) }
            },
        ]
    }

    private func deliver(_ event: Event, to ticket: Ticket.ID) {
        for continuation in (listeners[ticket] ?? [:]).values { continuation.yield(event) }
    }
}
