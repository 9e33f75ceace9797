import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Announcement mail")
struct AnnouncementMailTests {
    /// Records each announcement mail instead of sending it.
    actor RecordingAnnouncementMailer: AnnouncementMailer {
        struct Sent: Sendable, Hashable {
            let title: String
            let body: String
            let portalURL: String
            let recipient: String
            let language: SupportedLanguage
        }

        private(set) var sent: [Sent] = []

        func sendAnnouncement(
            title: String, body: String, portalURL: String, to recipient: MailAddress, language: SupportedLanguage
        ) async throws -> Bool {
            sent.append(
                Sent(title: title, body: body, portalURL: portalURL, recipient: recipient.address, language: language))
            return true
        }
    }

    static let portalURL = "https://desk.example/portal"

    /// A notice written in Brazilian Portuguese and English (no European Portuguese variant).
    static func maintenance(_ audience: Announcement.Audience, at now: Date) -> Announcement {
        Announcement(
            title: LocalizedText([.portugueseBrazil: "Manutenção programada", .english: "Scheduled maintenance"]),
            body: LocalizedText([
                .portugueseBrazil: "O portal ficará fora do ar no sábado.",
                .english: "The portal will be down on Saturday.",
            ]),
            audience: audience, startsAt: now, createdAt: now)
    }

    /// Adds a contact straight to the directory; no address when `email` is nil.
    static func contact(
        _ name: String, _ kind: Contact.Kind, email: String?, language: String? = nil, on desk: TestDesk
    ) async throws -> Contact {
        let contact = Contact(
            kind: kind, name: name, emails: email.map { [EmailAddress($0)!] } ?? [], languageTag: language,
            createdAt: desk.clock.now)
        try await desk.directory.insert(contact)
        return contact
    }

