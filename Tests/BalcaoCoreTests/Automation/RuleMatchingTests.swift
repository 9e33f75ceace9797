import Foundation
import Testing

@testable import BalcaoCore

@Suite("Rule conditions matching tickets")
struct RuleMatchingTests {
    private func holds(_ condition: RuleCondition, _ facts: RuleFacts = AutoSample.facts()) -> Bool {
        AutoSample.holds(condition, on: facts)
    }

    // MARK: Text: whole words, no case, no accents

    @Test(
        "Contains ignores case and accents: \"Não consigo ACEDER\" contains \"nao consigo\"",
        arguments: ["nao consigo", "NÃO CONSIGO", "aceder", "consigo aceder", "Não consigo acéder"])
    func containsIgnoresCaseAndAccents(phrase: String) {
        let facts = AutoSample.facts(message: "Olá! Não consigo ACEDER ao portal desde ontem.")

        #expect(holds(RuleCondition(.message, .contains, phrase), facts))
    }

    @Test("Contains matches whole words only: \"senhas\" does not contain \"senha\"")
    func containsWholeWordsOnly() {
        let facts = AutoSample.facts(AutoSample.ticket(subject: "Redefinir senhas do domínio"))

        #expect(!holds(RuleCondition(.subject, .contains, "senha"), facts))
        #expect(holds(RuleCondition(.subject, .contains, "senhas"), facts))
        #expect(holds(RuleCondition(.subject, .contains, "dominio"), facts))
        #expect(!holds(RuleCondition(.subject, .contains, "dom"), facts))
    }

    @Test("A phrase must appear as consecutive words, in order")
    func phraseIsConsecutive() {
        let facts = AutoSample.facts(message: "O portal não abre e não consigo entrar")

        #expect(holds(RuleCondition(.message, .contains, "não consigo entrar"), facts))
        #expect(!holds(RuleCondition(.message, .contains, "portal consigo"), facts))
        #expect(!holds(RuleCondition(.message, .contains, "entrar consigo"), facts))
    }

    @Test("Punctuation separates words, so \"e-mail\" in a rule matches \"E-mail\" in the text")
    func punctuationSeparatesWords() {
        let facts = AutoSample.facts(message: "Meu E-mail (Outlook) parou; erro 0x800CCC0E.")

        #expect(holds(RuleCondition(.message, .contains, "e-mail"), facts))
        #expect(holds(RuleCondition(.message, .contains, "outlook parou"), facts))
        #expect(holds(RuleCondition(.message, .contains, "0x800ccc0e"), facts))
        #expect(!holds(RuleCondition(.message, .contains, "email"), facts))
    }

    @Test("Accents written as combining marks match their precomposed form")
    func decomposedAccents() {
        let facts = AutoSample.facts(message: "Na\u{0303}o recebo a fatura")

        #expect(holds(RuleCondition(.message, .contains, "não recebo"), facts))
        #expect(holds(RuleCondition(.message, .contains, "nao recebo"), facts))
    }

    @Test("Comma-separated alternatives: contains any of them, not_contains none of them")
    func containsAlternatives() {
        let facts = AutoSample.facts(AutoSample.ticket(subject: "Esqueci a password do VPN"))

        #expect(holds(RuleCondition(.subject, .contains, "senha, password"), facts))
        #expect(!holds(RuleCondition(.subject, .contains, "senha, acesso"), facts))
        #expect(!holds(RuleCondition(.subject, .notContains, "senha, password"), facts))
        #expect(holds(RuleCondition(.subject, .notContains, "senha, acesso"), facts))
    }

    @Test("Blank alternatives are dropped and the rest trimmed")
    func alternativesAreTrimmed() {
        let condition = RuleCondition(.subject, .contains, " senha ,, password ,  ")

        #expect(condition.alternatives == ["senha", "password"])
    }

    @Test("A message that is not there contains nothing, so not_contains holds")
    func missingMessage() {
        let facts = AutoSample.facts(message: nil)

        #expect(!holds(RuleCondition(.message, .contains, "urgente"), facts))
        #expect(holds(RuleCondition(.message, .notContains, "urgente"), facts))
        #expect(holds(RuleCondition(.message, .absent), facts))
    }

    // MARK: is / is_not

