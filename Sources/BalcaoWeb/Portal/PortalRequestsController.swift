import BalcaoCore
import BalcaoStore
import Vapor

/// A signed-in user's requests: list, open a new one with a department's form, read the public thread, reply,
/// mark solved, reopen, rate. What they may do is `PortalAccess`'s rule, applied by `PortalDesk`.
struct PortalRequestsController: RouteCollection {
    let services: BalcaoServices
    var frame: PortalFrame { PortalFrame(services: services) }

    func boot(routes: any RoutesBuilder) throws {
        let requests = routes.grouped("requests").grouped(RequirePortalUser(portalPath: frame.base))
        requests.get(use: list)
        requests.get("new", use: choose)
        requests.get("new", ":departmentID", use: showForm)
        requests.on(.POST, "new", ":departmentID", body: .collect(maxSize: bodyLimit), use: create)
        requests.get(":number", use: show)
        requests.on(.POST, ":number", "reply", body: .collect(maxSize: bodyLimit), use: reply)
        requests.post(":number", "solve", use: solve)
        requests.post(":number", "reopen", use: reopen)
        requests.post(":number", "rate", use: rate)
        requests.get(":number", "attachments", ":attachmentID", use: attachment)
    }

    private var bodyLimit: ByteCount {
        ByteCount(value: services.config.storage.maxAttachmentBytes * 2 + 1024 * 1024)
    }

    private var maxAttachmentMB: Int { services.config.storage.maxAttachmentBytes / 1_048_576 }

    // MARK: List

    @Sendable func list(req: Request) async throws -> Response {
        let access = try await access(req)
        let l = frame.localizer(for: req)
        let scope = (try? req.query.get(String.self, at: "scope")).flatMap(PortalDesk.Scope.init(rawValue:)) ?? .mine
        let cursor = (try? req.query.get(Int.self, at: "after")).map {
            TicketCursor(sort: .updatedAt, descending: true, number: $0)
        }
        let page = try await services.portalDesk.requests(for: access, scope: scope, after: cursor)
        let names = try await req.directorySnapshot(services).departmentNames
        let rows = page.tickets.map { ticket in
            PortalRequestView.Row(
                number: ticket.number.value, subject: ticket.subject, status: ticket.status.rawValue,
                statusLabel: l["portal_status_\(ticket.status.rawValue)"],
                department: ticket.departmentID.flatMap { names[$0] } ?? "", updated: l.dateTime(ticket.updatedAt),
                updatedISO: l.iso(ticket.updatedAt), url: "\(frame.base)/requests/\(ticket.number.value)")
        }
        return try await frame.render(
            req, "requests",
            PortalRequestView.ListContext(
                layout: try await frame.layout(req, l, title: l["portal_my_requests"], settings: access.settings),
                scope: scope.rawValue,
                showsOrganization: access.settings.showsOrganizationRequests && access.contact.organizationID != nil,
                rows: rows,
                nextURL: page.next.map { "\(frame.base)/requests?scope=\(scope.rawValue)&after=\($0.number)" }))
    }

    // MARK: New request

