import BalcaoCore
import Foundation
import Vapor

/// Spike alerts as they open, for the supervisors' open pages (the agent socket shows a banner).
actor SpikeHub {
    struct Opened: Sendable {
        let alert: SpikeAlert
        let series: String
        /// Who may see it: the department's supervisors and the admins.
        let audience: Set<Agent.ID>
    }

    private var listeners: [UUID: AsyncStream<Opened>.Continuation] = [:]

    func publish(_ opened: Opened) {
        for continuation in listeners.values { continuation.yield(opened) }
    }

    func subscribe() -> AsyncStream<Opened> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Opened>.makeStream(bufferingPolicy: .bufferingNewest(16))
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { listeners[id] = nil }
}

/// Tells supervisors of a spike three ways: an in-app notification, a mail, and a live banner on open pages.
struct DeskSpikeAlerting: SpikeAlerting {
    let automation: any AutomationStore
    let notifier: MailNotifier
    let hub: SpikeHub
    let clock: any Clock
    let alertsURL: String

    func spikeOpened(_ alert: SpikeAlert, series: String, examples: [Ticket], supervisors: [Agent]) async throws {
        let now = clock.now
        let title = alert.headline(series: series)
        let body = examples.map { "#\($0.number) \($0.subject)" }.joined(separator: "\n")
        try await automation.addNotifications(
            supervisors.map {
                AgentNotification(agentID: $0.id, ticketID: examples.first?.id, ticketNumber: examples.first?.number,
                    title: title, body: body, createdAt: now)
            })
        await hub.publish(.init(alert: alert, series: series, audience: Set(supervisors.map(\.id))))
        try await notifier.demandSpike(alert, series: series, examples: examples, to: supervisors, alertsURL: alertsURL)
    }
}