    @Test("Is compares the whole value, ignoring case, against any of the alternatives")
    func isComparesWholeValue() {
        let facts = AutoSample.facts(AutoSample.ticket(priority: .high, type: .incident, channel: .portal))

        #expect(holds(RuleCondition(.priority, .is, "high"), facts))
        #expect(holds(RuleCondition(.priority, .is, "urgent, high"), facts))
        #expect(holds(RuleCondition(.priority, .is, "HIGH"), facts))
        #expect(!holds(RuleCondition(.priority, .is, "urgent"), facts))
        #expect(holds(RuleCondition(.type, .isNot, "question, task"), facts))
        #expect(!holds(RuleCondition(.channel, .isNot, "email, portal"), facts))
        #expect(!holds(RuleCondition(.subject, .is, "impressora"), facts))
    }

    @Test("Is_not holds when the ticket has no value at all (an unassigned ticket is not Ana's)")
    func isNotOnMissingValue() {
        let facts = AutoSample.facts(AutoSample.ticket(assigneeID: nil))

        #expect(holds(RuleCondition(.assignee, .isNot, AutoSample.ana.description), facts))
        #expect(!holds(RuleCondition(.assignee, .is, AutoSample.ana.description), facts))
    }

    @Test("Ids match whatever the letter case of the UUID in the rule")
    func idsIgnoreCase() {
        let facts = AutoSample.facts(
            AutoSample.ticket(
                organizationID: AutoSample.organization, departmentID: AutoSample.itDepartment,
                assigneeID: AutoSample.ana))

        #expect(holds(RuleCondition(.assignee, .is, AutoSample.ana.description.lowercased()), facts))
        #expect(holds(RuleCondition(.department, .is, "\(AutoSample.hrDepartment), \(AutoSample.itDepartment)"), facts))
        #expect(holds(RuleCondition(.organization, .is, AutoSample.organization.description), facts))
        #expect(!holds(RuleCondition(.department, .is, AutoSample.hrDepartment.description), facts))
    }

    @Test("Impact and urgency are tested when rated, absent when not")
    func impactAndUrgency() {
        let rated = AutoSample.facts(AutoSample.ticket(impact: .high, urgency: .low))
        let unrated = AutoSample.facts(AutoSample.ticket())

        #expect(holds(RuleCondition(.impact, .is, "high"), rated))
        #expect(holds(RuleCondition(.urgency, .is, "low"), rated))
        #expect(holds(RuleCondition(.impact, .absent), unrated))
        #expect(!holds(RuleCondition(.impact, .present), unrated))
    }

    // MARK: Tags

    @Test("Tags: is means the ticket has one of the tags, is_not that it has none of them")
    func tags() {
        let facts = AutoSample.facts(AutoSample.ticket(tags: ["impressora", "vip"]))

        #expect(holds(RuleCondition(.tags, .is, "vip"), facts))
        #expect(holds(RuleCondition(.tags, .is, "financeiro, VIP"), facts))
        #expect(!holds(RuleCondition(.tags, .is, "financeiro"), facts))
        #expect(holds(RuleCondition(.tags, .isNot, "financeiro, rh"), facts))
        #expect(!holds(RuleCondition(.tags, .isNot, "rh, impressora"), facts))
        #expect(holds(RuleCondition(.tags, .present), facts))
    }

    @Test("A ticket without tags has tags absent and is_not any tag")
    func noTags() {
        let facts = AutoSample.facts(AutoSample.ticket(tags: []))

        #expect(holds(RuleCondition(.tags, .absent), facts))
        #expect(holds(RuleCondition(.tags, .isNot, "vip"), facts))
        #expect(!holds(RuleCondition(.tags, .is, "vip"), facts))
    }

    // MARK: Custom fields

    @Test("Custom fields are tested by key, through their display text")
    func customFields() {
        let facts = AutoSample.facts(
            AutoSample.ticket(customFields: [
                "sistema": .option("SAP"), "patrimonio": .number(4521), "remoto": .checkbox(true),
                "descricao": .text("Tela azul ao iniciar o Windows"),
            ]))

        #expect(holds(RuleCondition(.customField("sistema"), .is, "sap"), facts))
        #expect(holds(RuleCondition(.customField("patrimonio"), .is, "4521"), facts))
        #expect(holds(RuleCondition(.customField("remoto"), .is, "true"), facts))
        #expect(holds(RuleCondition(.customField("descricao"), .contains, "tela azul"), facts))
        #expect(holds(RuleCondition(.customField("sistema"), .present), facts))
        #expect(holds(RuleCondition(.customField("centro_de_custo"), .absent), facts))
        #expect(!holds(RuleCondition(.customField("centro_de_custo"), .is, "sap"), facts))
    }

