import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Contacts, organizations, departments and agents API")
struct DirectoryAPITests {
    @Test("Contacts: create, read, change, clear with null, refuse duplicates, delete", arguments: TestDatabase.available)
    func contactsCRUD(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let organization = try await app.post(
                "/api/v1/organizations", ["name": "Papelaria Ipê", "domains": ["papelariaipe.example"]] as JSON
            ).json(OrganizationDTO.self)
            let created = try await app.post(
                "/api/v1/contacts",
                ["name": "Renata Ipê", "emails": ["renata@papelariaipe.example"], "phone": "+55 11 5555-0101",
                 "organizationId": .string(organization.id.uuidString), "language": "pt-BR", "timeZone": "America/Sao_Paulo"] as JSON)
            let contact = try created.json(ContactDTO.self)
            let path = "/api/v1/contacts/\(contact.id)"

            let changed = try await app.patch(path, ["phone": nil, "kind": "employee"] as JSON).json(ContactDTO.self)
            let duplicate = try await app.post("/api/v1/contacts", ["name": "Outra", "emails": ["RENATA@papelariaipe.example"]] as JSON)
            let badZone = try await app.patch(path, ["timeZone": "Brasil/Sampa", "language": "fr"] as JSON)
            let search = try await app.get("/api/v1/contacts?q=ren&organizationId=\(organization.id)").json(DirectoryPageDTO<ContactDTO>.self)
            let orgInUse = try await app.request(.DELETE, "/api/v1/organizations/\(organization.id)")
            let deleted = try await app.request(.DELETE, path)
            let gone = try await app.get(path)

            #expect(created.status == .created && created.headers.first(name: .location) == path)
            #expect(contact.organizationId == organization.id && contact.phone == "+55 11 5555-0101")
            #expect(changed.phone == nil && changed.kind == .employee && changed.name == "Renata Ipê")
            #expect(duplicate.status == .conflict && duplicate.problem?.fields == ["emails"])
            #expect(badZone.status == .unprocessableEntity && Set(badZone.problem?.fields ?? []) == ["timeZone", "language"])
            #expect(search.data.map(\.id) == [contact.id])
            #expect(orgInUse.status == .conflict)
            #expect(deleted.status == .noContent && gone.status == .notFound)
        }
    }

    @Test("Departments carry their custom fields, and tickets are checked against them")
    func departmentCustomFields() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await app.post(
                "/api/v1/departments",
                ["name": "Suporte ao Cliente", "kind": "external",
                 "customFields": [
                    ["key": "order_number", "label": "Pedido", "kind": "text", "required": true],
                    ["key": "channel", "label": "Canal de venda", "kind": "dropdown", "options": ["loja", "site"]],
                 ]] as JSON
            ).json(DepartmentDTO.self)
            let ticket: JSON = [
                "subject": "Troca de produto", "body": "Veio com defeito.", "requester": ["email": "a@b.example"],
                "departmentId": .string(department.id.uuidString), "customFields": ["order_number": "BR-1", "channel": "site"],
            ]
            let badDefinition = try await app.post(
                "/api/v1/departments", ["name": "X", "kind": "internal", "customFields": [["key": "Bad Key", "label": "x", "kind": "dropdown"]]] as JSON)

            let created = try await app.post("/api/v1/tickets", ticket).json(TicketDTO.self)
            let wrongOption = try await app.patch("/api/v1/tickets/\(created.id)", ["customFields": ["channel": "telefone"]] as JSON)
            let cleared = try await app.patch("/api/v1/tickets/\(created.id)", ["customFields": ["order_number": nil]] as JSON)

            #expect(department.customFields.map(\.key) == ["order_number", "channel"])
            #expect(department.customFields.first?.isRequired == true)
            #expect(created.customFields == ["order_number": .string("BR-1"), "channel": .string("site")])
            #expect(wrongOption.status == .unprocessableEntity && wrongOption.problem?.fields == ["customFields.channel"])
            #expect(cleared.status == .unprocessableEntity && cleared.problem?.fields == ["customFields.order_number"])
            #expect(badDefinition.status == .unprocessableEntity)
            #expect(Set(badDefinition.problem?.fields ?? []) == ["customFields[0].key", "customFields[0].options"])
        }
    }

    @Test("Agents: created with departments, listed, read, and unique by email")
    func agents() async throws {
        try await TestApp.run(.sqlite) { app in
            let it = try await app.post("/api/v1/departments", ["name": "TI", "kind": "internal"] as JSON).json(DepartmentDTO.self)
            let created = try await app.post(
                "/api/v1/agents",
                ["name": "Rafael Costa", "email": "rafael@acme.example", "role": "supervisor",
                 "departmentIds": [.string(it.id.uuidString)], "language": "pt-PT", "timeZone": "Europe/Lisbon"] as JSON)
            let agent = try created.json(AgentDTO.self)

            let inIT = try await app.get("/api/v1/agents?departmentId=\(it.id)").json(DirectoryPageDTO<AgentDTO>.self)
            let again = try await app.post("/api/v1/agents", ["name": "Outro", "email": "RAFAEL@acme.example"] as JSON)
            let unknownDepartment = try await app.post(
                "/api/v1/agents", ["name": "Z", "email": "z@acme.example", "departmentIds": [.string(UUID().uuidString)]] as JSON)

            #expect(created.status == .created)
            #expect(agent.role == .supervisor && agent.departmentIds == [it.id] && agent.language == "pt-PT" && agent.active)
            #expect(inIT.data.map(\.email) == ["rafael@acme.example"])
            #expect(again.status == .conflict && again.problem?.fields == ["email"])
            #expect(unknownDepartment.status == .unprocessableEntity && unknownDepartment.problem?.fields == ["departmentIds[0]"])
        }
    }
}
