import Foundation
import Testing

@testable import BalcaoCore

@Suite("SLAPolicy")
struct SLAPolicyTests {
    let calendarID = BusinessCalendar.ID()
    let support = Department.ID()
    let billing = Department.ID()
    let gold = Organization.ID()

    private func policy(_ name: String, order: Int, _ conditions: SLAConditions = SLAConditions()) -> SLAPolicy {
        SLAPolicy(
            name: name, order: order, calendarID: calendarID, conditions: conditions,
            targets: SLAPriorityTargets(normal: SLATargets(firstResponse: hours(4))))
    }

    @Test("The first matching policy by order wins, whatever the list order")
    func firstMatchByOrder() {
        let catchAll = policy("Default", order: 100)
        let goldCustomers = policy("Gold", order: 10, SLAConditions(organizationIDs: [gold]))
        let subject = SLASubject(organizationID: gold, priority: .normal, type: .question)

        let chosen = SLAPolicy.matching(subject, among: [catchAll, goldCustomers])

        #expect(chosen?.name == "Gold")
    }

    @Test("A policy without conditions catches every ticket the others leave")
    func catchAll() {
        let policies = [policy("Gold", order: 1, SLAConditions(organizationIDs: [gold])), policy("Default", order: 2)]
        let subject = SLASubject(organizationID: Organization.ID(), priority: .low, type: .task)

        #expect(SLAPolicy.matching(subject, among: policies)?.name == "Default")
    }

    @Test("No policy applies when none matches")
    func noMatch() {
        let policies = [policy("Billing", order: 1, SLAConditions(departmentIDs: [billing]))]

        let subject = SLASubject(departmentID: support, priority: .high, type: .incident)

        #expect(SLAPolicy.matching(subject, among: policies) == nil)
    }

    @Test("A ticket without a department never matches a department condition")
    func missingDepartment() {
        let conditions = SLAConditions(departmentIDs: [support])

        #expect(!conditions.matches(SLASubject(priority: .normal, type: .question)))
        #expect(conditions.matches(SLASubject(departmentID: support, priority: .normal, type: .question)))
    }

    @Test("Every condition must hold: urgent incidents in support only")
    func conditionsCombine() {
        let conditions = SLAConditions(departmentIDs: [support], priorities: [.urgent, .high], types: [.incident])

        #expect(conditions.matches(SLASubject(departmentID: support, priority: .urgent, type: .incident)))
        #expect(!conditions.matches(SLASubject(departmentID: support, priority: .normal, type: .incident)))
        #expect(!conditions.matches(SLASubject(departmentID: support, priority: .urgent, type: .question)))
        #expect(!conditions.matches(SLASubject(departmentID: billing, priority: .urgent, type: .incident)))
    }

    @Test("Equal orders keep the order of the list")
    func tiesKeepListOrder() {
        let first = policy("First", order: 5)
        let second = policy("Second", order: 5)
        let subject = SLASubject(priority: .normal, type: .question)

        #expect(SLAPolicy.matching(subject, among: [first, second])?.name == "First")
        #expect(SLAPolicy.matching(subject, among: [second, first])?.name == "Second")
    }

    @Test("A ticket is matched on its department, organization, priority and type")
    func subjectFromTicket() {
        let ticket = Ticket(
            number: TicketNumber(1042), subject: "Impressora fiscal parada", priority: .urgent, type: .incident,
            channel: .email, requesterID: Contact.ID(), organizationID: gold, departmentID: support,
            createdAt: utc("2025-05-12 12:00"))
        let conditions = SLAConditions(
            departmentIDs: [support], priorities: [.urgent], organizationIDs: [gold], types: [.incident])

        #expect(conditions.matches(SLASubject(ticket)))
    }

    @Test("Targets are looked up per priority and metric")
    func targetsPerPriority() {
        var targets = SLAPriorityTargets()
        targets[.urgent] = SLATargets(firstResponse: hours(1), resolution: hours(4))

        #expect(targets[.urgent][.firstResponse] == hours(1))
        #expect(targets[.urgent][.nextResponse] == nil)
        #expect(targets[.low][.resolution] == nil)
    }

    @Test("Invalid targets and thresholds are reported by field")
    func validation() {
        var invalid = policy("", order: 1)
        invalid.targets.urgent = SLATargets(firstResponse: 0, resolution: SLAClock.maximumDuration + 1)
        invalid.targets.low.nextResponse = -60
        invalid.warningThreshold = 1.5

        let error = #expect(throws: ValidationError.self) { try invalid.validate() }

        #expect(
            error?.issues.map(\.field) == [
                "name", "warningThreshold", "targets.low.nextResponse", "targets.urgent.firstResponse",
                "targets.urgent.resolution",
            ])
    }

    @Test("A sensible policy is valid and round-trips through JSON")
    func validAndCodable() throws {
        var valid = policy("Default", order: 1, SLAConditions(priorities: [.urgent], types: [.incident]))
        valid.targets.urgent = SLATargets(firstResponse: hours(1), nextResponse: hours(2), resolution: hours(8))

        try valid.validate()
        let decoded = try JSONDecoder().decode(SLAPolicy.self, from: try JSONEncoder().encode(valid))

        #expect(decoded == valid)
    }
}
