import BalcaoCore
import Foundation
import Vapor

/// `/api/v1`: the priority matrix, business calendars, SLA policies, rules, macros, department triage settings,
/// rule previews, macro application and agent availability. Any agent reads; admins and supervisors change
/// (checked in the domain). Bodies are the domain's JSON shapes (see docs/triage.md); ids come from the path.
struct AutomationAPIController: RouteCollection {
    let services: BalcaoServices
    var admin: AutomationAdministration { services.automationAdmin }

    func boot(routes: any RoutesBuilder) throws {
        let admin = self.admin
        routes.get("triage", "matrix") { _ in Body(try await admin.settings().matrix) }
        routes.put("triage", "matrix") { req -> Body<PriorityMatrix> in
            let matrix = try req.content.decode(PriorityMatrix.self)
            try await admin.saveMatrix(matrix, by: try req.agent)
            return Body(matrix)
        }
        routes.get("calendars", "holidays", use: holidays)
        documents(
            routes.grouped("calendars"), kind: .calendar, list: \.calendars, id: \.id.rawValue, save: admin.saveCalendar,
            delete: { try await admin.deleteCalendar(.init(rawValue: $0), by: $1) })
        documents(
            routes.grouped("sla-policies"), kind: .policy, list: \.policies, id: \.id.rawValue, save: admin.savePolicy,
            delete: { try await admin.deletePolicy(.init(rawValue: $0), by: $1) })
        routes.post("rules", "preview", use: preview)
        documents(
            routes.grouped("rules"), kind: .rule, list: \.rules, id: \.id.rawValue, save: admin.saveRule,
            delete: { try await admin.deleteRule(.init(rawValue: $0), by: $1) })
        documents(
            routes.grouped("macros"), kind: .macro, list: \.macros, id: \.id.rawValue, save: admin.saveMacro,
            delete: { try await admin.deleteMacro(.init(rawValue: $0), by: $1) })
        routes.post("tickets", ":ticketID", "macros", ":macroID", use: applyMacro)
        routes.get("departments", ":departmentID", "automation", use: departmentSettings)
        routes.put("departments", ":departmentID", "automation", use: saveDepartmentSettings)
        routes.get("notifications") { req -> Body<ListBody<NotificationDTO>> in
            Body(ListBody(data: try await admin.notifications(for: try req.agent).map(NotificationDTO.init)))
        }
        routes.post("notifications", "read") { req -> HTTPStatus in
            try await admin.markNotificationsRead(for: try req.agent)
            return .noContent
        }
        routes.get("agents", ":agentID", "availability", use: availability)
        routes.put("agents", ":agentID", "availability", use: setAvailability)
    }

    /// List, create, read, replace and delete one kind of document.
    private func documents<Document: Codable & Sendable>(
        _ routes: any RoutesBuilder, kind: AutomationDocumentKind, list: @escaping @Sendable (AutomationSettings) -> [Document],
        id: @escaping @Sendable (Document) -> UUID,
        save: @escaping @Sendable (Document, Agent) async throws -> Void,
        delete: @escaping @Sendable (UUID, Agent) async throws -> Void
    ) {
        let admin = self.admin
        routes.get { _ in Body(ListBody(data: list(try await admin.settings()))) }
        routes.post { req -> Response in
            let document: Document = try decodeDocument(req, id: UUID())
            try await save(document, try req.agent)
            let response = try await Body(document).encodeResponse(status: .created, for: req)
            response.headers.replaceOrAdd(name: .location, value: req.url.path + "/\(id(document))")
            return response
        }
        routes.get(":documentID") { req -> Body<Document> in
            let documentID = try documentID(req)
            guard let document = list(try await admin.settings()).first(where: { id($0) == documentID }) else {
                throw AutomationError.notFound(kind, documentID)
            }
            return Body(document)
        }
        routes.put(":documentID") { req -> Body<Document> in
            let document: Document = try decodeDocument(req, id: try documentID(req))
            try await save(document, try req.agent)
            return Body(document)
        }
        routes.delete(":documentID") { req -> HTTPStatus in
            try await delete(try documentID(req), try req.agent)
            return .noContent
        }
    }

    @Sendable func holidays(req: Request) async throws -> Body<ListBody<Holiday>> {
        var reader = QueryReader(req.query)
        let country = reader.text("country") ?? "BR"
        let year = reader.integer("year", in: 1900...2200)
            ?? Calendar(identifier: .gregorian).component(.year, from: services.clock.now)
        try reader.check()
        switch country.uppercased() {
        case "BR": return Body(ListBody(data: BusinessCalendar.holidaysBrazil(year: year)))
        case "PT": return Body(ListBody(data: BusinessCalendar.holidaysPortugal(year: year)))
        default: throw ValidationError(field: "country", "must be BR or PT")
        }
    }

