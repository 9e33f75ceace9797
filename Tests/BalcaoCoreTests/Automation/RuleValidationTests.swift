import Foundation
import Testing

@testable import BalcaoCore

@Suite("Rule validation")
struct RuleValidationTests {
    private let tagVIP = RuleAction(.addTags, "vip")

    private func fields(_ rule: Rule) -> [String] { AutoSample.issues { try rule.validate() }.map(\.field) }

    private func issues(_ rule: Rule) -> [FieldIssue] { AutoSample.issues { try rule.validate() } }

    @Test("A well-formed trigger passes")
    func validTrigger() {
        let rule = AutoSample.rule(
            .trigger, name: "VIP urgente",
            all: [
                RuleCondition(.event, .is, "created"), RuleCondition(.subject, .contains, "senha, password"),
                RuleCondition(.department, .is, AutoSample.itDepartment.description),
                RuleCondition(.customField("sistema"), .is, "SAP"),
            ],
            any: [RuleCondition(.tags, .is, "vip"), RuleCondition(.requesterKind, .is, "employee")],
            actions: [
                RuleAction(.setPriority, "urgent"), RuleAction(.setAssignee, AutoSample.ana.description), tagVIP,
                RuleAction(
                    .notify, recipient: "requester", subject: "Recebemos {{ticket.number}}",
                    body: "Olá {{requester.first_name}}, já estamos a ver."),
                RuleAction(.webhook, "https://hooks.empresa.com.br/balcao"),
            ])

        #expect(fields(rule).isEmpty)
    }

    @Test("A rule needs a name and at least one action")
    func nameAndActions() {
        let rule = AutoSample.rule(name: "   ", actions: [])

        #expect(fields(rule) == ["name", "actions"])
    }

    @Test(
        "A field a kind does not know is refused at its path",
        arguments: [
            (RuleKind.routing, RuleField.event), (.routing, .sla), (.routing, .hoursSinceCreated),
            (.trigger, .hoursSinceUpdated), (.trigger, .businessHoursSinceUpdated), (.timeRule, .message),
            (.timeRule, .event), (.trigger, RuleField(rawValue: "colour")), (.trigger, .customField("")),
        ])
    func unknownFieldForKind(kind: RuleKind, field: RuleField) {
        let timed = RuleCondition(.hoursSinceCreated, .greaterThan, "1")
        let rule = AutoSample.rule(
            kind, all: kind == .timeRule ? [timed, RuleCondition(field, .present)] : [RuleCondition(field, .present)],
            actions: [tagVIP])
        let path = kind == .timeRule ? "conditions.all[1].field" : "conditions.all[0].field"

        #expect(fields(rule) == [path])
    }

    @Test("Custom fields may be tested by every kind of rule")
    func customFieldsEverywhere() {
        for kind in RuleKind.allCases {
            let rule = AutoSample.rule(
                kind,
                all: [RuleCondition(.customField("sistema"), .is, "SAP"), RuleCondition(.sla, .is, "breached")]
                    .filter { kind != .routing || $0.field != .sla },
                actions: [tagVIP])
            #expect(fields(rule).isEmpty, "\(kind)")
        }
    }

    @Test("Any conditions are checked too, with their own path")
    func anyPaths() {
        let rule = AutoSample.rule(
            .routing, any: [RuleCondition(.channel, .is, "email"), RuleCondition(.event, .is, "created")],
            actions: [tagVIP])

        #expect(fields(rule) == ["conditions.any[1].field"])
    }

    @Test("Greater than on a text field is refused: hours are the only numbers")
    func numericOperatorOnText() {
        let rule = AutoSample.rule(all: [RuleCondition(.subject, .greaterThan, "3")], actions: [tagVIP])

        #expect(fields(rule) == ["conditions.all[0].operator"])
    }

    @Test("Contains on a field that is not text is refused")
    func containsOnNonText() {
        let rule = AutoSample.rule(all: [RuleCondition(.priority, .contains, "urg")], actions: [tagVIP])

        #expect(fields(rule) == ["conditions.all[0].operator"])
    }

    @Test("Is on hours is refused: compare hours with greater_than or less_than")
    func isOnHours() {
        let rule = AutoSample.rule(.timeRule, all: [RuleCondition(.hoursSinceUpdated, .is, "72")], actions: [tagVIP])

        #expect(fields(rule) == ["conditions.all[0].operator"])
    }

