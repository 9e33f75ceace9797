import BalcaoCore
import Vapor

/// `/api/v1/announcements`: notices for portal users. Agents read them; supervisors and admins publish and take
/// them down (checked in `Announcements`).
struct AnnouncementsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let announcements = routes.grouped("announcements")
        announcements.get(use: list)
        announcements.put(":announcementID", use: save)
        announcements.delete(":announcementID", use: delete)
    }

    @Sendable func list(req: Request) async throws -> ListDTO<AnnouncementDTO> {
        let now = services.clock.now
        return ListDTO(data: try await services.announcements.all().map { AnnouncementDTO($0, now: now) })
    }

    @Sendable func save(req: Request) async throws -> AnnouncementDTO {
        let id = try req.id("announcementID", as: Announcement.ID.self)
        let announcement = try req.content.decode(AnnouncementRequest.self).announcement(id: id, createdAt: services.clock.now)
        try await services.announcements.save(announcement, by: try req.agent)
        return AnnouncementDTO(announcement, now: services.clock.now)
    }

    @Sendable func delete(req: Request) async throws -> HTTPStatus {
        try await services.announcements.delete(try req.id("announcementID", as: Announcement.ID.self), by: try req.agent)
        return .noContent
    }
}

struct AnnouncementDTO: Content {
    let id: UUID
    let title: LocalizedTextDTO
    let body: LocalizedTextDTO
    /// everyone, customers, employees or department (with `departmentId`).
    let audience: String
    let departmentId: UUID?
    let startsAt: Date
    let endsAt: Date?
    let createdAt: Date
    /// Whether it shows now.
    let running: Bool

    init(_ announcement: Announcement, now: Date) {
        id = announcement.id.rawValue
        title = LocalizedTextDTO(announcement.title)
        body = LocalizedTextDTO(announcement.body)
        switch announcement.audience {
        case .everyone: (audience, departmentId) = ("everyone", nil)
        case .customers: (audience, departmentId) = ("customers", nil)
        case .employees: (audience, departmentId) = ("employees", nil)
        case .department(let id): (audience, departmentId) = ("department", id.rawValue)
        }
        startsAt = announcement.startsAt
        endsAt = announcement.endsAt
        createdAt = announcement.createdAt
        running = announcement.isRunning(at: now)
    }
}

struct AnnouncementRequest: Content {
    var title: LocalizedTextDTO?
    var body: LocalizedTextDTO?
    var audience: String?
    var departmentId: UUID?
    var startsAt: Date?
    var endsAt: Date?

    /// `startsAt` defaults to now (publish at once).
    func announcement(id: Announcement.ID, createdAt: Date) throws -> Announcement {
        var collector = ValidationCollector()
        let title = title?.text(field: "title", into: &collector) ?? LocalizedText()
        let body = body?.text(field: "body", into: &collector) ?? LocalizedText()
        let audience: Announcement.Audience?
        switch self.audience ?? "everyone" {
        case "everyone": audience = .everyone
        case "customers": audience = .customers
        case "employees": audience = .employees
        case "department":
            if departmentId == nil { collector.add("departmentId", "is required for a department's announcement") }
            audience = departmentId.map { .department(.init(rawValue: $0)) }
        default:
            collector.add("audience", "must be everyone, customers, employees or department")
            audience = nil
        }
        try collector.check()
        return Announcement(
            id: id, title: title, body: body, audience: audience!, startsAt: startsAt ?? createdAt, endsAt: endsAt,
            createdAt: createdAt)
    }
}
