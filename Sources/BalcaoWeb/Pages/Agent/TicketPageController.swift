import BalcaoCore
import Vapor

/// `/agent/tickets/{number}`: the conversation, the composer, the side panel, history, escalation and merge.
/// Every form posts back here and redirects to the page (POST/redirect/GET); a refused change re-renders the page
/// with the reason and keeps what the agent typed.
struct TicketPageController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let ticket = routes.grouped("tickets", ":number")
        ticket.get(use: show)
        ticket.on(.POST, "messages", body: .collect(maxSize: bodyLimit), use: addMessage)
        ticket.post("fields", use: updateFields)
        ticket.post("escalate", use: escalate)
        ticket.post("merge", use: merge)
        ticket.post("macro", use: applyMacro)
        ticket.post("chat", "end", use: endChat)
        ticket.post("classify", use: classify)
        ticket.post("chat", "accept", use: acceptChat)
        ticket.post("chat", "transfer", use: transferChat)
        ticket.get("row", use: row)
        ticket.get("messages", ":messageID", use: message)
        routes.get("attachments", ":attachmentID", use: attachment)
    }

    private var bodyLimit: ByteCount {
        ByteCount(value: services.config.storage.maxAttachmentBytes * 2 + 1024 * 1024)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await ticket(req))
    }

    struct MessageForm: Content {
        let kind: String?
        let body: String?
        let status: String?
        let attachments: [File]?
    }

    @Sendable func addMessage(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let form = try req.content.decode(MessageForm.self)
        let uploads = (form.attachments ?? []).filter { $0.data.readableBytes > 0 || !$0.filename.isEmpty }
            .filter { !$0.filename.isEmpty }
        let command = AddMessage(
            kind: form.kind == "note" ? .note : .reply, body: MessageBody(text: form.body), author: .agent(session.agent.id),
            channel: .web,
            attachments: uploads.map {
                AttachmentUpload(filename: $0.filename, contentType: $0.contentType?.serialize(), data: Data($0.data.readableBytesView))
            },
            status: form.status.flatMap(TicketStatus.init(rawValue:)))
        return try await attempt(req, ticket, composerText: form.body ?? "") {
            _ = try await services.tickets.addMessage(command, to: ticket.id)
        }
    }

    @Sendable func updateFields(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let form = try req.content.decode([String: String].self)
        var changes = TicketChanges()
        if let status = form["status"].flatMap(TicketStatus.init(rawValue:)), status != ticket.status { changes.status = status }
        changes.priority = form["priority"].flatMap(TicketPriority.init(rawValue:))
        changes.type = form["type"].flatMap(TicketType.init(rawValue:))
        if let department = form["department"] {
            changes.departmentID = department.isEmpty ? .clear : Department.ID(department).map { .set($0) } ?? .unchanged
        }
        if let assignee = form["assignee"] {
            changes.assigneeID = assignee.isEmpty ? .clear : Agent.ID(assignee).map { .set($0) } ?? .unchanged
        }
        if let category = form["category"] { changes.category = category.isEmpty ? .clear : .set(category) }
        changes.impact = Self.levelPatch(form["impact"])
        changes.urgency = Self.levelPatch(form["urgency"])
        if let tags = form["tags"] { changes.tags = tags.split(separator: ",").map(String.init) }
        changes.customFields = customFieldInputs(form, ticket: ticket)
        return try await attempt(req, ticket, flash: "saved") {
            _ = try await services.tickets.update(ticket.id, changes, by: .agent(session.agent.id))
        }
    }

    /// Empty clears; a level sets; anything else (a tampered form) leaves the field as it is.
    static func levelPatch(_ value: String?) -> FieldPatch<TriageLevel> {
        guard let value else { return .unchanged }
        if value.isEmpty { return .clear }
        return TriageLevel(rawValue: value).map { .set($0) } ?? .unchanged
    }

    @Sendable func applyMacro(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let form = try req.content.decode([String: String].self)
        return try await attempt(req, ticket, flash: "macro_applied") {
            guard let id = form["macro"].flatMap(Macro.ID.init) else {
                throw ValidationError(field: "macro", "choose a macro")
            }
            _ = try await services.automationAdmin.applyMacro(id, to: ticket.id, by: session.agent)
        }
    }

    /// Form fields named `cf_<key>` become custom-field inputs; an unchanged field is left out so a department
    /// change does not trip over fields of the old department.
    private func customFieldInputs(_ form: [String: String], ticket: Ticket) -> [String: CustomFieldInput] {
        var inputs: [String: CustomFieldInput] = [:]
        for (name, value) in form where name.hasPrefix("cf_") {
            let key = String(name.dropFirst(3))
            guard ticket.customFields[key]?.displayText ?? "" != value else { continue }
            inputs[key] = value.isEmpty ? .null : .string(value)
        }
        return inputs
    }

    /// Ends the live chat: the visitor's widget says so; the ticket carries on by mail or the portal.
    @Sendable func endChat(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        return try await attempt(req, ticket, flash: "saved") {
            try await services.chat.end(try await conversation(of: ticket), by: .agent(session.agent.id))
        }
    }

    /// One click on a suggested complaint type.
    @Sendable func classify(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let key = ((try? req.content.get(String.self, at: "category")) ?? "").trimmingCharacters(in: .whitespaces)
        return try await attempt(req, ticket, flash: "saved") {
            _ = try await services.quality.classify(ticket.id, as: key.isEmpty ? nil : key, by: session.agent)
        }
    }

    @Sendable func acceptChat(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        return try await attempt(req, ticket, flash: "saved") {
            try await services.chatRouting.accept(try await conversation(of: ticket), by: session.agent)
        }
    }

    /// Hands the chat to the chosen agent or, when none is chosen, department.
    @Sendable func transferChat(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let form = try req.content.decode([String: String].self)
        return try await attempt(req, ticket, flash: "saved") {
            let target: ChatTransferTarget
            if let agent = form["agentId"].flatMap(Agent.ID.init), !(form["agentId"] ?? "").isEmpty {
                target = .agent(agent)
            } else if let department = form["departmentId"].flatMap(Department.ID.init) {
                target = .department(department)
            } else {
                throw ValidationError(field: "agentId", "choose an agent or a department")
            }
            try await services.chatRouting.transfer(
                try await conversation(of: ticket), to: target, reason: form["reason"] ?? "", by: session.agent)
        }
    }

    private func conversation(of ticket: Ticket) async throws -> ChatConversation {
        guard let conversation = try await services.chat.conversation(of: ticket.id) else { throw Abort(.notFound) }
        return conversation
    }

    @Sendable func escalate(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let reason = (try? req.content.get(String.self, at: "reason")) ?? ""
        return try await attempt(req, ticket, flash: "escalated") {
            _ = try await services.tickets.escalate(ticket.id, reason: reason, by: session.agent)
        }
    }

    @Sendable func merge(req: Request) async throws -> Response {
        let session = try req.session
        let ticket = try await ticket(req)
        let raw = (try? req.content.get(String.self, at: "target")) ?? ""
        guard let number = TicketNumber(raw.trimmingCharacters(in: .whitespaces)),
            let target = try await services.ticketStore.ticket(number: number)
        else {
            return try await render(req, ticket, error: "#\(raw): \(PageFrame(services: services).localizer(for: req, agent: session.agent)["not_found"])", status: .unprocessableEntity)
        }
        do {
            _ = try await services.tickets.merge(ticket.id, into: target.id, by: session.agent)
            return req.redirect(to: "/agent/tickets/\(target.number.value)?flash=saved")
        } catch {
            return try await render(req, ticket, error: FormError.message(error), status: .unprocessableEntity)
        }
    }

    /// A queue row, for live updates.
    @Sendable func row(req: Request) async throws -> View {
        let session = try req.session
        let l = PageFrame(services: services).localizer(for: req, agent: session.agent)
        let rows = try await TicketRowBuilder(services: services).rows(
            [try await ticket(req)], l, directory: try await req.directorySnapshot(services))
        return try await req.view.render("agent/row", ["row": rows[0]])
    }

    /// One message of the thread, for live updates on the ticket page.
    @Sendable func message(req: Request) async throws -> View {
        let session = try req.session
        let ticket = try await ticket(req)
        let id = try req.id("messageID", as: Message.ID.self)
        let l = PageFrame(services: services).localizer(for: req, agent: session.agent)
        let layout = try await PageFrame(services: services).layout(for: req, l, title: ticket.subject)
        let context = try await TicketPageBuilder(services: services, l: l).context(
            for: ticket, layout: layout, directory: try await req.directorySnapshot(services))
        guard let message = context.messages.first(where: { $0.id == id.description }) else { throw Abort(.notFound) }
        return try await req.view.render("agent/message", MessageFragment(message: message, t: l.all))
    }

    @Sendable func attachment(req: Request) async throws -> Response {
        try await AttachmentsAPIController(services: services).download(req: req)
    }

    struct MessageFragment: Encodable {
        let message: TicketPageContext.MessageView
        let t: [String: String]
    }

    // MARK: Helpers

    private func ticket(_ req: Request) async throws -> Ticket {
        guard let number = TicketNumber(try req.parameters.require("number")),
            let ticket = try await services.ticketStore.ticket(number: number)
        else { throw Abort(.notFound) }
        return ticket
    }

    /// Runs a change; success redirects back to the page, a refusal re-renders it with the reason (422).
    private func attempt(
        _ req: Request, _ ticket: Ticket, flash: String? = nil, composerText: String = "",
        _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
            return req.redirect(to: "/agent/tickets/\(ticket.number.value)" + (flash.map { "?flash=\($0)" } ?? ""))
        } catch let error where FormError.isUserError(error) {
            let fresh = try await services.ticketStore.ticket(ticket.id) ?? ticket
            return try await render(req, fresh, error: FormError.message(error), composerText: composerText,
                status: .unprocessableEntity)
        }
    }

    private func render(
        _ req: Request, _ ticket: Ticket, error: String? = nil, composerText: String = "", status: HTTPStatus = .ok
    ) async throws -> Response {
        let session = try req.session
        let frame = PageFrame(services: services)
        let l = frame.localizer(for: req, agent: session.agent)
        let layout = try await frame.layout(for: req, l, title: "#\(ticket.number.value) \(ticket.subject)")
        let context = try await TicketPageBuilder(services: services, l: l).context(
            for: ticket, layout: layout, directory: try await req.directorySnapshot(services), error: error,
            composerText: composerText)
        return try await req.view.render("agent/ticket", context).encodeResponse(status: status, for: req)
    }
}
