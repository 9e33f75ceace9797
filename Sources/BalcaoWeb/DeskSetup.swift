import BalcaoCore
import BalcaoStore
import Foundation
import Vapor

/// What the CLI's set-up commands do, as functions the tests call directly.
public enum DeskSetup {
    /// Credentials to show once: they are stored only hashed.
    public struct AdminCredentials: Sendable {
        public let agent: Agent
        public let password: String
        public let apiToken: String
    }

    /// Creates an admin (of all departments that exist) with a password and an API token.
    /// A nil password generates a random one.
    public static func createAdmin(
        name: String, email: String, password: String?, app: Application, services: BalcaoServices
    ) async throws -> AdminCredentials {
        let secret = password ?? randomPassword()
        try PasswordPolicy.check(secret)
        var fields = AgentFields()
        fields.name = name
        fields.email = email
        fields.role = .admin
        let everything = DirectoryQuery.everything
        fields.departmentIDs = try await services.directory.departments(everything).map(\.id)
        let agent = try await services.people.createAgent(fields, by: nil)
        let hash = try await app.threadPool.runIfActive { try Bcrypt.hash(secret) }
        try await services.credentials.setPasswordHash(hash, for: agent.id)
        let token = try await services.credentials.createToken(for: agent.id, name: "created at setup", at: services.clock.now)
        return AdminCredentials(agent: agent, password: secret, apiToken: token)
    }

    /// A new API token for the agent with `email`.
    public static func createToken(email: String, name: String, services: BalcaoServices) async throws -> String {
        guard let address = EmailAddress(email), let agent = try await services.directory.agent(email: address),
            agent.isActive
        else { throw ValidationError(field: "email", "no active agent has this email") }
        return try await services.credentials.createToken(for: agent.id, name: name, at: services.clock.now)
    }

    /// Seeds the demo desk, unless the desk already has agents (demo data never mixes with real data).
    /// Returns nil when it did nothing.
    public static func seedDemo(services: BalcaoServices) async throws -> DemoSeeder.Summary? {
        guard try await !services.credentials.hasAgents() else { return nil }
        let seeder = DemoSeeder(directory: services.directory, tickets: services.ticketStore, blobs: services.blobs)
        let summary = try await seeder.seed(now: services.clock.now)
        // The seeder writes eight weeks of tickets straight to the store: count them as demand history.
        try await services.demandStore.recountArrivals()
        try await addDemoMailboxes(services: services)
        try await addDemoAutomation(services: services)
        try await addDemoPortal(services: services, agents: summary.agents)
        return summary
    }

    /// Demo portal users: one customer and one employee who can sign in with a password, for trying the portal.
    public struct DemoPortalLogins: Sendable {
        public let customer: (email: String, password: String)
        public let employee: (email: String, password: String)
    }

    /// The help section, the portal's settings (Acme's own domain makes employees) and a running announcement.
    static func addDemoPortal(services: BalcaoServices, agents: [Agent]) async throws {
        guard let manager = agents.first(where: { $0.role >= .supervisor && $0.isActive }) else { return }
        // Chat on Customer Support, from the desk's own pages (admins add their shop's site on the Chat page).
        if let support = try await services.directory.departments(.everything).first(where: { $0.name == "Customer Support" }) {
            try await services.chatStore.save(
                ChatWidget(
                    departmentID: support.id,
                    greeting: LocalizedText([
                        .portugueseBrazil: "Olá! Em que podemos ajudar?", .portuguesePortugal: "Olá! Em que podemos ajudar?",
                        .english: "Hi! How can we help?",
                    ]),
                    prechat: ChatPrechatForm(customFieldKeys: ["order_number"])))
        }
        try await DemoSeeder.seedHelpCenter(services.helpCenter, by: manager)
        try await services.portalStore.save(
            PortalSettings(deskName: "Acme — Central de ajuda", employeeDomains: ["acme.example"]))
        let now = services.clock.now
        try await services.announcements.save(
            Announcement(
                title: LocalizedText([
                    .portugueseBrazil: "Manutenção programada no sábado", .portuguesePortugal: "Manutenção programada no sábado",
                    .english: "Scheduled maintenance on Saturday",
                ]),
                body: LocalizedText([
                    .portugueseBrazil: "O sistema de pedidos ficará fora do ar das **8h às 10h**.",
                    .portuguesePortugal: "O sistema de encomendas estará indisponível das **8h às 10h**.",
                    .english: "The ordering system will be down from **8 to 10 am**.",
                ]),
                audience: .everyone, startsAt: now, endsAt: now.addingTimeInterval(14 * 86400), createdAt: now),
            by: manager)
    }

