import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Portal accounts")
struct PortalAccountsTests {
    /// Records the links the portal mails instead of sending them.
    actor RecordingPortalMailer: PortalMailer {
        struct Sent: Sendable, Hashable {
            let purpose: PortalLink.Purpose
            let url: String
            let recipient: String
            let language: SupportedLanguage

            /// The link's secret: the last path component of `…/link/<secret>`.
            var secret: String { url.components(separatedBy: "/").last ?? "" }
        }

        private(set) var sent: [Sent] = []

        func sendLink(
            _ purpose: PortalLink.Purpose, url: String, to recipient: MailAddress, language: SupportedLanguage
        ) async throws {
            sent.append(Sent(purpose: purpose, url: url, recipient: recipient.address, language: language))
        }
    }

    static let portalURL = "https://desk.example/portal"

    /// Portal accounts over the real stores of a test desk, mailing into a recorder.
    struct Fixture {
        let desk: TestDesk
        let store: FluentPortalStore
        let mailer = RecordingPortalMailer()
        let accounts: PortalAccounts

        init(_ desk: TestDesk) {
            self.desk = desk
            store = FluentPortalStore(context: desk.context)
            accounts = PortalAccounts(
                store: store, settings: store, directory: desk.directory, mailer: mailer, clock: desk.clock,
                portalURL: PortalAccountsTests.portalURL)
        }

        /// The one link mailed so far.
        func onlyLink() async throws -> RecordingPortalMailer.Sent {
            let sent = await mailer.sent
            try #require(sent.count == 1)
            return sent[0]
        }
    }

    static func email(_ text: String) -> EmailAddress { EmailAddress(text)! }

    // MARK: Sign-up