    @Sendable func choose(req: Request) async throws -> Response {
        let access = try await access(req)
        let departments = try await services.portalDesk.departments(for: access)
        // A subject typed elsewhere (the search box) comes along to the form.
        let subject = (try? req.query.get(String.self, at: "subject")).flatMap {
            $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics).map { "?subject=\($0)" }
        } ?? ""
        if departments.count == 1 {
            return req.redirect(to: "\(frame.base)/requests/new/\(departments[0].id)\(subject)")
        }
        let l = frame.localizer(for: req)
        return try await frame.render(
            req, "choose",
            PortalRequestView.ChooseContext(
                layout: try await frame.layout(req, l, title: l["portal_new_request"], settings: access.settings),
                departments: departments.map { .init(name: $0.name, url: "\(frame.base)/requests/new/\($0.id)\(subject)") }))
    }

    @Sendable func showForm(req: Request) async throws -> Response {
        let access = try await access(req)
        let department = try await department(req, access)
        let subject = String(((try? req.query.get(String.self, at: "subject")) ?? "").prefix(OpenTicket.maxSubjectLength))
        return try await renderForm(req, access, department, subject: subject, body: "", typed: [:], error: nil)
    }

    struct RequestForm: Content {
        let subject: String?
        let body: String?
        let attachments: [File]?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let access = try await access(req)
        let department = try await department(req, access)
        let form = try req.content.decode(RequestForm.self)
        var typed: [String: String] = [:]
        var inputs: [String: CustomFieldInput] = [:]
        for definition in department.customFields {
            guard let value = try? req.content.get(String.self, at: "cf_\(definition.key)"), !value.isEmpty else {
                continue
            }
            typed[definition.key] = value
            inputs[definition.key] = definition.kind == .checkbox ? .bool(value == "on" || value == "true") : .string(value)
        }
        let request = PortalDesk.NewRequest(
            departmentID: department.id, subject: form.subject ?? "", body: form.body ?? "", customFields: inputs,
            attachments: Self.uploads(form.attachments))
        do {
            let ticket = try await services.portalDesk.open(request, for: access)
            return req.redirect(to: "\(frame.base)/requests/\(ticket.number.value)?flash=request_created", redirectType: .normal)
        } catch let error where FormError.isUserError(error) {
            return try await renderForm(
                req, access, department, subject: form.subject ?? "", body: form.body ?? "", typed: typed,
                error: PortalFormError.message(error, frame.localizer(for: req)), status: .unprocessableEntity)
        }
    }

    private func renderForm(
        _ req: Request, _ access: PortalAccess, _ department: Department, subject: String, body: String,
        typed: [String: String], error: String?, status: HTTPStatus = .ok
    ) async throws -> Response {
        let l = frame.localizer(for: req)
        let suggested = error == nil && !subject.isEmpty
            ? try await services.helpCenter.suggestions(forSubject: subject, reader: access.reader, language: l.language)
            : []
        return try await frame.render(
            req, "request-form",
            PortalRequestView.FormContext(
                layout: try await frame.layout(req, l, title: l["portal_new_request"], settings: access.settings),
                departmentName: department.name, action: "\(frame.base)/requests/new/\(department.id)",
                fields: department.customFields.map { .init($0, value: nil, typed: typed[$0.key]) },
                subject: subject, body: body, error: error, maxAttachmentMB: maxAttachmentMB,
                suggestions: .init(t: l.all, base: frame.base, results: PortalHelpView.results(suggested))),
            status: status)
    }

    // MARK: One request

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await access(req), try number(req))
    }

    struct ReplyForm: Content {
        let body: String?
        let attachments: [File]?
    }

    @Sendable func reply(req: Request) async throws -> Response {
        let form = try req.content.decode(ReplyForm.self)
        return try await attempt(req, flash: "reply_sent", composerText: form.body ?? "") { access, number in
            _ = try await services.portalDesk.reply(
                to: number, body: form.body ?? "", attachments: Self.uploads(form.attachments), for: access)
        }
    }

    @Sendable func solve(req: Request) async throws -> Response {
        try await attempt(req, flash: "request_solved") { access, number in
            _ = try await services.portalDesk.markSolved(number, for: access)
        }
    }

    @Sendable func reopen(req: Request) async throws -> Response {
        try await attempt(req, flash: "request_reopened") { access, number in
            _ = try await services.portalDesk.reopen(number, for: access)
        }
    }

    struct RateForm: Content {
        let score: String?
        let comment: String?
    }

    @Sendable func rate(req: Request) async throws -> Response {
        let form = try req.content.decode(RateForm.self)
        return try await attempt(req, flash: "rating_saved") { access, number in
            guard let score = form.score.flatMap(SatisfactionRating.Score.init(rawValue:)) else {
                throw ValidationError(field: "score", "must be good or bad")
            }
            _ = try await services.portalDesk.rate(number, score: score, comment: form.comment, for: access)
        }
    }

    @Sendable func attachment(req: Request) async throws -> Response {
        let access = try await access(req)
        let id = try req.id("attachmentID", as: Attachment.ID.self)
        guard let attachment = try await services.portalDesk.attachment(id, on: try number(req), for: access),
            let data = try await services.blobs.get(attachment.sha256)
        else { throw Abort(.notFound) }
        return AttachmentsAPIController.response(for: attachment, data: data)
    }

    // MARK: Helpers

    /// Runs an action on the request; success goes back to its page, a refusal shows the page with the reason.
    private func attempt(
        _ req: Request, flash: String, composerText: String = "",
        _ action: (PortalAccess, TicketNumber) async throws -> Void
    ) async throws -> Response {
        let access = try await access(req)
        let number = try number(req)
        do {
            try await action(access, number)
            return req.redirect(to: "\(frame.base)/requests/\(number.value)?flash=\(flash)", redirectType: .normal)
        } catch let error where FormError.isUserError(error) && (error as? PortalError) != .requestNotFound {
            return try await render(
                req, access, number, error: PortalFormError.message(error, frame.localizer(for: req)),
                composerText: composerText, status: .unprocessableEntity)
        }
    }

    private func render(
        _ req: Request, _ access: PortalAccess, _ number: TicketNumber, error: String? = nil, composerText: String = "",
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let view = try await services.portalDesk.request(number, for: access)
        let l = frame.localizer(for: req)
        let ticket = view.ticket
        let agentNames = try await req.directorySnapshot(services).agentNames
        // Contacts who wrote on the request (the requester, people copied on its mail): each under their own name.
        let writers = Set(view.thread.compactMap { if case .contact(let id) = $0.author { id } else { nil } })
        let contactNames = Dictionary(
            uniqueKeysWithValues: try await services.directory.contacts(ids: Array(writers)).map { ($0.id, $0.name) })
        let url = "\(frame.base)/requests/\(number.value)"
        let messages = view.thread.map { message in
            let author: String
            switch message.author {
            case .agent(let id): author = agentNames[id] ?? l["portal_support_team"]
            case .contact(let id): author = contactNames[id] ?? l["someone"]
            case .system: author = l["portal_support_team"]
            }
            return TicketPageContext.MessageView(message, authorName: author, l, attachmentURL: { "\(url)/attachments/\($0.id)" })
        }
        return try await frame.render(
            req, "request",
            PortalRequestView.RequestContext(
                layout: try await frame.layout(req, l, title: "#\(number.value) \(ticket.subject)", settings: access.settings),
                number: number.value, subject: ticket.subject, status: ticket.status.rawValue,
                statusLabel: l["portal_status_\(ticket.status.rawValue)"], department: view.department?.name ?? "",
                created: l.dateTime(ticket.createdAt), createdISO: l.iso(ticket.createdAt), url: url,
                isMine: ticket.requesterID == access.contact.id, messages: messages, canReply: view.canReply,
                canMarkSolved: view.canMarkSolved, canReopen: view.canReopen, canRate: view.canRate,
                rating: view.rating.map { .init(score: $0.score.rawValue, comment: $0.comment ?? "") },
                reopenDays: access.settings.reopenWindowDays, error: error, composerText: composerText,
                maxAttachmentMB: maxAttachmentMB),
            status: status)
    }

    private func access(_ req: Request) async throws -> PortalAccess {
        guard let user = req.portalUser else { throw Abort(.unauthorized) }
        return PortalAccess(contact: user.contact, settings: try await frame.settings())
    }

    private func number(_ req: Request) throws -> TicketNumber {
        guard let number = TicketNumber(try req.parameters.require("number")) else { throw PortalError.requestNotFound }
        return number
    }

    private func department(_ req: Request, _ access: PortalAccess) async throws -> Department {
        let id = try req.id("departmentID", as: Department.ID.self)
        guard let department = try await services.portalDesk.departments(for: access).first(where: { $0.id == id }) else {
            throw PortalError.departmentNotAvailable
        }
        return department
    }

    static func uploads(_ files: [File]?) -> [AttachmentUpload] {
        (files ?? []).filter { !$0.filename.isEmpty }.map {
            AttachmentUpload(filename: $0.filename, contentType: $0.contentType?.serialize(), data: Data($0.data.readableBytesView))
        }
    }
}
