import Foundation

/// A notice admins publish to keep users informed ("A VPN estará em manutenção sábado"): a banner in the portal for
/// its audience while it runs, and optionally mailed to that audience once.
public struct Announcement: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Announcement>

    public enum Audience: Sendable, Hashable, Codable {
        case everyone
        case customers
        case employees
        /// Users of one department: employees for an internal desk, customers for an external one.
        case department(Department.ID)
    }

    public let id: ID
    public var title: LocalizedText
    public var body: LocalizedText
    public var audience: Audience
    public var startsAt: Date
    /// Nil runs until it is taken down.
    public var endsAt: Date?
    public let createdAt: Date
    /// When it was mailed to its audience; a notice is mailed at most once.
    public var emailedAt: Date?

    public init(
        id: ID = ID(), title: LocalizedText, body: LocalizedText, audience: Audience, startsAt: Date, endsAt: Date? = nil,
        createdAt: Date, emailedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.audience = audience
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdAt = createdAt
        self.emailedAt = emailedAt
    }

    /// Whether the banner shows to `reader` at `date`. Agents see every running notice; a department's notice
    /// reaches the users of that kind of desk (`department` is the notice's department, when it has one).
    public func isShown(to reader: PortalReader, at date: Date, department: Department? = nil) -> Bool {
        guard isRunning(at: date) else { return false }
        switch (audience, reader) {
        case (_, .agent), (.everyone, _): return true
        case (.customers, .contact(.customer)), (.employees, .contact(.employee)): return true
        case (.department(let id), .contact(let kind)):
            guard let department, department.id == id else { return false }
            return (department.kind == .internal) == (kind == .employee)
        default: return false
        }
    }

    /// Whether `date` falls in its window: from `startsAt`, until `endsAt` when it has one.
    public func isRunning(at date: Date) -> Bool {
        startsAt <= date && (endsAt.map { date < $0 } ?? true)
    }

    /// Checks what an admin wrote: a title and body in some language, a window that ends after it starts.
    public func validate(into collector: inout ValidationCollector) {
        if title.isEmpty { collector.add("title", "write a title in at least one language") }
        if body.isEmpty { collector.add("body", "write the notice in at least one language") }
        for (language, text) in title.values where text.count > 200 {
            collector.add("title.\(language.rawValue)", "at most 200 characters")
        }
        if let endsAt, endsAt <= startsAt { collector.add("endsAt", "must be after startsAt") }
    }
}