    @Test("The custom field key is read back from the field name")
    func customFieldKey() {
        #expect(RuleField.customField("sistema").rawValue == "custom_fields.sistema")
        #expect(RuleField.customField("sistema").customFieldKey == "sistema")
        #expect(RuleField.subject.customFieldKey == nil)
    }

    // MARK: Who and where

    @Test("Requester kind tells customers from employees, and is absent when unknown")
    func requesterKind() {
        let employee = AutoSample.facts(requesterKind: .employee)

        #expect(holds(RuleCondition(.requesterKind, .is, "employee"), employee))
        #expect(!holds(RuleCondition(.requesterKind, .is, "customer"), employee))
        #expect(holds(RuleCondition(.requesterKind, .absent), AutoSample.facts(requesterKind: nil)))
    }

    @Test("The receiving address routes by mailbox, whatever the case of the address")
    func receivingAddress() {
        let facts = AutoSample.facts(receivingAddress: "Suporte@Empresa.com.br")

        #expect(holds(RuleCondition(.receivingAddress, .is, "suporte@empresa.com.br"), facts))
        #expect(holds(RuleCondition(.receivingAddress, .is, "rh@empresa.com.br, SUPORTE@empresa.com.br"), facts))
        #expect(!holds(RuleCondition(.receivingAddress, .is, "rh@empresa.com.br"), facts))
        #expect(holds(RuleCondition(.receivingAddress, .absent), AutoSample.facts(receivingAddress: nil)))
    }

    @Test("The requester's email is compared without case and can be searched by domain words")
    func requesterEmail() {
        let facts = AutoSample.facts(requesterEmail: "Ana.Souza@Cliente.COM.br")

        #expect(holds(RuleCondition(.requesterEmail, .is, "ana.souza@cliente.com.br"), facts))
        #expect(holds(RuleCondition(.requesterEmail, .contains, "cliente.com.br"), facts))
        #expect(!holds(RuleCondition(.requesterEmail, .contains, "empresa.com.br"), facts))
    }

    @Test("The SLA condition sees the most pressing timer state, and is absent without a policy")
    func slaStatus() {
        #expect(holds(RuleCondition(.sla, .is, "breached, at_risk"), AutoSample.facts(slaStatus: .atRisk)))
        #expect(!holds(RuleCondition(.sla, .is, "breached"), AutoSample.facts(slaStatus: .running)))
        #expect(holds(RuleCondition(.sla, .absent), AutoSample.facts(slaStatus: nil)))
    }

    // MARK: Hours

    @Test("Hours since updated counts from the last update to the facts' fixed now")
    func hoursSinceUpdated() {
        let ticket = AutoSample.ticket(updatedAt: AutoSample.afterOpening(hours: 2))
        let facts = AutoSample.facts(ticket, now: AutoSample.afterOpening(hours: 74.5))  // 72.5 h after the update

        #expect(holds(RuleCondition(.hoursSinceUpdated, .greaterThan, "72"), facts))
        #expect(!holds(RuleCondition(.hoursSinceUpdated, .greaterThan, "73"), facts))
        #expect(holds(RuleCondition(.hoursSinceUpdated, .lessThan, "73"), facts))
        #expect(holds(RuleCondition(.hoursSinceUpdated, .greaterThan, " 72.25 "), facts))
        #expect(holds(RuleCondition(.hoursSinceCreated, .greaterThan, "74"), facts))
    }

    @Test("Greater and less than are strict: exactly 72 hours is neither more nor less than 72")
    func comparisonsAreStrict() {
        let facts = AutoSample.facts(now: AutoSample.afterOpening(hours: 72))

        #expect(!holds(RuleCondition(.hoursSinceCreated, .greaterThan, "72"), facts))
        #expect(!holds(RuleCondition(.hoursSinceCreated, .lessThan, "72"), facts))
    }

    @Test("Hours since solved does not hold either way on a ticket that was never solved")
    func hoursSinceSolvedOnUnsolvedTicket() {
        let unsolved = AutoSample.facts(now: AutoSample.afterOpening(hours: 100))
        let solved = AutoSample.facts(
            AutoSample.ticket(status: .solved, solvedAt: AutoSample.afterOpening(hours: 4)),
            now: AutoSample.afterOpening(hours: 100))

        #expect(!holds(RuleCondition(.hoursSinceSolved, .greaterThan, "24"), unsolved))
        #expect(!holds(RuleCondition(.hoursSinceSolved, .lessThan, "24"), unsolved))
        #expect(holds(RuleCondition(.hoursSinceSolved, .absent), unsolved))
        #expect(holds(RuleCondition(.hoursSinceSolved, .greaterThan, "95"), solved))
        #expect(!holds(RuleCondition(.hoursSinceSolved, .greaterThan, "96"), solved))
    }

