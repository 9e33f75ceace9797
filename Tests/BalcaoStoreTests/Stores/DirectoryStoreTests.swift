import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Directory store")
struct DirectoryStoreTests {
    @Test("A contact is found by any of its addresses, whatever their case", arguments: TestDatabase.available)
    func contactByEmail(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            var fields = ContactFields()
            fields.name = "Márcia Souza"
            fields.emails = ["Marcia@Cliente.example", "marcia.souza@gmail.example", "marcia@cliente.example"]
            fields.languageTag = .set("pt_br")
            fields.timeZone = .set("America/Sao_Paulo")

            let contact = try await desk.directoryService.createContact(fields)
            let found = try await desk.directory.contact(email: EmailAddress("MARCIA.SOUZA@gmail.example")!)

            #expect(contact.emails.map(\.value) == ["marcia@cliente.example", "marcia.souza@gmail.example"])
            #expect(contact.languageTag == "pt-BR")
            #expect(found == contact)
        }
    }

    @Test("Two contacts cannot share an address", arguments: TestDatabase.available)
    func emailIsUnique(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            _ = try await desk.makeContact("Primeira", email: "mesmo@cliente.example")
            let second = try await desk.makeContact("Segunda", email: "outro@cliente.example")
            var fields = ContactFields()
            fields.emails = ["outro@cliente.example", "MESMO@cliente.example"]

            await #expect(throws: DirectoryError.emailTaken(EmailAddress("mesmo@cliente.example")!, field: "emails")) {
                try await desk.directoryService.updateContact(second.id, fields)
            }
            await #expect(throws: DirectoryError.emailTaken(EmailAddress("mesmo@cliente.example")!, field: "emails")) {
                try await desk.makeContact("Terceira", email: "mesmo@cliente.example")
            }
            #expect(try await desk.directory.contact(second.id)?.emails.map(\.value) == ["outro@cliente.example"])
        }
    }

    @Test("Search matches names and addresses without regard to case", arguments: TestDatabase.available)
    func searchContacts(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            _ = try await desk.makeContact("João Pereira", email: "joao@transportes.example")
            _ = try await desk.makeContact("Maria Lima", email: "maria@papelaria.example")
            var query = DirectoryQuery()

            query.search = "PEREIRA"
            let byName = try await desk.directory.contacts(query)
            query.search = "papelaria"
            let byEmail = try await desk.directory.contacts(query)

            #expect(byName.map(\.name) == ["João Pereira"])
            #expect(byEmail.map(\.name) == ["Maria Lima"])
        }
    }

    @Test("Mail from an organization's domain joins that organization", arguments: TestDatabase.available)
    func domainJoinsOrganization(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            var fields = OrganizationFields()
            fields.name = "Mercado Aurora"
            fields.domains = ["Aurora-Mercado.example"]
            let organization = try await desk.directoryService.createOrganization(fields)

            let ticket = try await desk.ticketService.open(
                OpenTicket(
                    subject: "Nota fiscal", body: MessageBody(text: "Preciso da segunda via."),
                    requester: .email(EmailAddress("luciana@aurora-mercado.example")!, name: "Luciana", kind: nil),
                    channel: .email),
                by: .system)
            let requester = try #require(try await desk.directory.contact(ticket.requesterID))

            #expect(requester.name == "Luciana")
            #expect(requester.organizationID == organization.id)
            #expect(ticket.organizationID == organization.id)
            #expect(organization.domains == ["aurora-mercado.example"])
        }
    }

    @Test("A domain belongs to one organization only", arguments: TestDatabase.available)
    func domainIsUnique(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            var fields = OrganizationFields()
            fields.name = "Primeira"
            fields.domains = ["empresa.example"]
            _ = try await desk.directoryService.createOrganization(fields)
            fields.name = "Segunda"

            await #expect(throws: DirectoryError.domainTaken("empresa.example")) {
                try await desk.directoryService.createOrganization(fields)
            }
        }
    }

    @Test("Nothing that tickets or contacts still use can be deleted", arguments: TestDatabase.available)
    func deletionRefusedWhileInUse(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let department = try await desk.makeDepartment("Financeiro", kind: .internal, by: admin)
            var organizationFields = OrganizationFields()
            organizationFields.name = "Café Serra Azul"
            let organization = try await desk.directoryService.createOrganization(organizationFields)
            var contactFields = ContactFields()
            contactFields.name = "Paulo"
            contactFields.emails = ["paulo@serraazul.example"]
            contactFields.organizationID = .set(organization.id)
            let contact = try await desk.directoryService.createContact(contactFields)
            _ = try await desk.openTicket(requester: contact, department: department)
            let unused = try await desk.makeContact("Sem Chamados")

            await #expect(throws: DirectoryError.inUse(what: "tickets", count: 1)) {
                try await desk.directoryService.deleteContact(contact.id)
            }
            await #expect(throws: DirectoryError.inUse(what: "contacts", count: 1)) {
                try await desk.directoryService.deleteOrganization(organization.id)
            }
            await #expect(throws: DirectoryError.inUse(what: "tickets", count: 1)) {
                try await desk.directoryService.deleteDepartment(department.id, by: admin)
            }
            try await desk.directoryService.deleteContact(unused.id)
            #expect(try await desk.directory.contact(unused.id) == nil)
            #expect(try await desk.directory.contact(email: unused.emails[0]) == nil)
        }
    }

    @Test("Departments: unique names, tier-2 escalation targets, admins only", arguments: TestDatabase.available)
    func departmentRules(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let levelTwo = try await desk.makeDepartment("TI — Nível 2", kind: .internal, tier: .second, by: admin)
            let levelOne = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let agent = try await desk.makeAgent(departments: [levelOne])
            var escalate = DepartmentFields()
            escalate.escalationTargetID = .set(levelTwo.id)
            var wrongTarget = DepartmentFields()
            wrongTarget.escalationTargetID = .set(levelOne.id)

            let updated = try await desk.directoryService.updateDepartment(levelOne.id, escalate, by: admin)

            #expect(updated.escalationTargetID == levelTwo.id)
            #expect(try await desk.directory.department(levelOne.id)?.escalationTargetID == levelTwo.id)
            await #expect(throws: DirectoryError.nameTaken("ti")) {
                try await desk.makeDepartment("ti", by: admin)
            }
            await #expect(throws: ValidationError(field: "escalationTargetId", "a department cannot escalate to itself")) {
                try await desk.directoryService.updateDepartment(levelOne.id, wrongTarget, by: admin)
            }
            await #expect(throws: DirectoryError.forbidden("only admins may do this")) {
                try await desk.makeDepartment("RH", by: agent)
            }
            await #expect(throws: DirectoryError.inUse(what: "departments escalating to it", count: 1)) {
                try await desk.directoryService.deleteDepartment(levelTwo.id, by: admin)
            }
        }
    }

    @Test("Agents keep their departments in order and unique emails", arguments: TestDatabase.available)
    func agentRules(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let hr = try await desk.makeDepartment("RH", kind: .internal, by: admin)
            var fields = AgentFields()
            fields.name = "Rita"
            fields.email = "rita@acme.example"
            fields.departmentIDs = [hr.id, it.id, hr.id]

            let rita = try await desk.directoryService.createAgent(fields, by: admin)
            var list = DirectoryQuery()
            list.departmentID = it.id
            let inIT = try await desk.directory.agents(list)
            let deactivated = try await desk.directoryService.deactivateAgent(rita.id, by: admin)

            #expect(rita.departmentIDs == [hr.id, it.id])
            #expect(try await desk.directory.agent(email: EmailAddress("RITA@acme.example")!)?.id == rita.id)
            #expect(inIT.map(\.id) == [rita.id])
            #expect(!deactivated.isActive)
            await #expect(throws: DirectoryError.emailTaken(EmailAddress("rita@acme.example")!)) {
                try await desk.directoryService.createAgent(fields, by: admin)
            }
            await #expect(throws: DirectoryError.forbidden("admins cannot deactivate or demote themselves")) {
                try await desk.directoryService.deactivateAgent(admin.id, by: admin)
            }
        }
    }

    @Test("Agents and departments are kept in memory for a moment, yet every change here shows at once",
        arguments: TestDatabase.available)
    func staffSnapshotFollowsChanges(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let admin = try await desk.makeAdmin()
            let it = try await desk.makeDepartment("TI", kind: .internal, by: admin)
            let hr = try await desk.makeDepartment("RH", kind: .internal, by: admin)
            var fields = AgentFields()
            fields.name = "Rita"
            fields.email = "rita@acme.example"
            fields.departmentIDs = [it.id]
            let rita = try await desk.directoryService.createAgent(fields, by: admin)
            #expect(try await desk.directory.agents(.everything).map(\.name) == ["Ana Admin", "Rita"])

            fields.name = "Rita Matos"
            fields.departmentIDs = [hr.id]
            _ = try await desk.directoryService.updateAgent(rita.id, fields, by: admin)
            try await desk.directoryService.deleteDepartment(it.id, by: admin)

            #expect(try await desk.directory.agent(rita.id)?.name == "Rita Matos")
            #expect(try await desk.directory.agent(rita.id)?.departmentIDs == [hr.id])
            #expect(try await desk.directory.agents(.everything).map(\.name).contains("Rita Matos"))
            #expect(try await desk.directory.departments(.everything).map(\.id) == [hr.id])
            #expect(try await desk.directory.department(it.id) == nil)

            // Another process on the same database (a second instance, a command): a lookup by id or email that
            // misses the kept list reads the database.
            let elsewhere = FluentDirectoryStore(context: desk.context.anotherInstance())
            let bruno = Agent(name: "Bruno", email: EmailAddress("bruno@acme.example")!, role: .agent, departmentIDs: [hr.id],
                createdAt: desk.clock.now)
            try await elsewhere.insert(bruno)
            #expect(try await desk.directory.agent(bruno.id)?.name == "Bruno")
            #expect(try await desk.directory.agent(email: EmailAddress("bruno@acme.example")!)?.id == bruno.id)
        }
    }
}
