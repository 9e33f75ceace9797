import BalcaoCore
import Vapor

/// `/agent/contacts/:id/history` and `/agent/organizations/:id/history`: every ticket of the contact or
/// organization as a timeline, with how often each complaint type came up.
struct IncidentHistoryPagesController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get("contacts", ":contactID", "history", use: contact)
        routes.get("organizations", ":organizationID", "history", use: organization)
    }

    struct Context: Encodable {
        struct TypeRow: Encodable {
            let label: String
            let count: Int
            let first: String
            let last: String
        }

        struct Line: Encodable {
            let number: Int
            let subject: String
            let status: String
            let statusLabel: String
            let category: String?
            let occurrence: String?
            let created: String
            let createdISO: String
            let channel: String
        }

        let layout: LayoutContext
        let name: String
        let detail: String
        let types: [TypeRow]
        let lines: [Line]
        let isTruncated: Bool
    }

    @Sendable func contact(req: Request) async throws -> View {
        let id = try req.id("contactID", as: Contact.ID.self)
        guard let contact = try await services.directory.contact(id) else { throw Abort(.notFound) }
        return try await render(
            req, name: contact.name, detail: contact.emails.map(\.value).joined(separator: ", "),
            history: try await services.quality.history(of: .contact(id)))
    }

    @Sendable func organization(req: Request) async throws -> View {
        let id = try req.id("organizationID", as: Organization.ID.self)
        guard let organization = try await services.directory.organization(id) else { throw Abort(.notFound) }
        return try await render(
            req, name: organization.name, detail: organization.domains.joined(separator: ", "),
            history: try await services.quality.history(of: .organization(id)))
    }

    private func render(_ req: Request, name: String, detail: String, history: IncidentHistory) async throws -> View {
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: try req.session.agent)
        return try await req.view.render(
            "agent/history",
            Context(
                layout: try await frame.layout(for: req, l, title: "\(l["incident_history"]) — \(name)"), name: name,
                detail: detail,
                types: history.types.map {
                    .init(label: $0.label, count: $0.count, first: l.dateTime($0.first), last: l.dateTime($0.last))
                },
                lines: history.entries.map { entry in
                    let ticket = entry.ticket
                    return .init(
                        number: ticket.number.value, subject: ticket.subject, status: ticket.status.rawValue,
                        statusLabel: l[ticket.status.rawValue], category: entry.categoryLabel,
                        occurrence: entry.occurrence.map { l.format("occurrence", l.ordinal($0)) },
                        created: l.dateTime(ticket.createdAt), createdISO: l.iso(ticket.createdAt),
                        channel: l.channel(ticket.channel))
                },
                isTruncated: history.isTruncated))
    }
}