    @Sendable func preview(req: Request) async throws -> Body<ListBody<TicketDTO>> {
        let rule: Rule = try decodeDocument(req, id: UUID())
        let tickets = try await admin.preview(rule, by: try req.agent)
        return Body(ListBody(data: tickets.map { TicketDTO($0, now: services.clock.now) }))
    }

    @Sendable func applyMacro(req: Request) async throws -> TicketDTO {
        let ticket = try await TicketsAPIController(services: services).ticket(for: req)
        let macroID = try req.id("macroID", as: Macro.ID.self)
        return TicketDTO(try await admin.applyMacro(macroID, to: ticket.id, by: try req.agent), now: services.clock.now)
    }

    @Sendable func departmentSettings(req: Request) async throws -> Body<DepartmentAutomation> {
        let id = try req.id("departmentID", as: Department.ID.self)
        guard try await services.directory.department(id) != nil else { throw DirectoryError.departmentNotFound(id) }
        return Body(try await admin.settings().department(id) ?? DepartmentAutomation(departmentID: id))
    }

    @Sendable func saveDepartmentSettings(req: Request) async throws -> Body<DepartmentAutomation> {
        let id = try req.id("departmentID", as: Department.ID.self)
        let body = try req.content.decode(DepartmentAutomationRequest.self)
        let setting = DepartmentAutomation(departmentID: id, calendarID: body.calendarId, assignment: body.assignment)
        try await admin.saveDepartment(setting, by: try req.agent)
        return Body(setting)
    }

    @Sendable func availability(req: Request) async throws -> AvailabilityRequest {
        let id = try req.id("agentID", as: Agent.ID.self)
        guard try await services.directory.agent(id) != nil else { throw DirectoryError.agentNotFound(id) }
        return AvailabilityRequest(availability: try await services.automation.availability(of: [id])[id] ?? .online)
    }

    @Sendable func setAvailability(req: Request) async throws -> HTTPStatus {
        let id = try req.id("agentID", as: Agent.ID.self)
        let body = try req.content.decode(AvailabilityRequest.self)
        try await admin.setAvailability(body.availability, of: id, by: try req.agent)
        return .noContent
    }
}

struct DepartmentAutomationRequest: Content {
    var calendarId: BusinessCalendar.ID?
    var assignment: AssignmentStrategy
}

/// An in-app notification as the API shows it.
struct NotificationDTO: Encodable, Sendable {
    let id: UUID
    let ticketId: UUID?
    let ticketNumber: Int?
    let title: String
    let body: String
    let createdAt: Date
    let readAt: Date?

    init(_ note: AgentNotification) {
        id = note.id.rawValue
        ticketId = note.ticketID?.rawValue
        ticketNumber = note.ticketNumber?.value
        title = note.title
        body = note.body
        createdAt = note.createdAt
        readAt = note.readAt
    }
}

struct AvailabilityRequest: Content {
    var availability: AgentAvailability
}

/// `{"data": [...]}`, as every list in the API.
struct ListBody<Item: Encodable & Sendable>: Encodable, Sendable {
    let data: [Item]
}

/// Any encodable domain value as a JSON response, with the app's date format.
struct Body<Value: Encodable & Sendable>: AsyncResponseEncodable {
    let value: Value
    init(_ value: Value) { self.value = value }

    func encodeResponse(for request: Request) async throws -> Response {
        try await encodeResponse(status: .ok, for: request)
    }

    func encodeResponse(status: HTTPResponseStatus, for request: Request) async throws -> Response {
        let response = Response(status: status)
        try response.content.encode(Wrapped(value: value), as: .json)
        return response
    }

    private struct Wrapped: Content, @unchecked Sendable {
        let value: Value
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
        init(value: Value) { self.value = value }
        init(from decoder: any Decoder) throws { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "write-only")) }
    }
}

/// The path's `documentID`, a UUID.
private func documentID(_ req: Request) throws -> UUID {
    let raw = try req.parameters.require("documentID")
    guard let id = UUID(uuidString: raw) else { throw Abort(.notFound, reason: "\(raw) is not a valid id") }
    return id
}

/// Decodes a domain document from the JSON body with `id` set from the path (or a new one), so clients never send
/// ids in bodies and a body's id can never disagree with its URL.
func decodeDocument<Document: Decodable>(_ req: Request, id: UUID) throws -> Document {
    guard let buffer = req.body.data,
        var object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]
    else { throw Abort(.badRequest, reason: "The body must be a JSON object.") }
    object["id"] = id.uuidString
    let data = try JSONSerialization.data(withJSONObject: object)
    return try JSONDecoder().decode(Document.self, from: data)
}