    @Test("A number condition with a value that is not a number never holds")
    func nonNumericLimit() {
        let facts = AutoSample.facts(now: AutoSample.afterOpening(hours: 100))

        #expect(!holds(RuleCondition(.hoursSinceCreated, .greaterThan, "três dias"), facts))
        #expect(!holds(RuleCondition(.hoursSinceCreated, .lessThan, ""), facts))
    }

    @Test("Business hours since updated uses the department calendar through businessTime")
    func businessHoursUseTheCalendar() {
        let updated = AutoSample.afterOpening(hours: 1)
        let now = AutoSample.afterOpening(hours: 49)  // two calendar days later
        let ticket = AutoSample.ticket(updatedAt: updated)
        // A calendar that counts only a quarter of the time: 48 h of wall time are 12 business hours.
        let facts = AutoSample.facts(ticket, now: now, businessTime: { from, to in to.timeIntervalSince(from) / 4 })

        #expect(holds(RuleCondition(.businessHoursSinceUpdated, .lessThan, "13"), facts))
        #expect(holds(RuleCondition(.businessHoursSinceUpdated, .greaterThan, "11.5"), facts))
        #expect(holds(RuleCondition(.hoursSinceUpdated, .greaterThan, "47"), facts))
    }

    @Test("The business-time closure is asked for the span from the last update to now")
    func businessTimeArguments() {
        let updated = AutoSample.afterOpening(hours: 3)
        let now = AutoSample.afterOpening(hours: 10)
        let facts = AutoSample.facts(
            AutoSample.ticket(updatedAt: updated), now: now,
            businessTime: { from, to in from == updated && to == now ? 5 * 3_600 : 1_000 * 3_600 })

        #expect(holds(RuleCondition(.businessHoursSinceUpdated, .lessThan, "5.5"), facts))
        #expect(holds(RuleCondition(.businessHoursSinceUpdated, .greaterThan, "4.5"), facts))
    }

    @Test("Without a business calendar, business hours since updated falls back to calendar hours")
    func businessHoursFallback() {
        let facts = AutoSample.facts(now: AutoSample.afterOpening(hours: 30), businessTime: nil)

        #expect(holds(RuleCondition(.businessHoursSinceUpdated, .greaterThan, "29.5"), facts))
        #expect(holds(RuleCondition(.businessHoursSinceUpdated, .lessThan, "30.5"), facts))
    }

    // MARK: all / any

    @Test("All conditions must hold; with any conditions, at least one of them must hold too")
    func allAndAny() {
        let facts = AutoSample.facts(AutoSample.ticket(priority: .urgent, tags: ["vip"]))
        let urgent = RuleCondition(.priority, .is, "urgent")
        let low = RuleCondition(.priority, .is, "low")
        let vip = RuleCondition(.tags, .is, "vip")
        let chat = RuleCondition(.channel, .is, "chat")

        #expect(RuleConditions(all: [urgent, vip]).matches(facts))
        #expect(!RuleConditions(all: [urgent, chat]).matches(facts))
        #expect(RuleConditions(all: [urgent], any: [chat, vip]).matches(facts))
        #expect(!RuleConditions(all: [urgent], any: [chat, low]).matches(facts))
        #expect(!RuleConditions(all: [low], any: [vip]).matches(facts))
        #expect(RuleConditions(any: [low, vip]).matches(facts))
    }

    @Test("A rule without conditions matches every ticket")
    func emptyConditionsMatch() {
        #expect(RuleConditions().matches(AutoSample.facts()))
    }

    @Test("Conditions decode from JSON with value and any optional")
    func decodeConditions() throws {
        let json = #"{"all": [{"field": "tags", "operator": "absent"}, {"field": "subject", "operator": "contains", "value": "senha"}]}"#
        let conditions = try JSONDecoder().decode(RuleConditions.self, from: Data(json.utf8))

        #expect(conditions.any.isEmpty)
        #expect(conditions.all == [RuleCondition(.tags, .absent), RuleCondition(.subject, .contains, "senha")])
    }
}