    @Test("Hours must be a number, zero or more", arguments: ["", "três", "-1", "72h"])
    func badHours(value: String) {
        let rule = AutoSample.rule(
            .timeRule, all: [RuleCondition(.hoursSinceUpdated, .greaterThan, value)], actions: [tagVIP])

        #expect(fields(rule) == ["conditions.all[0].value"])
    }

    @Test("Zero and fractional hours are fine")
    func goodHours() {
        let rule = AutoSample.rule(
            .timeRule,
            all: [RuleCondition(.hoursSinceUpdated, .greaterThan, "0"), RuleCondition(.hoursSinceCreated, .lessThan, " 1.5 ")],
            actions: [tagVIP])

        #expect(fields(rule).isEmpty)
    }

    @Test("A value outside a field's choices is refused and the wrong one is named")
    func badEnumValue() {
        let rule = AutoSample.rule(
            all: [RuleCondition(.priority, .is, "urgent, critical"), RuleCondition(.event, .is, "replied")],
            actions: [tagVIP])

        let issues = issues(rule)

        #expect(issues.map(\.field) == ["conditions.all[0].value", "conditions.all[1].value"])
        #expect(issues.first?.message.contains("\"critical\"") == true)
        #expect(issues.first?.message.contains("urgent") == true)
    }

    @Test("Choices are exact: \"Urgent\" is not a priority name")
    func choicesAreCaseSensitive() {
        let rule = AutoSample.rule(all: [RuleCondition(.priority, .is, "Urgent")], actions: [tagVIP])

        #expect(fields(rule) == ["conditions.all[0].value"])
    }

    @Test("An assignee, department or organization must be named by id")
    func badID() {
        let rule = AutoSample.rule(
            all: [
                RuleCondition(.assignee, .is, "ana"),
                RuleCondition(.department, .isNot, "\(AutoSample.itDepartment), TI"),
                RuleCondition(.organization, .is, AutoSample.organization.description),
            ],
            actions: [tagVIP])

        let issues = issues(rule)

        #expect(issues.map(\.field) == ["conditions.all[0].value", "conditions.all[1].value"])
        #expect(issues.last?.message.contains("\"TI\"") == true)
    }

    @Test("Is, contains and their negations need at least one value")
    func emptyValues() {
        let rule = AutoSample.rule(
            all: [RuleCondition(.priority, .is, " , "), RuleCondition(.subject, .notContains, "")], actions: [tagVIP])

        #expect(fields(rule) == ["conditions.all[0].value", "conditions.all[1].value"])
    }

    @Test("A time rule without a condition on hours or on the SLA is refused")
    func timeRuleNeedsTime() {
        let untimed = AutoSample.rule(.timeRule, all: [RuleCondition(.status, .is, "pending")], actions: [tagVIP])
        let onSLA = AutoSample.rule(.timeRule, any: [RuleCondition(.sla, .is, "breached")], actions: [tagVIP])
        let onHours = AutoSample.rule(
            .timeRule, all: [RuleCondition(.status, .is, "pending"), RuleCondition(.hoursSinceUpdated, .greaterThan, "72")],
            actions: [RuleAction(.setStatus, "solved")])

        #expect(fields(untimed) == ["conditions"])
        #expect(fields(onSLA).isEmpty)
        #expect(fields(onHours).isEmpty)
    }

    @Test("A routing rule cannot set a status nor escalate; a trigger can do both")
    func routingLimits() {
        let actions = [RuleAction(.setStatus, "pending"), RuleAction(.escalate, body: "Precisa do nível 2")]
        let routing = AutoSample.rule(.routing, actions: actions)
        let trigger = AutoSample.rule(.trigger, actions: actions)

        #expect(fields(routing) == ["actions[0].type", "actions[1].type"])
        #expect(fields(trigger).isEmpty)
    }

    @Test("No rule may set a ticket back to new")
    func statusNew() {
        #expect(fields(AutoSample.rule(actions: [RuleAction(.setStatus, "new")])) == ["actions[0].value"])
    }

