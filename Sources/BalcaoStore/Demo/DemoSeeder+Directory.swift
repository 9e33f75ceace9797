import BalcaoCore
import Foundation

extension DemoSeeder {
    /// The seven desks the demo shows, each with the fields its agents would really track, plus two tier-2
    /// teams that IT and Customer Support escalate to.
    func seedDepartments(_ people: DirectoryService) async throws -> [DemoDepartmentKey: Department] {
        let admin = Agent(name: "Seeder", email: EmailAddress("seeder@balcao.invalid")!, role: .admin, createdAt: .now)
        func create(
            _ name: String, _ kind: Department.Kind, tier: Department.Tier = .first, escalatesTo: Department? = nil,
            _ fields: [CustomFieldDefinition]
        ) async throws -> Department {
            var request = DepartmentFields()
            request.name = name
            request.kind = kind
            request.tier = tier
            request.escalationTargetID = escalatesTo.map { .set($0.id) } ?? .unchanged
            request.customFields = fields
            return try await people.createDepartment(request, by: admin)
        }
        let itLevel2 = try await create("IT — Level 2 (Infrastructure)", .internal, tier: .second, [])
        let supportLevel2 = try await create("Customer Support — Level 2", .external, tier: .second, [])
        var desks: [DemoDepartmentKey: Department] = [:]
        desks[.it] = try await create(
                "IT", .internal, escalatesTo: itLevel2,
                [
                    .init(key: "asset_tag", label: "Asset tag", kind: .text),
                    .init(
                        key: "device", label: "Device", kind: .dropdown,
                        options: ["laptop", "desktop", "printer", "phone", "network", "software"]),
            ])
        desks[.hr] = try await create("HR", .internal, [.init(key: "employee_id", label: "Employee ID", kind: .text)])
        desks[.finance] = try await create(
                "Finance", .internal,
                [
                    .init(
                        key: "cost_center", label: "Cost centre", kind: .dropdown,
                        options: ["operations", "sales", "it", "hr", "administration"]),
                    .init(key: "amount", label: "Amount (BRL)", kind: .number),
            ])
        desks[.facilities] = try await create(
                "Facilities", .internal,
                [
                    .init(
                        key: "building", label: "Building", kind: .dropdown,
                        options: ["São Paulo HQ", "Recife", "Lisbon"]),
                    .init(key: "floor", label: "Floor", kind: .number),
            ])
        desks[.support] = try await create(
                "Customer Support", .external, escalatesTo: supportLevel2,
                [
                    .init(key: "order_number", label: "Order number", kind: .text),
                    .init(key: "order_date", label: "Order date", kind: .date),
                    .init(key: "refund_requested", label: "Refund requested", kind: .checkbox),
            ])
        desks[.operations] = try await create(
            "Business Operations", .external, [.init(key: "contract_number", label: "Contract number", kind: .text)])
        desks[.partners] = try await create(
            "Suppliers & Partners", .external, [.init(key: "purchase_order", label: "Purchase order", kind: .text)])
        return desks
    }

    func seedOrganizations(_ people: DirectoryService) async throws -> [String: Organization] {
        var created: [String: Organization] = [:]
        for seed in DemoCatalog.organizations {
            var fields = OrganizationFields()
            fields.name = seed.name
            fields.domains = [seed.domain]
            created[seed.name] = try await people.createOrganization(fields)
        }
        return created
    }

    func seedPeople(
        _ seeds: [DemoPerson], kind: Contact.Kind, _ organizations: [String: Organization], _ people: DirectoryService
    ) async throws -> [(Contact, DemoPerson)] {
        var created: [(Contact, DemoPerson)] = []
        for seed in seeds {
            var fields = ContactFields()
            fields.kind = kind
            fields.name = seed.name
            fields.emails = [seed.email]
            fields.phone = seed.phone.map { .set($0) } ?? .unchanged
            fields.organizationID = seed.organization.flatMap { organizations[$0] }.map { .set($0.id) } ?? .unchanged
            fields.languageTag = .set(seed.language)
            fields.timeZone = .set(seed.timeZone)
            created.append((try await people.createContact(fields), seed))
        }
        return created
    }

    func seedAgents(_ departments: [DemoDepartmentKey: Department], _ people: DirectoryService) async throws -> [Agent] {
        var created: [Agent] = []
        for seed in DemoCatalog.agents {
            var fields = AgentFields()
            fields.name = seed.name
            fields.email = seed.email
            fields.role = Agent.Role(rawValue: seed.role) ?? .agent
            var ids = seed.departments.compactMap { departments[$0]?.id }
            // Tier-2 specialists also belong to the level-2 team behind their desk.
            if DemoCatalog.tier2AgentEmails.contains(seed.email) {
                ids += seed.departments.compactMap { departments[$0]?.escalationTargetID }
            }
            fields.departmentIDs = ids
            fields.languageTag = .set(seed.language)
            created.append(try await people.createAgent(fields, by: nil))
        }
        return created
    }
}
