import BalcaoCore
import Vapor

/// What every agent page's frame shows: texts, the agent, the sidebar with live counts, the CSRF token, a flash.
struct LayoutContext: Encodable {
    struct QueueLink: Encodable {
        let slug: String
        let label: String
        let count: Int
        let url: String
        let isCurrent: Bool
    }

    let t: [String: String]
    let lang: String
    let agentName: String
    let agentID: String
    let isAdmin: Bool
    /// Admins and supervisors: they set up triage and automations.
    let isManager: Bool
    let csrf: String
    let queues: [QueueLink]
    let departmentQueues: [QueueLink]
    let flash: String?
    /// For admins: what needs their attention (a mailbox that keeps failing, mail that could not be sent).
    let alerts: [String]
    /// Unread in-app notifications (the bell).
    let unreadNotifications: Int
    /// Open spike alerts this agent is told of (supervisors of the department, admins).
    var spikes: [String] = []
    let pageTitle: String
    let searchQuery: String
}

/// Builds the frame of agent pages. Flash texts come only from known keys, so a URL cannot inject text.
struct PageFrame {
    let services: BalcaoServices

    static let flashKeys: Set<String> = [
        "saved", "escalated", "password_changed", "bulk_none", "macro_applied", "announcement_mailing",
    ]

    func localizer(for req: Request, agent: Agent?) -> Localizer {
        Localizer.resolve(
            agentLanguage: agent?.languageTag, agentTimeZone: agent?.timeZone,
            acceptLanguage: req.headers.first(name: .acceptLanguage), fallback: services.config.defaultLanguage)
    }

    func layout(
        for req: Request, _ l: Localizer, title: String, current: QueueView? = nil, flash: String? = nil,
        searchQuery: String = ""
    ) async throws -> LayoutContext {
        let session = try req.session
        let agent = session.agent
        let counts = try await services.ticketStore.queueCounts()
        func link(_ view: QueueView, _ label: String) -> LayoutContext.QueueLink {
            .init(
                slug: view.slug, label: label, count: counts.count(of: view, for: agent),
                url: "/agent/queues/\(view.slug)", isCurrent: view == current)
        }
        let departments = try await req.directorySnapshot(services).visibleDepartments(for: agent)
        let flashKey = (try? req.query.get(String.self, at: "flash")).flatMap { Self.flashKeys.contains($0) ? $0 : nil }
        var context = LayoutContext(
            t: l.all, lang: l.language.rawValue, agentName: agent.name, agentID: agent.id.description,
            isAdmin: agent.role == .admin, isManager: agent.role >= .supervisor, csrf: session.csrfToken,
            queues: [link(.mine, l["queue_mine"]), link(.unassigned, l["queue_unassigned"]), link(.all, l["queue_all"])],
            departmentQueues: departments.map { link(.department($0.id), $0.name) },
            flash: flash ?? flashKey.map { l[$0] }, alerts: try await adminAlerts(for: agent, l),
            unreadNotifications: try await services.automation.unreadNotificationCount(for: agent.id), pageTitle: title,
            searchQuery: searchQuery)
        context.spikes = try await openSpikes(for: agent)
        return context
    }

    private func openSpikes(for agent: Agent) async throws -> [String] {
        guard agent.role >= .supervisor else { return [] }
        var texts: [String] = []
        for stored in try await services.demandStore.alerts(openOnly: true, limit: 10) {
            let alert = stored.alert
            let department = alert.key.departmentID.flatMap(Department.ID.init)
            guard agent.role == .admin || department.map(agent.departmentIDs.contains) == true else { continue }
            texts.append(
                alert.headline(series: try await services.demand.describe(alert.key)))
        }
        return texts
    }

    private func adminAlerts(for agent: Agent, _ l: Localizer) async throws -> [String] {
        guard agent.role == .admin else { return [] }
        var alerts = try await services.mailStore.mailboxes()
            .filter { $0.isActive && $0.failureCount >= MailboxPoll.alertAfter }
            .map { l.format("alert_mailbox_failing", $0.address.value) }
        if try await services.outbox.hasMail(in: .failed) { alerts.append(l["alert_outbox_failed"]) }
        return alerts
    }

    /// The departments `agent` works from (for the socket, which has no page request to share a snapshot with).
    func visibleDepartments(for agent: Agent) async throws -> [Department] {
        try await DirectorySnapshot.load(services).visibleDepartments(for: agent)
    }

}
