import Foundation

/// Publishing notices (supervisors and admins) and choosing the ones a portal reader sees now.
public struct Announcements: Sendable {
    let store: any AnnouncementStore
    let directory: any DirectoryStore
    let clock: any Clock

    public init(store: any AnnouncementStore, directory: any DirectoryStore, clock: any Clock) {
        self.store = store
        self.directory = directory
        self.clock = clock
    }

    public func all() async throws -> [Announcement] { try await store.announcements() }

    public func save(_ announcement: Announcement, by agent: Agent) async throws {
        try HelpCenter.requireManager(agent)
        var collector = ValidationCollector()
        announcement.validate(into: &collector)
        if case .department(let id) = announcement.audience, try await directory.department(id) == nil {
            collector.add("audience.departmentId", "no department has this id")
        }
        try collector.check()
        try await store.save(announcement)
    }

    public func delete(_ id: Announcement.ID, by agent: Agent) async throws {
        try HelpCenter.requireManager(agent)
        guard try await store.delete(id) else { throw HelpCenterError.announcementNotFound(id) }
    }

    /// The notices running now for `reader`; `departments` are the ones the reader uses (for department notices).
    public func current(for reader: PortalReader, departments: [Department] = []) async throws -> [Announcement] {
        let now = clock.now
        return try await store.announcements().filter { announcement in
            if case .department(let id) = announcement.audience {
                return announcement.isShown(to: reader, at: now, department: departments.first { $0.id == id })
            }
            return announcement.isShown(to: reader, at: now)
        }
    }
}
