import Foundation
import Testing

@testable import BalcaoCore

@Suite("SupportedLanguage(matching:)")
struct SupportedLanguageTests {
    @Test(
        "Loose language tags match the languages Balcão speaks",
        arguments: [
            ("pt-BR", SupportedLanguage.portugueseBrazil),
            ("pt_br", .portugueseBrazil),
            ("PT-br", .portugueseBrazil),
            ("pt", .portugueseBrazil),
            ("pt-PT", .portuguesePortugal),
            ("pt_pt", .portuguesePortugal),
            ("en", .english),
            ("en-US", .english),
            ("EN_gb", .english),
        ])
    func matches(tag: String, expected: SupportedLanguage) {
        #expect(SupportedLanguage(matching: tag) == expected)
    }

    @Test("Other languages are not matched", arguments: ["fr", "fr-PT", "es-BR", "", "-", "português", "ptbr"])
    func unsupported(tag: String) {
        #expect(SupportedLanguage(matching: tag) == nil)
    }

    @Test("A loose tag is stored in its canonical form")
    func canonical() {
        #expect(PersonSettings.canonical("pt_br") == "pt-BR")
        #expect(PersonSettings.canonical("EN-us") == "en")
        #expect(PersonSettings.canonical("fr") == nil)
        #expect(PersonSettings.canonical(nil) == nil)
    }

    @Test("An unsupported language and an unknown time zone are both reported")
    func validatesSettings() {
        var collector = ValidationCollector()

        PersonSettings.validate(languageTag: "fr", timeZone: "Mars/Olympus_Mons", into: &collector)

        #expect(
            collector.issues == [
                FieldIssue("language", "must be one of pt-BR, pt-PT, en"),
                FieldIssue("timeZone", "must be an IANA time zone such as America/Sao_Paulo"),
            ])
    }

    @Test("Supported settings, or none, pass", arguments: [("pt_BR", "UTC"), (nil, nil)] as [(String?, String?)])
    func acceptsSettings(languageTag: String?, timeZone: String?) {
        var collector = ValidationCollector()

        PersonSettings.validate(languageTag: languageTag, timeZone: timeZone, into: &collector)

        #expect(collector.issues.isEmpty)
    }
}

@Suite("Agent")
struct AgentTests {
    static func agent(_ role: Agent.Role, in departments: [Department.ID]) -> Agent {
        Agent(
            id: Samples.agentID, name: "Rita Lopes", email: EmailAddress("rita@balcao.example")!, role: role,
            departmentIDs: departments, createdAt: Samples.opened)
    }

    @Test(
        "Only admins work outside their own departments",
        arguments: [
            (Agent.Role.agent, [Samples.itDepartmentID], Samples.itDepartmentID, true),
            (.agent, [Samples.itDepartmentID], Samples.hrDepartmentID, false),
            (.agent, [], Samples.itDepartmentID, false),
            (.supervisor, [Samples.itDepartmentID, Samples.hrDepartmentID], Samples.hrDepartmentID, true),
            (.supervisor, [Samples.itDepartmentID], Samples.hrDepartmentID, false),
            (.admin, [], Samples.hrDepartmentID, true),
            (.admin, [Samples.itDepartmentID], Samples.hrDepartmentID, true),
        ] as [(Agent.Role, [Department.ID], Department.ID, Bool)])
    func canWork(role: Agent.Role, departments: [Department.ID], target: Department.ID, expected: Bool) {
        let agent = Self.agent(role, in: departments)

        #expect(agent.canWork(in: target) == expected)
    }

    @Test("Anyone may work a ticket that has no department", arguments: Agent.Role.allCases)
    func noDepartment(role: Agent.Role) {
        let agent = Self.agent(role, in: [])

        #expect(agent.canWork(in: nil))
    }

    @Test("Roles rank agent < supervisor < admin")
    func roleOrder() {
        #expect([Agent.Role.admin, .agent, .supervisor].sorted() == [.agent, .supervisor, .admin])
    }

    @Test("A new agent is active and updatedAt starts at createdAt")
    func defaults() {
        let agent = Self.agent(.agent, in: [])

        #expect(agent.isActive)
        #expect(agent.updatedAt == Samples.opened)
        #expect(agent.languageTag == nil)
    }
}

@Suite("Contact")
struct ContactTests {
    @Test("The first address is the primary one")
    func primaryEmail() throws {
        let first = try #require(EmailAddress("ana@empresa.com.br"))
        let second = try #require(EmailAddress("ana.souza@gmail.com"))

        let contact = Contact(name: "Ana Souza", emails: [first, second], createdAt: Samples.opened)

        #expect(contact.primaryEmail == first)
        #expect(contact.kind == .customer)
    }

    @Test("A contact without addresses has no primary address")
    func noEmail() {
        let contact = Contact(kind: .employee, name: "Bruno", emails: [], phone: "+55 11 4000-1234", createdAt: Samples.opened)

        #expect(contact.primaryEmail == nil)
    }
}
