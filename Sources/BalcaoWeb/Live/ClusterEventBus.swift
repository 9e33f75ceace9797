import BalcaoCore
import BalcaoStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import Vapor

/// Publishes committed changes to this instance's sockets and, on PostgreSQL, to the other instances on the same
/// database through a NOTIFY channel: a visitor's chat on one instance and the agent on another see each other's
/// lines, and agents' queues move on every instance. Other instances read the ticket and message back from the
/// database, so the notice stays small.
struct ClusterEventBus: EventBus {
    /// What another instance needs to rebuild a change.
    struct Notice: Codable, Sendable {
        let instance: UUID
        let ticket: UUID
        let message: UUID?
        let isNew: Bool
        let fields: [String]
    }

    let local: LocalEventBus
    let channel: PostgresChannel
    let tickets: any TicketStore
    let clock: any Clock
    let instance = UUID()
    let logger = Logger(label: "balcao.cluster")

    func publish(_ change: TicketChange) async {
        await local.publish(change)
        guard channel.isAvailable else { return }
        let notice = Notice(
            instance: instance, ticket: change.ticket.id.rawValue, message: change.message?.id.rawValue,
            isNew: change.isNew, fields: Array(Set(change.events.map(\.field.rawValue))).sorted())
        do {
            try await channel.notify(String(decoding: try JSONEncoder().encode(notice), as: UTF8.self))
        } catch {
            logger.warning("change of ticket \(change.ticket.number) not announced to other instances: \(error)")
        }
    }

    /// Relays other instances' changes to this instance's sockets until cancelled.
    func relay() -> Task<Void, Never>? {
        guard channel.isAvailable else { return nil }
        let notices = channel.listen(logger: logger)
        return Task {
            for await payload in notices {
                if Task.isCancelled { break }
                guard let notice = try? JSONDecoder().decode(Notice.self, from: Data(payload.utf8)),
                    notice.instance != instance
                else { continue }
                do {
                    if let change = try await rebuild(notice) { await local.publish(change) }
                } catch {
                    logger.warning("change of ticket \(notice.ticket) from another instance not read: \(error)")
                }
            }
        }
    }

    private func rebuild(_ notice: Notice) async throws -> TicketChange? {
        let id = Ticket.ID(rawValue: notice.ticket)
        guard let ticket = try await tickets.ticket(id) else { return nil }
        let message = try await notice.message.asyncFlatMap { messageID in
            try await tickets.messages(of: id).first { $0.id.rawValue == messageID }
        }
        let now = clock.now
        let events = notice.fields.map {
            TicketEvent(ticketID: id, actor: .system, at: now, field: .init(rawValue: $0), oldValue: nil, newValue: nil)
        }
        return TicketChange(ticket: ticket, events: events, message: message, isNew: notice.isNew)
    }
}

/// Listens to the other instances (their changes and presence) while the app runs.
final class ClusterRelay: LifecycleHandler, Sendable {
    let bus: ClusterEventBus
    let presence: ClusterPresence
    private let tasks = NIOLockedValueBox<[Task<Void, Never>]>([])

    init(bus: ClusterEventBus, presence: ClusterPresence) {
        self.bus = bus
        self.presence = presence
    }

    func didBoot(_ application: Application) throws {
        let running = [bus.relay(), presence.run()].compactMap { $0 }
        tasks.withLockedValue { $0 = running }
    }

    func shutdown(_ application: Application) { tasks.withLockedValue { $0.forEach { $0.cancel() } } }

    /// Says goodbye and waits for the relays to stop, so they never read the database after the app closed it.
    func shutdownAsync(_ application: Application) async {
        await presence.farewell()
        let running = tasks.withLockedValue { $0 }
        for task in running {
            task.cancel()
            await task.value
        }
    }
}