    @Test("Signing up mails a link and creates nothing; opening it creates the customer, without a password yet",
        arguments: TestDatabase.available)
    func signUpCreatesCustomerOnRedeem(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            let address = Self.email("diana@cliente.example")

            try await fixture.accounts.signUp(
                name: "  Diana Dias ", email: address, language: .english)
            let link = try await fixture.onlyLink()
            let beforeRedeem = try await desk.directory.contact(email: address)
            let contact = try await fixture.accounts.redeem(secret: link.secret)
            let stored = try await desk.directory.contact(email: address)
            let credentials = try await fixture.accounts.credentials(email: address)

            #expect(link.purpose == .signUp)
            #expect(link.url.hasPrefix("\(Self.portalURL)/link/"))
            #expect(link.recipient == "diana@cliente.example")
            #expect(link.language == .english)
            #expect(beforeRedeem == nil)
            #expect(contact.kind == .customer)
            #expect(contact.name == "Diana Dias")
            #expect(contact.emails == [address])
            #expect(contact.languageTag == "en")
            #expect(stored?.id == contact.id)
            // No password travels with the link: the new user sets one once signed in.
            #expect(credentials == nil)
            try await fixture.accounts.setPassword(hash: "hash-diana", of: contact.id)
            let withPassword = try await fixture.accounts.credentials(email: address)
            #expect(withPassword?.contact.id == contact.id)
            #expect(withPassword?.passwordHash == "hash-diana")
        }
    }

    @Test("Signing up under an employee domain makes an employee, in the organization that owns the domain",
        arguments: TestDatabase.available)
    func signUpUnderEmployeeDomain(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            let company = Organization(name: "Empresa", domains: ["empresa.com.br"], createdAt: desk.clock.now)
            try await desk.directory.insert(company)
            try await fixture.store.save(PortalSettings(employeeDomains: ["empresa.com.br"]))

            try await fixture.accounts.signUp(
                name: "Eduardo Esteves", email: Self.email("eduardo@empresa.com.br"),
                language: .portugueseBrazil)
            let contact = try await fixture.accounts.redeem(secret: try await fixture.onlyLink().secret)

            #expect(contact.kind == .employee)
            #expect(contact.organizationID == company.id)
        }
    }

    @Test("A sign-up link works once", arguments: TestDatabase.available)
    func linkWorksOnce(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            try await fixture.accounts.signUp(
                name: "Diana Dias", email: Self.email("diana@cliente.example"),
                language: .portugueseBrazil)
            let secret = try await fixture.onlyLink().secret

            _ = try await fixture.accounts.redeem(secret: secret)

            await #expect(throws: PortalError.linkInvalid) {
                try await fixture.accounts.redeem(secret: secret)
            }
        }
    }

    @Test("A link opened after its lifetime is refused and creates nothing", arguments: TestDatabase.available)
    func expiredLinkIsRefused(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            let address = Self.email("diana@cliente.example")
            try await fixture.accounts.signUp(
                name: "Diana Dias", email: address, language: .portugueseBrazil)
            let secret = try await fixture.onlyLink().secret

            desk.clock.advance(by: PortalAccounts.linkLifetime + 1)

            await #expect(throws: PortalError.linkInvalid) {
                try await fixture.accounts.redeem(secret: secret)
            }
            let contact = try await desk.directory.contact(email: address)
            #expect(contact == nil)
        }
    }

    @Test("A made-up secret is an invalid link", arguments: TestDatabase.available)
    func unknownSecretIsInvalid(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)

            await #expect(throws: PortalError.linkInvalid) {
                try await fixture.accounts.redeem(secret: String(repeating: "ab", count: 32))
            }
            await #expect(throws: PortalError.linkInvalid) {
                try await fixture.accounts.redeem(secret: "not-a-secret")
            }
        }
    }

    @Test("Sign-up is refused, and nothing mailed, when the desk has closed it", arguments: TestDatabase.available)
    func signUpClosed(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            try await fixture.store.save(PortalSettings(signUp: .closed))

            await #expect(throws: PortalError.signUpClosed) {
                try await fixture.accounts.signUp(
                    name: "Diana Dias", email: Self.email("diana@cliente.example"),
                    language: .portugueseBrazil)
            }
            let sent = await fixture.mailer.sent
            #expect(sent.isEmpty)
        }
    }

    @Test("Signing up with a known address signs that contact in, keeps their password, makes no duplicate",
        arguments: TestDatabase.available)
    func signUpWithKnownAddress(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            let existing = try await desk.makeContact("Carla Cliente", email: "carla@cliente.example")
            let address = Self.email("carla@cliente.example")
            try await fixture.accounts.setPassword(hash: "carla-own-hash", of: existing.id)

            try await fixture.accounts.signUp(
                name: "Carla C.", email: address, language: .portugueseBrazil)
            let contact = try await fixture.accounts.redeem(secret: try await fixture.onlyLink().secret)
            let everyone = try await desk.directory.contacts(.everything)
            let credentials = try await fixture.accounts.credentials(email: address)

            #expect(contact.id == existing.id)
            #expect(contact.name == "Carla Cliente")
            #expect(everyone.map(\.id) == [existing.id])
            // Signing up with someone's address only mails them a sign-in: their password is untouched.
            #expect(credentials?.passwordHash == "carla-own-hash")
        }
    }

    // MARK: Sign-in links

    @Test("A known contact gets a sign-in link, in their own language, that signs them in",
        arguments: TestDatabase.available)
    func signInLinkForKnownContact(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)
            let address = Self.email("joana@cliente.example")
            let joana = Contact(
                name: "Joana Lisboa", emails: [address], languageTag: "pt-PT", createdAt: desk.clock.now)
            try await desk.directory.insert(joana)

            try await fixture.accounts.requestSignInLink(email: address, language: .english)
            let link = try await fixture.onlyLink()
            let signedIn = try await fixture.accounts.redeem(secret: link.secret)

            #expect(link.purpose == .signIn)
            #expect(link.recipient == "joana@cliente.example")
            #expect(link.language == .portuguesePortugal)
            #expect(signedIn.id == joana.id)
        }
    }

    @Test("Asking a sign-in link for an unknown address mails nothing and does not fail",
        arguments: TestDatabase.available)
    func signInLinkForUnknownAddress(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let fixture = Fixture(desk)

            try await fixture.accounts.requestSignInLink(
                email: Self.email("ninguem@cliente.example"), language: .portugueseBrazil)

            let sent = await fixture.mailer.sent
            #expect(sent.isEmpty)
        }
    }

    // MARK: Settings

    @Test("Saved portal settings are read back as saved", arguments: TestDatabase.available)
    func settingsRoundTrip(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let store = FluentPortalStore(context: desk.context)
            let settings = PortalSettings(
                deskName: "Central de Ajuda", logoSHA256: String(repeating: "a", count: 64),
                logoContentType: "image/png",
                primaryColor: "#112233", accentColor: "#445566", signUp: .closed,
                employeeDomains: ["empresa.com.br", "filial.empresa.com.br"], showsOrganizationRequests: true,
                reopenWindowDays: 14)

            let beforeSaving = try await FluentPortalStore(context: desk.context, cacheFor: 0).portalSettings()
            try await store.save(settings)
            let fromAnotherStore = try await FluentPortalStore(context: desk.context, cacheFor: 0).portalSettings()
            let fromSameStore = try await store.portalSettings()

            #expect(beforeSaving == PortalSettings())
            #expect(fromAnotherStore == settings)
            #expect(fromSameStore == settings)
        }
    }

    // MARK: Sessions

    @Test("Portal sessions: found by their secret with owner and CSRF token, ended one by one or all of a contact",
        arguments: TestDatabase.available)
    func portalSessions(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let sessions = SessionStore<Contact>(context: desk.context)
            let carla = try await desk.makeContact("Carla Cliente")
            let diana = try await desk.makeContact("Diana Dias")
            let now = desk.clock.now
            let carlaLaptop = try await sessions.start(for: carla.id, at: now)
            let carlaPhone = try await sessions.start(for: carla.id, at: now)
            let dianaLaptop = try await sessions.start(for: diana.id, at: now)

            let found = try await sessions.session(forSecret: carlaLaptop.secret, at: now)
            #expect(found?.ownerID == carla.id)
            #expect(found?.csrfToken == carlaLaptop.session.csrfToken)
            #expect(carlaLaptop.session.csrfToken != carlaPhone.session.csrfToken)

            try await sessions.end(secret: carlaLaptop.secret)
            let endedLaptop = try await sessions.session(forSecret: carlaLaptop.secret, at: now)
            let stillPhone = try await sessions.session(forSecret: carlaPhone.secret, at: now)
            #expect(endedLaptop == nil)
            #expect(stillPhone?.ownerID == carla.id)

            _ = try await sessions.start(for: carla.id, at: now)
            try await sessions.endAll(of: carla.id)
            let carlaAfterEndAll = try await sessions.session(forSecret: carlaPhone.secret, at: now)
            let dianaAfterEndAll = try await sessions.session(forSecret: dianaLaptop.secret, at: now)
            #expect(carlaAfterEndAll == nil)
            #expect(dianaAfterEndAll == dianaLaptop.session)

            let idle = try await sessions.session(
                forSecret: dianaLaptop.secret, at: now.addingTimeInterval(sessions.idleTimeout + 1))
            #expect(idle == nil)
        }
    }
}
