import BalcaoCore
import Vapor

/// The smaller agent pages: search, new ticket on behalf of a requester, new contact.
struct DeskPagesController: RouteCollection {
    let services: BalcaoServices

    typealias Option = SelectOption

    struct SearchContext: Encodable {
        let layout: LayoutContext
        let query: String
        let rows: [TicketRow]
        let searched: Bool
    }

    struct NewTicketContext: Encodable {
        let layout: LayoutContext
        let error: String?
        let form: [String: String]
        let channels: [Option]
        let priorities: [Option]
        let types: [Option]
        let departments: [Option]
    }

    struct NewContactContext: Encodable {
        let layout: LayoutContext
        let error: String?
        let form: [String: String]
        let organizations: [Option]
        let languages: [Option]
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get("search", use: search)
        routes.get("tickets", "new", use: newTicket)
        routes.post("tickets", use: createTicket)
        routes.get("contacts", "new", use: newContact)
        routes.post("contacts", use: createContact)
    }

    @Sendable func search(req: Request) async throws -> View {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let text = (try? req.query.get(String.self, at: "q")) ?? ""
        let tickets = try await SearchQuery(text).asyncFlatMap { try await services.search.search($0, limit: 50) } ?? []
        let context = SearchContext(
            layout: try await frame.layout(for: req, l, title: l["search"], searchQuery: text), query: text,
            rows: try await TicketRowBuilder(services: services).rows(
                tickets, l, directory: try await req.directorySnapshot(services)), searched: !text.isEmpty)
        return try await req.view.render("agent/search", context)
    }

    @Sendable func newTicket(req: Request) async throws -> Response {
        try await renderNewTicket(req, form: [:], error: nil)
    }

    @Sendable func createTicket(req: Request) async throws -> Response {
        let session = try req.session
        let form = try req.content.decode([String: String].self)
        do {
            guard let email = EmailAddress(form["requester_email"] ?? "") else {
                throw ValidationError(field: "requester_email", "is not an email address")
            }
            let command = OpenTicket(
                subject: form["subject"] ?? "", body: MessageBody(text: form["body"]),
                requester: .email(email, name: form["requester_name"], kind: nil),
                channel: form["channel"].flatMap(TicketChannel.init(rawValue:)) ?? .phone,
                priority: form["priority"].flatMap(TicketPriority.init(rawValue:)),
                type: form["type"].flatMap(TicketType.init(rawValue:)),
                departmentID: form["department"].flatMap(Department.ID.init),
                assigneeID: form["assign_me"] == "on" ? session.agent.id : nil)
            let ticket = try await services.tickets.open(command, by: .agent(session.agent.id))
            return req.redirect(to: "/agent/tickets/\(ticket.number.value)?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderNewTicket(req, form: form, error: FormError.message(error))
        }
    }

    private func renderNewTicket(_ req: Request, form: [String: String], error: String?) async throws -> Response {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let departments = try await req.directorySnapshot(services).visibleDepartments(for: session.agent)
        let context = NewTicketContext(
            layout: try await frame.layout(for: req, l, title: l["new_ticket"]), error: error, form: form,
            channels: [TicketChannel.phone, .email, .web, .chat, .portal].map {
                Option(value: $0.rawValue, label: l.channel($0), selected: form["channel"] == $0.rawValue)
            },
            priorities: TicketPriority.allCases.map {
                Option(value: $0.rawValue, label: l[$0.rawValue], selected: (form["priority"] ?? "normal") == $0.rawValue)
            },
            types: TicketType.allCases.map {
                Option(value: $0.rawValue, label: l[$0.rawValue], selected: form["type"] == $0.rawValue)
            },
            departments: departments.map {
                Option(value: $0.id.description, label: $0.name, selected: form["department"] == $0.id.description)
            })
        return try await req.view.render("agent/new-ticket", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }

    @Sendable func newContact(req: Request) async throws -> Response {
        try await renderNewContact(req, form: [:], error: nil)
    }

    @Sendable func createContact(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        var fields = ContactFields()
        fields.name = form["name"]
        fields.emails = (form["email"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        fields.kind = form["kind"].flatMap(Contact.Kind.init(rawValue:))
        if let phone = form["phone"], !phone.isEmpty { fields.phone = .set(phone) }
        if let organization = form["organization"].flatMap(Organization.ID.init) { fields.organizationID = .set(organization) }
        if let language = form["language"], !language.isEmpty { fields.languageTag = .set(language) }
        do {
            _ = try await services.people.createContact(fields)
            return req.redirect(to: "/agent/tickets/new?flash=saved")
        } catch let error where FormError.isUserError(error) {
            return try await renderNewContact(req, form: form, error: FormError.message(error))
        }
    }

    private func renderNewContact(_ req: Request, form: [String: String], error: String?) async throws -> Response {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let everything = DirectoryQuery.everything
        let organizations = try await services.directory.organizations(everything)
        let context = NewContactContext(
            layout: try await frame.layout(for: req, l, title: l["new_contact"]), error: error, form: form,
            organizations: [Option(value: "", label: l["none"], selected: true)]
                + organizations.map { Option(value: $0.id.description, label: $0.name, selected: form["organization"] == $0.id.description) },
            languages: SupportedLanguage.allCases.map {
                Option(value: $0.rawValue, label: $0.rawValue, selected: form["language"] == $0.rawValue)
            })
        return try await req.view.render("agent/new-contact", context)
            .encodeResponse(status: error == nil ? .ok : .unprocessableEntity, for: req)
    }
}