    @Test("Field actions check their values")
    func fieldActionValues() {
        let rule = AutoSample.rule(actions: [
            RuleAction(.setPriority, "critical"), RuleAction(.setType, "bug"), RuleAction(.setImpact, "huge"),
            RuleAction(.setUrgency, "medium"), RuleAction(.setDepartment, "TI"), RuleAction(.setAssignee, ""),
            RuleAction(.addTags, " , "), RuleAction(.removeTags, "antigo"), RuleAction(.setCustomField, "SAP", field: " "),
            RuleAction(.webhook, "ftp://example.com/x"), RuleAction(.webhook, "http://intranet.local/hook"),
        ])

        #expect(
            fields(rule) == [
                "actions[0].value", "actions[1].value", "actions[2].value", "actions[4].value", "actions[5].value",
                "actions[6].value", "actions[8].field", "actions[9].value",
            ])
    }

    @Test("Notify needs a known recipient role or an address, a subject and a body")
    func notifyRecipient() {
        let good = ["requester", "assignee", "department_agents", "supervisors", "gestao@empresa.com.br"].map {
            RuleAction(.notify, recipient: $0, subject: "Chamado {{ticket.number}}", body: "Veja {{ticket.url}}")
        }
        let bad = AutoSample.rule(actions: [
            RuleAction(.notify, recipient: "the boss", subject: "Oi", body: "Oi"),
            RuleAction(.notify, recipient: nil, subject: " ", body: nil),
        ])

        #expect(fields(AutoSample.rule(actions: good)).isEmpty)
        #expect(
            fields(bad) == [
                "actions[0].recipient", "actions[1].recipient", "actions[1].subject", "actions[1].body",
            ])
    }

    @Test("An unknown placeholder is refused where it is written, and the message lists the known ones")
    func unknownPlaceholder() {
        let rule = AutoSample.rule(actions: [
            RuleAction(.notify, recipient: "assignee", subject: "{{ticket.numero}}", body: "Olá {{ requester.name }}"),
            RuleAction(.addNote, body: "SLA de {{cliente.nome}}"),
        ])

        let issues = issues(rule)

        #expect(issues.map(\.field) == ["actions[0].subject", "actions[1].body"])
        #expect(issues.first?.message.contains("{{ticket.numero}}") == true)
        #expect(issues.first?.message.contains("{{ticket.number}}") == true)
    }

    @Test("A note or an escalation needs a body")
    func noteNeedsBody() {
        let rule = AutoSample.rule(actions: [RuleAction(.addNote), RuleAction(.escalate, body: "  ")])

        #expect(fields(rule) == ["actions[0].body", "actions[1].body"])
    }

    @Test("Too many conditions or actions are refused")
    func limits() {
        let conditions = Array(repeating: RuleCondition(.channel, .is, "email"), count: Rule.maxConditions + 1)
        let rule = AutoSample.rule(all: conditions, actions: Array(repeating: tagVIP, count: Rule.maxActions + 1))

        #expect(fields(rule) == ["conditions", "actions"])
    }

    @Test("Every problem is reported at once, not only the first")
    func allIssuesAtOnce() {
        let rule = AutoSample.rule(
            .timeRule, name: "",
            all: [RuleCondition(.event, .is, "created"), RuleCondition(.subject, .greaterThan, "1")],
            actions: [RuleAction(.setPriority, "asap")])

        #expect(
            fields(rule) == [
                "name", "conditions.all[0].field", "conditions.all[1].operator", "actions[0].value", "conditions",
            ])
    }

    @Test("Actions decode from the flat JSON the admin form sends")
    func decodeAction() throws {
        let json = #"{"type": "notify", "recipient": "requester", "subject": "Oi", "body": "Olá"}"#
        let action = try JSONDecoder().decode(RuleAction.self, from: Data(json.utf8))

        #expect(action == RuleAction(.notify, "", recipient: "requester", subject: "Oi", body: "Olá"))
    }

    @Test("A tag longer than the 64 characters a ticket tag may have is refused in an add_tags action")
    func overlongTag() {
        let rule = AutoSample.rule(actions: [RuleAction(.addTags, String(repeating: "a", count: Tag.maxLength + 1))])

        #expect(fields(rule) == ["actions[0].value"])
    }

    @Test("In-app notifications go to agents only: the requester has no bell")
    func inAppRecipients() {
        let toRequester = AutoSample.rule(actions: [
            RuleAction(.notify, recipient: "requester", subject: "Oi", body: "Olá", channel: .inApp)
        ])
        let toSupervisors = AutoSample.rule(actions: [
            RuleAction(.notify, recipient: "supervisors", subject: "SLA", body: "Atrasou", channel: .both)
        ])

        #expect(fields(toRequester) == ["actions[0].channel"])
        #expect(fields(toSupervisors).isEmpty)
    }
}
