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

    /// Mails a notice to its audience — the contacts of that kind, each in their language — once. Returns how many
    /// mails were queued (addresses that bounced or are unmailable are skipped by the mailer).
    ///
    /// The notice is stamped as mailed first, so two clicks never mail it twice; mail goes to the outbox (a local
    /// write), so a failure part-way is a database failure — it is reported, and the notice stays stamped rather
    /// than risk mailing the first part of the audience twice.
    public func email(
        _ id: Announcement.ID, portalURL: String, defaultLanguage: SupportedLanguage, via mailer: any AnnouncementMailer,
        by agent: Agent
    ) async throws -> Int {
        try HelpCenter.requireManager(agent)
        guard let announcement = try await store.announcements().first(where: { $0.id == id }) else {
            throw HelpCenterError.announcementNotFound(id)
        }
        guard try await store.markEmailed(id, at: clock.now) else { return 0 }
        var query = DirectoryQuery.everything
        query.contactKind = try await contactKind(of: announcement.audience)
        var sent = 0
        while true {
            let page = try await directory.contacts(query)
            for contact in page {
                guard let email = contact.primaryEmail else { continue }
                let language = contact.languageTag.flatMap(SupportedLanguage.init(matching:)) ?? defaultLanguage
                guard let title = announcement.title.best(for: language), let body = announcement.body.best(for: language)
                else { continue }
                if try await mailer.sendAnnouncement(
                    title: title.text, body: body.text, portalURL: portalURL,
                    to: MailAddress(name: contact.name, address: email.value), language: language)
                {
                    sent += 1
                }
            }
            if page.count < query.limit { return sent }
            query.offset += page.count
        }
    }

    /// Who a notice reaches by mail: nil is every contact.
    private func contactKind(of audience: Announcement.Audience) async throws -> Contact.Kind? {
        switch audience {
        case .everyone: return nil
        case .customers: return .customer
        case .employees: return .employee
        case .department(let id):
            guard let department = try await directory.department(id) else {
                throw ValidationError(field: "audience", "the department no longer exists")
            }
            return department.kind == .internal ? .employee : .customer
        }
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