    @Test("A customers' notice is mailed once to each customer with an address, in their language",
        arguments: TestDatabase.available)
    func mailsCustomersInTheirLanguage(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let announcements = Announcements(
                store: FluentAnnouncementStore(context: desk.context), directory: desk.directory, clock: desk.clock)
            let mailer = RecordingAnnouncementMailer()
            _ = try await Self.contact("Carla Cliente", .customer, email: "carla@cliente.example", on: desk)
            _ = try await Self.contact(
                "John Customer", .customer, email: "john@client.example", language: "en", on: desk)
            _ = try await Self.contact(
                "Joana Lisboa", .customer, email: "joana@cliente.pt", language: "pt-PT", on: desk)
            _ = try await Self.contact("Sem Endereço", .customer, email: nil, on: desk)
            _ = try await Self.contact("Eduardo Funcionário", .employee, email: "eduardo@empresa.com.br", on: desk)
            let notice = Self.maintenance(.customers, at: desk.clock.now)
            try await announcements.save(notice, by: admin)

            let brazilian = (title: "Manutenção programada", body: "O portal ficará fora do ar no sábado.")
            let expected: Set<RecordingAnnouncementMailer.Sent> = [
                .init(
                    title: brazilian.title, body: brazilian.body, portalURL: Self.portalURL,
                    recipient: "carla@cliente.example", language: .portugueseBrazil),
                .init(
                    title: "Scheduled maintenance", body: "The portal will be down on Saturday.",
                    portalURL: Self.portalURL, recipient: "john@client.example", language: .english),
                // No pt-PT variant: the Brazilian text, in a mail for a pt-PT reader.
                .init(
                    title: brazilian.title, body: brazilian.body, portalURL: Self.portalURL,
                    recipient: "joana@cliente.pt", language: .portuguesePortugal),
            ]

            let count = try await announcements.email(
                notice.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: mailer, by: admin)
            let sent = await mailer.sent
            let stored = try await announcements.all().first { $0.id == notice.id }

            #expect(count == 3)
            #expect(sent.count == 3)
            #expect(Set(sent) == expected)
            #expect(stored?.emailedAt == desk.clock.now)
        }
    }

    @Test("Mailing a notice a second time mails nothing", arguments: TestDatabase.available)
    func mailsOnlyOnce(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let announcements = Announcements(
                store: FluentAnnouncementStore(context: desk.context), directory: desk.directory, clock: desk.clock)
            let mailer = RecordingAnnouncementMailer()
            _ = try await Self.contact("Carla Cliente", .customer, email: "carla@cliente.example", on: desk)
            let notice = Self.maintenance(.everyone, at: desk.clock.now)
            try await announcements.save(notice, by: admin)

            let first = try await announcements.email(
                notice.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: mailer, by: admin)
            desk.clock.advance(by: 60)
            let second = try await announcements.email(
                notice.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: mailer, by: admin)
            let sent = await mailer.sent

            #expect(first == 1)
            #expect(second == 0)
            #expect(sent.map(\.recipient) == ["carla@cliente.example"])
        }
    }

    @Test("An internal department's notice reaches employees only; everyone's reaches both kinds",
        arguments: TestDatabase.available)
    func audienceKinds(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let announcements = Announcements(
                store: FluentAnnouncementStore(context: desk.context), directory: desk.directory, clock: desk.clock)
            _ = try await Self.contact("Carla Cliente", .customer, email: "carla@cliente.example", on: desk)
            _ = try await Self.contact("Eduardo Funcionário", .employee, email: "eduardo@empresa.com.br", on: desk)
            let forIT = Self.maintenance(.department(it.id), at: desk.clock.now)
            let forEveryone = Self.maintenance(.everyone, at: desk.clock.now)
            try await announcements.save(forIT, by: admin)
            try await announcements.save(forEveryone, by: admin)
            let itMailer = RecordingAnnouncementMailer()
            let everyoneMailer = RecordingAnnouncementMailer()

            _ = try await announcements.email(
                forIT.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: itMailer, by: admin)
            _ = try await announcements.email(
                forEveryone.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: everyoneMailer,
                by: admin)
            let toIT = await itMailer.sent
            let toEveryone = await everyoneMailer.sent

            #expect(toIT.map(\.recipient) == ["eduardo@empresa.com.br"])
            #expect(Set(toEveryone.map(\.recipient)) == ["carla@cliente.example", "eduardo@empresa.com.br"])
        }
    }

    @Test("An agent who is not a supervisor or admin cannot mail a notice, and the attempt does not use it up",
        arguments: TestDatabase.available)
    func agentsCannotMail(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let agent = try await desk.makeAgent(departments: [])
            let announcements = Announcements(
                store: FluentAnnouncementStore(context: desk.context), directory: desk.directory, clock: desk.clock)
            let mailer = RecordingAnnouncementMailer()
            _ = try await Self.contact("Carla Cliente", .customer, email: "carla@cliente.example", on: desk)
            let notice = Self.maintenance(.customers, at: desk.clock.now)
            try await announcements.save(notice, by: admin)

            await #expect(throws: HelpCenterError.forbidden("only supervisors and admins arrange the help section")) {
                try await announcements.email(
                    notice.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: mailer, by: agent)
            }
            let afterRefusal = await mailer.sent
            let byAdmin = try await announcements.email(
                notice.id, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil, via: mailer, by: admin)

            #expect(afterRefusal.isEmpty)
            #expect(byAdmin == 1)
        }
    }

    @Test("Mailing an announcement that does not exist is announcementNotFound", arguments: TestDatabase.available)
    func unknownAnnouncement(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let announcements = Announcements(
                store: FluentAnnouncementStore(context: desk.context), directory: desk.directory, clock: desk.clock)
            let missing = Announcement.ID()

            await #expect(throws: HelpCenterError.announcementNotFound(missing)) {
                try await announcements.email(
                    missing, portalURL: Self.portalURL, defaultLanguage: .portugueseBrazil,
                    via: RecordingAnnouncementMailer(), by: admin)
            }
        }
    }
}