    /// Gives the demo's first customer and first employee a portal password (shown once by the CLI).
    public static func demoPortalLogins(services: BalcaoServices) async throws -> DemoPortalLogins? {
        var customers = DirectoryQuery(), employees = DirectoryQuery()
        customers.contactKind = .customer
        employees.contactKind = .employee
        guard let customer = try await services.directory.contacts(customers).first,
            let employee = try await services.directory.contacts(employees).first,
            let customerEmail = customer.primaryEmail, let employeeEmail = employee.primaryEmail
        else { return nil }
        let (customerPassword, employeePassword) = (randomPassword(), randomPassword())
        try await services.portalAccounts.setPassword(hash: try Bcrypt.hash(customerPassword), of: customer.id)
        try await services.portalAccounts.setPassword(hash: try Bcrypt.hash(employeePassword), of: employee.id)
        return DemoPortalLogins(
            customer: (customerEmail.value, customerPassword), employee: (employeeEmail.value, employeePassword))
    }

    /// One receiving address per demo desk, so `balcao ingest-email --to suporte@balcao.example` and the inbound
    /// API route mail to the right department out of the box (no IMAP: there is no real mailbox behind them).
    static func addDemoMailboxes(services: BalcaoServices) async throws {
        let addresses = [
            "Customer Support": ("suporte@balcao.example", "Suporte Balcão"),
            "IT": ("ti@balcao.example", "TI Balcão"), "HR": ("rh@balcao.example", "RH Balcão"),
            "Finance": ("financeiro@balcao.example", "Financeiro Balcão"),
            "Facilities": ("facilities@balcao.example", "Facilities Balcão"),
        ]
        for department in try await services.directory.departments(.everything) {
            guard let (address, name) = addresses[department.name], let email = EmailAddress(address) else { continue }
            try await services.mailStore.save(
                Mailbox(address: email, displayName: name, departmentID: department.id, createdAt: services.clock.now))
        }
    }

    /// The demo's calendars, SLA policies, rules and macros. The seeded tickets get their SLA timers and their
    /// past breaches recorded before the rules are saved, so starting the demo does not send a mail for every
    /// ticket that was already late.
    static func addDemoAutomation(services: BalcaoServices) async throws {
        let departments = try await services.directory.departments(.everything)
        let year = Calendar(identifier: .gregorian).component(.year, from: services.clock.now)
        let documents = DemoAutomation.documents(departments: departments, year: year)
        func isRuleOrMacro(_ document: AutomationDocument) -> Bool {
            switch document {
            case .rule, .macro: true
            default: false
            }
        }
        for document in documents where !isRuleOrMacro(document) { try await services.automation.save(document) }
        var query = TicketQuery()
        query.statuses = TicketStatus.allCases.filter(\.isUnsolved)
        query.sort = .number
        query.descending = false
        query.limit = TicketQuery.maxLimit
        let service = services.tickets.acting(as: .automation)
        while true {
            let page = try await services.ticketStore.tickets(query)
            for ticket in page.tickets { try await service.reapplySLA(ticket.id) }
            guard let next = page.next else { break }
            query.after = next
        }
        _ = try await services.automationRunner.tick()
        for document in documents where isRuleOrMacro(document) { try await services.automation.save(document) }
    }

    /// 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 115 bits.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
