import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Triage and automation API")
struct AutomationAPITests {
    /// `{"data": [...]}` of any decodable item (the domain documents the API returns are not `Content`).
    struct Listed<Item: Decodable>: Decodable {
        let data: [Item]
    }

    /// Every day, all day.
    static let allDay: JSON = [["start": "00:00", "end": "24:00"]]

    /// A round-the-clock calendar in UTC, so due times are plain elapsed time.
    static let roundTheClock: JSON = [
        "name": "24 horas", "timeZoneIdentifier": "UTC",
        "weeklyHours": [
            "monday": Self.allDay, "tuesday": Self.allDay, "wednesday": Self.allDay, "thursday": Self.allDay,
            "friday": Self.allDay, "saturday": Self.allDay, "sunday": Self.allDay,
        ],
    ]

    /// Seconds per priority: urgent 1 h / 4 h, high 2 h / 8 h, normal 4 h / 24 h, low 8 h / 48 h.
    static let targets: JSON = [
        "urgent": ["firstResponse": 3600, "resolution": 14400],
        "high": ["firstResponse": 7200, "resolution": 28800],
        "normal": ["firstResponse": 14400, "resolution": 86400],
        "low": ["firstResponse": 28800, "resolution": 172800],
    ]

    /// A valid matrix that differs from the standard one: medium × medium is high.
    static let steeperMatrix: JSON = [
        "cells": [["low", "normal", "high"], ["normal", "high", "urgent"], ["high", "urgent", "urgent"]]
    ]

    /// A trigger on "boleto" in the subject that tags the ticket.
    static func boletoRule(name: String = "Boletos") -> JSON {
        [
            "kind": "trigger", "name": .string(name), "position": 10,
            "conditions": ["all": [["field": "subject", "operator": "contains", "value": "boleto"]]],
            "actions": [["type": "add_tags", "value": "financeiro"]],
        ]
    }

    static func createCalendar(_ app: TestApp) async throws -> BusinessCalendar {
        let reply = try await app.post("/api/v1/calendars", Self.roundTheClock)
        #expect(reply.status == .created, "\(reply.text)")
        return try reply.json(BusinessCalendar.self)
    }

    /// A catch-all policy (no conditions) on `calendar`.
    static func createPolicy(
        _ app: TestApp, calendar: BusinessCalendar, name: String = "Padrão", targets: JSON? = nil
    ) async throws -> SLAPolicy {
        let body: JSON = [
            "name": .string(name), "order": 10, "calendarId": .string(calendar.id.description),
            "targets": targets ?? Self.targets,
        ]
        let reply = try await app.post("/api/v1/sla-policies", body)
        #expect(reply.status == .created, "\(reply.text)")
        return try reply.json(SLAPolicy.self)
    }

    /// Opens a ticket from Joana Silva through the API; `extra` adds or replaces body keys.
    static func openTicket(_ app: TestApp, _ subject: String, extra: [String: JSON] = [:]) async throws -> TicketDTO {
        var fields: [String: JSON] = [
            "subject": .string(subject), "body": "Olá, preciso de ajuda.",
            "requester": ["email": "joana@cliente.example", "name": "Joana Silva"],
        ]
        fields.merge(extra) { _, new in new }
        let reply = try await app.post("/api/v1/tickets", JSON.object(fields))
        #expect(reply.status == .created, "\(reply.text)")
        return try reply.json(TicketDTO.self)
    }

    // MARK: Calendars and holidays

    @Test("Calendars: 201 with Location, read back and listed; holiday presets by country and year; bad hours are 422")
    func calendars() async throws {
        try await TestApp.run(.sqlite) { app in
            let weeklyHours: JSON = [
                "monday": [["start": "09:00", "end": "13:00"], ["start": "14:00", "end": "18:00"]],
                "friday": [["start": "09:00", "end": "17:00"]],
            ]
            let body: JSON = [
                "name": "Lisboa", "timeZoneIdentifier": "Europe/Lisbon", "weeklyHours": weeklyHours,
                "holidays": [["date": "2026-06-13", "name": "Santo António"]],
            ]
            let created = try await app.post("/api/v1/calendars", body)
            let calendar = try created.json(BusinessCalendar.self)
            let path = "/api/v1/calendars/\(calendar.id)"
            let fetched = try await app.get(path)
            let listed = try await app.get("/api/v1/calendars").json(Listed<BusinessCalendar>.self).data
            let portugal = try await app.get("/api/v1/calendars/holidays?country=PT&year=2026")
            let brazil = try await app.get("/api/v1/calendars/holidays?country=br&year=2026").json(Listed<Holiday>.self).data
            let spain = try await app.get("/api/v1/calendars/holidays?country=ES&year=2026")
            let nightShift: JSON = ["monday": [["start": "22:00", "end": "06:00"]]]
            let bad = try await app.post(
                "/api/v1/calendars", ["name": "Noite", "timeZoneIdentifier": "Marte/Olimpo", "weeklyHours": nightShift] as JSON)
            let badTime = try await app.post(
                "/api/v1/calendars",
                ["name": "Manhã", "timeZoneIdentifier": "UTC", "weeklyHours": ["monday": [["start": "9h", "end": "12:00"]]]] as JSON)

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == path)
            #expect(calendar.name == "Lisboa" && calendar.timeZoneIdentifier == "Europe/Lisbon")
            #expect(
                calendar.weeklyHours.monday
                    == [WorkingInterval(TimeOfDay(9), TimeOfDay(13)), WorkingInterval(TimeOfDay(14), TimeOfDay(18))])
            #expect(calendar.weeklyHours.saturday.isEmpty && calendar.weeklyHours.sunday.isEmpty)
            #expect(calendar.holidays == [Holiday(LocalDate(year: 2026, month: 6, day: 13), "Santo António")])
            #expect(calendar.observesOptionalHolidays)
            #expect(fetched.status == .ok)
            #expect(try fetched.json(BusinessCalendar.self) == calendar)
            #expect(listed.map(\.id) == [calendar.id])

            #expect(portugal.status == .ok)
            let portugueseDays = try portugal.json(Listed<Holiday>.self).data
            #expect(portugueseDays.contains(Holiday(LocalDate(year: 2026, month: 4, day: 25), "Dia da Liberdade")))
            #expect(portugueseDays.contains(Holiday(LocalDate(year: 2026, month: 4, day: 3), "Sexta-feira Santa")))
            #expect(portugueseDays.contains(Holiday(LocalDate(year: 2026, month: 2, day: 17), "Carnaval", isOptional: true)))
            #expect(portugueseDays.count == 14)
            #expect(brazil.contains(Holiday(LocalDate(year: 2026, month: 4, day: 21), "Tiradentes")))
            #expect(
                brazil.contains(Holiday(LocalDate(year: 2026, month: 11, day: 20), "Dia Nacional de Zumbi e da Consciência Negra")))
            #expect(brazil.contains(Holiday(LocalDate(year: 2026, month: 2, day: 16), "Carnaval (segunda-feira)", isOptional: true)))
            #expect(spain.status == .unprocessableEntity && spain.problem?.fields == ["country"])

            #expect(bad.status == .unprocessableEntity)
            #expect(Set(bad.problem?.fields ?? []) == ["timeZoneIdentifier", "weeklyHours.monday[0]", "weeklyHours"])
            #expect(badTime.status == .badRequest)
            #expect(try await app.get("/api/v1/calendars").json(Listed<BusinessCalendar>.self).data.count == 1)
        }
    }

    // MARK: SLA policies

    @Test("SLA policies name their calendar by calendarId; a negative target or an unknown calendar is 422 naming the field")
    func policies() async throws {
        try await TestApp.run(.sqlite) { app in
            let calendar = try await Self.createCalendar(app)
            let body: JSON = [
                "name": "Ouro", "order": 5, "calendarId": .string(calendar.id.description), "targets": Self.targets,
                "conditions": ["priorities": ["urgent", "high"]], "warningThreshold": .number(0.75),
            ]
            let created = try await app.post("/api/v1/sla-policies", body)
            let policy = try created.json(SLAPolicy.self)
            let fetched = try await app.get("/api/v1/sla-policies/\(policy.id)").json(SLAPolicy.self)
            let negative = try await app.post(
                "/api/v1/sla-policies",
                ["name": "Errada", "calendarId": .string(calendar.id.description),
                 "targets": ["urgent": ["firstResponse": .number(-60)]]] as JSON)
            let unknownCalendar = try await app.post(
                "/api/v1/sla-policies",
                ["name": "Sem calendário", "calendarId": .string(UUID().uuidString), "targets": Self.targets] as JSON)
            let calendarInUse = try await app.request(.DELETE, "/api/v1/calendars/\(calendar.id)")
            let listed = try await app.get("/api/v1/sla-policies").json(Listed<SLAPolicy>.self).data
            let policyDeleted = try await app.request(.DELETE, "/api/v1/sla-policies/\(policy.id)")
            let calendarDeleted = try await app.request(.DELETE, "/api/v1/calendars/\(calendar.id)")

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == "/api/v1/sla-policies/\(policy.id)")
            #expect(policy.calendarID == calendar.id && policy.order == 5 && policy.warningThreshold == 0.75)
            #expect(policy.targets.urgent.firstResponse == 3600 && policy.targets.low.resolution == 172800)
            #expect(policy.targets.urgent.nextResponse == nil)
            #expect(policy.conditions.priorities == [.urgent, .high])
            #expect(fetched == policy)
            #expect(negative.status == .unprocessableEntity)
            #expect(negative.headers.contentType?.subType == "problem+json")
            #expect(negative.problem?.fields == ["targets.urgent.firstResponse"])
            #expect(unknownCalendar.status == .unprocessableEntity)
            #expect(unknownCalendar.problem?.fields == ["calendarId"])
            #expect(calendarInUse.status == .conflict)
            #expect(calendarInUse.problem?.type.hasSuffix("in-use") == true)
            #expect(listed.map(\.id) == [policy.id])
            #expect(policyDeleted.status == .noContent && calendarDeleted.status == .noContent)
        }
    }

    // MARK: Priority matrix

    @Test("The priority matrix: standard until replaced with PUT; a matrix where priority drops as impact or urgency grows is 422")
    func matrix() async throws {
        try await TestApp.run(.sqlite) { app in
            let initial = try await app.get("/api/v1/triage/matrix")
            let put = try await app.request(.PUT, "/api/v1/triage/matrix", json: Self.steeperMatrix)
            let saved = try await app.get("/api/v1/triage/matrix").json(PriorityMatrix.self)
            let backwards = try await app.request(
                .PUT, "/api/v1/triage/matrix",
                json: ["cells": [["high", "low", "normal"], ["low", "normal", "high"], ["normal", "high", "urgent"]]] as JSON)
            let wrongSize = try await app.request(
                .PUT, "/api/v1/triage/matrix", json: ["cells": [["low", "normal"], ["high", "urgent"]]] as JSON)
            let after = try await app.get("/api/v1/triage/matrix").json(PriorityMatrix.self)

            #expect(initial.status == .ok)
            #expect(try initial.json(PriorityMatrix.self) == .standard)
            #expect(put.status == .ok)
            #expect(try put.json(PriorityMatrix.self) == saved)
            #expect(saved.cells == [[.low, .normal, .high], [.normal, .high, .urgent], [.high, .urgent, .urgent]])
            #expect(saved.priority(impact: .medium, urgency: .medium) == .high)
            #expect(backwards.status == .unprocessableEntity)
            #expect(backwards.problem?.fields.contains("cells.low.low") == true)
            #expect(wrongSize.status == .unprocessableEntity && wrongSize.problem?.fields == ["cells"])
            #expect(after == saved)
        }
    }

    @Test("Impact × urgency gives the matrix's priority on create and on PATCH; a priority sent with them wins")
    func impactAndUrgency() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await app.request(.PUT, "/api/v1/triage/matrix", json: Self.steeperMatrix)
            let rated = try await Self.openTicket(app, "VPN caiu", extra: ["impact": "medium", "urgency": "medium"])
            let lowImpact = try await Self.openTicket(app, "VPN lenta", extra: ["impact": "low", "urgency": "high"])
            let explicit = try await Self.openTicket(
                app, "VPN instável", extra: ["impact": "high", "urgency": "high", "priority": "low"])
            let path = "/api/v1/tickets/\(rated.id)"
            let lowered = try await app.patch(path, ["impact": "low", "urgency": "low"] as JSON).json(TicketDTO.self)
            let urgencyOnly = try await app.patch("/api/v1/tickets/\(rated.number)", ["urgency": "high"] as JSON)
                .json(TicketDTO.self)
            let withPriority = try await app.patch(path, ["impact": "high", "priority": "normal"] as JSON).json(TicketDTO.self)
            let cleared = try await app.patch(path, ["impact": nil] as JSON).json(TicketDTO.self)
            let events = try await app.get("\(path)/events").json(ListDTO<TicketEventDTO>.self).data

            #expect(rated.impact == .medium && rated.urgency == .medium && rated.priority == .high)
            #expect(lowImpact.priority == .high)
            #expect(explicit.priority == .low && explicit.impact == .high)
            #expect(lowered.priority == .low && lowered.impact == .low && lowered.urgency == .low)
            #expect(urgencyOnly.priority == .high)
            #expect(withPriority.priority == .normal && withPriority.impact == .high)
            #expect(cleared.impact == nil && cleared.priority == .normal)
            #expect(events.filter { $0.field == "priority" }.compactMap(\.newValue) == ["low", "high", "normal"])
        }
    }

    // MARK: Rules

    @Test(
        "A routing rule sets department, priority and tags on a matching new ticket; the SLA policy's due times follow",
        arguments: TestDatabase.available)
    func routingAndSLA(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let it = try await app.post("/api/v1/departments", ["name": "TI", "kind": "internal"] as JSON)
                .json(DepartmentDTO.self)
            let calendar = try await Self.createCalendar(app)
            let policy = try await Self.createPolicy(app, calendar: calendar)
            let rule: JSON = [
                "kind": "routing", "name": "Senhas para a TI", "position": 10,
                "conditions": ["all": [["field": "subject", "operator": "contains", "value": "senha, password"]]],
                "actions": [
                    ["type": "set_department", "value": .string(it.id.uuidString)],
                    ["type": "set_priority", "value": "urgent"],
                    ["type": "add_tags", "value": "acesso conta"],
                ],
            ]
            let created = try await app.post("/api/v1/rules", rule)
            let saved = try created.json(Rule.self)
            let listed = try await app.get("/api/v1/rules").json(Listed<Rule>.self).data
            let matching = try await Self.openTicket(app, "Esqueci a SENHA do e-mail")
            let other = try await Self.openTicket(app, "Impressora sem toner")
            let events = try await app.get("/api/v1/tickets/\(matching.id)/events").json(ListDTO<TicketEventDTO>.self).data

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == "/api/v1/rules/\(saved.id)")
            #expect(saved.kind == .routing && saved.isActive && saved.position == 10 && saved.actions.count == 3)
            #expect(saved.conditions.all == [RuleCondition(.subject, .contains, "senha, password")])
            #expect(listed.map(\.id) == [saved.id])

            #expect(matching.departmentId == it.id)
            #expect(matching.priority == .urgent)
            #expect(matching.tags.sorted() == ["acesso", "conta"])
            #expect(events.contains { $0.field == "rule" && $0.newValue == "Senhas para a TI" })
            let sla = try #require(matching.sla)
            let firstResponseDue = try #require(sla.firstResponse?.dueAt)
            let resolutionDue = try #require(sla.resolution?.dueAt)
            #expect(sla.policyId == policy.id.rawValue)
            #expect(abs(firstResponseDue.timeIntervalSince(matching.createdAt) - 3600) <= 1)
            #expect(abs(resolutionDue.timeIntervalSince(matching.createdAt) - 14400) <= 1)
            #expect(sla.nextDueAt == firstResponseDue)
            #expect(sla.firstResponse?.targetSeconds == 3600)
            #expect(sla.firstResponse?.breached == false && sla.firstResponse?.paused == false)
            #expect(sla.nextResponse?.startedAt == nil)

            #expect(other.departmentId == nil && other.priority == .normal && other.tags.isEmpty)
            let otherDue = try #require(other.sla?.firstResponse?.dueAt)
            #expect(abs(otherDue.timeIntervalSince(other.createdAt) - 14400) <= 1)
        }
    }

    @Test("POST /rules/preview lists the tickets a rule would match now, and saves nothing")
    func preview() async throws {
        try await TestApp.run(.sqlite) { app in
            let boleto = try await Self.openTicket(app, "Boleto vencido")
            _ = try await Self.openTicket(app, "Impressora sem toner")
            let urgent = try await Self.openTicket(app, "Segunda via do boleto", extra: ["priority": "urgent"])
            let narrowRule: JSON = [
                "kind": "trigger", "name": "Boletos urgentes",
                "conditions": [
                    "all": [
                        ["field": "subject", "operator": "contains", "value": "boleto"],
                        ["field": "priority", "operator": "is", "value": "urgent, high"],
                    ]
                ],
                "actions": [["type": "add_tags", "value": "financeiro"]],
            ]

            let preview = try await app.post("/api/v1/rules/preview", Self.boletoRule())
            let previewed = try preview.json(ListDTO<TicketDTO>.self).data
            let narrowed = try await app.post("/api/v1/rules/preview", narrowRule).json(ListDTO<TicketDTO>.self).data
            let invalid = try await app.post(
                "/api/v1/rules/preview", ["kind": "trigger", "name": "Sem ações", "actions": []] as JSON)
            let rules = try await app.get("/api/v1/rules").json(Listed<Rule>.self).data
            let untouched = try await app.get("/api/v1/tickets/\(boleto.id)").json(TicketDTO.self)

            #expect(preview.status == .ok)
            #expect(Set(previewed.map(\.number)) == [boleto.number, urgent.number])
            #expect(narrowed.map(\.number) == [urgent.number])
            #expect(invalid.status == .unprocessableEntity && invalid.problem?.fields == ["actions"])
            #expect(rules.isEmpty)
            #expect(untouched.tags.isEmpty)
        }
    }

    @Test("Invalid rules are 422 naming each field (a field its kind cannot test, a bad value); a bad kind is 400")
    func invalidRules() async throws {
        try await TestApp.run(.sqlite) { app in
            let priorityAction: JSON = [["type": "set_priority", "value": "high"]]
            let hoursInRouting: JSON = [
                "kind": "routing", "name": "Antigos",
                "conditions": ["all": [["field": "hours_since_created", "operator": "greater_than", "value": "48"]]],
                "actions": priorityAction,
            ]
            let badValues: JSON = [
                "kind": "trigger", "name": "Prioridade errada",
                "conditions": ["all": [["field": "priority", "operator": "is", "value": "asap"]]],
                "actions": [["type": "set_priority", "value": "já"]],
            ]
            let statusInRouting: JSON = [
                "kind": "routing", "name": "Resolve tudo", "actions": [["type": "set_status", "value": "solved"]],
            ]
            let timeRuleWithoutTime: JSON = [
                "kind": "time_rule", "name": "Sem relógio",
                "conditions": ["all": [["field": "status", "operator": "is", "value": "pending"]]],
                "actions": priorityAction,
            ]
            let ghostDepartment: JSON = [
                "kind": "routing", "name": "Departamento fantasma",
                "actions": [["type": "set_department", "value": .string(UUID().uuidString)]],
            ]
            let unknownKind: JSON = ["kind": "weekly", "name": "Semanal", "actions": priorityAction]
            let cases: [(JSON, HTTPStatus, [String])] = [
                (hoursInRouting, .unprocessableEntity, ["conditions.all[0].field"]),
                (badValues, .unprocessableEntity, ["conditions.all[0].value", "actions[0].value"]),
                (statusInRouting, .unprocessableEntity, ["actions[0].type"]),
                (timeRuleWithoutTime, .unprocessableEntity, ["conditions"]),
                (ghostDepartment, .unprocessableEntity, ["actions[0].value"]),
                (unknownKind, .badRequest, ["kind"]),
            ]
            for (body, status, fields) in cases {
                let reply = try await app.post("/api/v1/rules", body)

                #expect(reply.status == status, "\(fields)")
                #expect(reply.headers.contentType?.subType == "problem+json")
                #expect(Set(reply.problem?.fields ?? []) == Set(fields), "\(fields): \(reply.text)")
            }
            #expect(try await app.get("/api/v1/rules").json(Listed<Rule>.self).data.isEmpty)
        }
    }

    @Test("Documents by id: PUT replaces, DELETE removes (404 problem when unknown); an id of another kind is 409 id-taken",
        arguments: TestDatabase.available)
    func documentsByID(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let calendar = try await Self.createCalendar(app)
            let rule = try await app.post("/api/v1/rules", Self.boletoRule()).json(Rule.self)
            let path = "/api/v1/rules/\(rule.id)"

            let replaced = try await app.request(.PUT, path, json: Self.boletoRule(name: "Boletos e faturas"))
            let fetched = try await app.get(path).json(Rule.self)
            let clash = try await app.request(.PUT, "/api/v1/rules/\(calendar.id)", json: Self.boletoRule(name: "Intrusa"))
            let calendarAfter = try await app.get("/api/v1/calendars/\(calendar.id)").json(BusinessCalendar.self)
            let unknown = try await app.request(.DELETE, "/api/v1/rules/\(UUID())")
            let unknownGet = try await app.get("/api/v1/macros/\(UUID())")
            let notAnID = try await app.get("/api/v1/rules/nada")
            let freshID = UUID()
            let putNew = try await app.request(
                .PUT, "/api/v1/macros/\(freshID)", json: ["name": "Agradecer", "text": "Obrigado!"] as JSON)
            let macros = try await app.get("/api/v1/macros").json(Listed<Macro>.self).data
            let deleted = try await app.request(.DELETE, path)
            let gone = try await app.get(path)
            let rules = try await app.get("/api/v1/rules").json(Listed<Rule>.self).data

            #expect(replaced.status == .ok)
            #expect(try replaced.json(Rule.self).id == rule.id)
            #expect(fetched.id == rule.id && fetched.name == "Boletos e faturas")
            #expect(clash.status == .conflict)
            #expect(clash.headers.contentType?.subType == "problem+json")
            #expect(clash.problem?.type.hasSuffix("id-taken") == true)
            #expect(calendarAfter == calendar)
            #expect(unknown.status == .notFound)
            #expect(unknown.headers.contentType?.subType == "problem+json")
            #expect(unknown.problem?.status == 404)
            #expect(unknownGet.status == .notFound && unknownGet.problem?.status == 404)
            #expect(notAnID.status == .notFound)
            #expect(putNew.status == .ok)
            #expect(macros.map(\.id.rawValue) == [freshID])
            #expect(deleted.status == .noContent && gone.status == .notFound)
            #expect(rules.isEmpty)
        }
    }

    // MARK: Permissions

    @Test("A plain agent reads rules and macros and applies macros, but cannot change triage (403)")
    func plainAgents() async throws {
        try await TestApp.run(.sqlite) { app in
            _ = try await app.post("/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON)
            let token = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)
            let macro = try await app.post("/api/v1/macros", ["name": "Obrigado", "text": "Obrigado pelo contato!"] as JSON)
                .json(Macro.self)
            let ticket = try await Self.openTicket(app, "Dúvida sobre boleto")

            let createRule = try await app.request(.POST, "/api/v1/rules", json: Self.boletoRule(), token: token)
            let createMacro = try await app.request(
                .POST, "/api/v1/macros", json: ["name": "Meu", "text": "Oi"] as JSON, token: token)
            let matrix = try await app.request(.PUT, "/api/v1/triage/matrix", json: Self.steeperMatrix, token: token)
            let preview = try await app.request(.POST, "/api/v1/rules/preview", json: Self.boletoRule(), token: token)
            let calendar = try await app.request(.POST, "/api/v1/calendars", json: Self.roundTheClock, token: token)
            let macros = try await app.get("/api/v1/macros", token: token)
            let rules = try await app.get("/api/v1/rules", token: token)
            let readMatrix = try await app.get("/api/v1/triage/matrix", token: token)
            let applied = try await app.request(.POST, "/api/v1/tickets/\(ticket.number)/macros/\(macro.id)", token: token)
            let anonymous = try await app.get("/api/v1/macros", token: .some(nil))

            #expect(createRule.status == .forbidden)
            #expect(createRule.problem?.type.hasSuffix("forbidden") == true)
            #expect(createMacro.status == .forbidden && matrix.status == .forbidden)
            #expect(preview.status == .forbidden && calendar.status == .forbidden)
            #expect(macros.status == .ok)
            #expect(try macros.json(Listed<Macro>.self).data.map(\.id) == [macro.id])
            #expect(rules.status == .ok && readMatrix.status == .ok)
            #expect(applied.status == .ok)
            #expect(try applied.json(TicketDTO.self).status == .open)
            #expect(anonymous.status == .unauthorized)
            #expect(try await app.get("/api/v1/rules").json(Listed<Rule>.self).data.isEmpty)
            #expect(try await app.get("/api/v1/macros").json(Listed<Macro>.self).data.count == 1)
        }
    }

    // MARK: Macros

    @Test("Applying a macro changes the ticket's fields and adds its text, placeholders filled, as the agent's reply")
    func applyMacro() async throws {
        try await TestApp.run(.sqlite) { app in
            let body: JSON = [
                "name": "Pedir print", "position": 1, "messageKind": "reply",
                "text": "Olá {{requester.first_name}}, pode enviar um print do erro? (pedido {{ticket.number}})",
                "actions": [["type": "set_status", "value": "pending"], ["type": "add_tags", "value": "aguardando-print"]],
            ]
            let created = try await app.post("/api/v1/macros", body)
            let macro = try created.json(Macro.self)
            let ticket = try await Self.openTicket(app, "Erro ao emitir nota")

            let applied = try await app.request(.POST, "/api/v1/tickets/\(ticket.number)/macros/\(macro.id)")
            let after = try applied.json(TicketDTO.self)
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data
            let unknownMacro = try await app.request(.POST, "/api/v1/tickets/\(ticket.number)/macros/\(UUID())")
            let unknownTicket = try await app.request(.POST, "/api/v1/tickets/99999/macros/\(macro.id)")
            let mailing = try await app.post(
                "/api/v1/macros",
                ["name": "Mail", "actions": [["type": "notify", "recipient": "requester", "subject": "x", "body": "y"]]] as JSON)
            let empty = try await app.post("/api/v1/macros", ["name": "Nada"] as JSON)
            let badPlaceholder = try await app.post("/api/v1/macros", ["name": "Oi", "text": "Oi {{cliente.nome}}"] as JSON)

            #expect(created.status == .created)
            #expect(created.headers.first(name: .location) == "/api/v1/macros/\(macro.id)")
            #expect(macro.messageKind == .reply && macro.actions.count == 2 && macro.departmentIDs.isEmpty)
            #expect(applied.status == .ok)
            #expect(after.status == .pending)
            #expect(after.tags.contains("aguardando-print"))
            #expect(after.firstResponseAt != nil)
            #expect(messages.count == 2)
            let reply = try #require(messages.last)
            #expect(reply.kind == .reply && reply.author.type == "agent" && reply.author.id == app.admin.id.rawValue)
            #expect(reply.text.contains("Olá Joana, pode enviar um print do erro?"))
            #expect(reply.text.contains("\(ticket.number)"))
            #expect(!reply.text.contains("{{"))
            #expect(unknownMacro.status == .notFound && unknownMacro.problem?.status == 404)
            #expect(unknownTicket.status == .notFound)
            #expect(mailing.status == .unprocessableEntity && mailing.problem?.fields == ["actions[0].type"])
            #expect(empty.status == .unprocessableEntity && empty.problem?.fields == ["actions"])
            #expect(badPlaceholder.status == .unprocessableEntity && badPlaceholder.problem?.fields == ["text"])
        }
    }

    @Test("A macro of one department does not apply to a ticket of another (422)")
    func macroOfAnotherDepartment() async throws {
        try await TestApp.run(.sqlite) { app in
            let hr = try await app.post("/api/v1/departments", ["name": "RH", "kind": "internal"] as JSON).json(DepartmentDTO.self)
            let macro = try await app.post(
                "/api/v1/macros",
                ["name": "Férias", "departmentIds": [.string(hr.id.uuidString)],
                 "actions": [["type": "set_priority", "value": "low"]]] as JSON
            ).json(Macro.self)
            let ticket = try await Self.openTicket(app, "Sem departamento")

            let refused = try await app.request(.POST, "/api/v1/tickets/\(ticket.id)/macros/\(macro.id)")
            let after = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)

            #expect(macro.departmentIDs.map(\.rawValue) == [hr.id])
            #expect(refused.status == .unprocessableEntity && refused.problem?.fields == ["macroId"])
            #expect(after.priority == .normal)
        }
    }

    // MARK: Availability and assignment

    @Test("Availability: online until set; agents set their own, managers anyone's; GET reads it back")
    func availability() async throws {
        try await TestApp.run(.sqlite) { app in
            let bruno = try await app.post(
                "/api/v1/agents", ["name": "Bruno", "email": "bruno@acme.example", "role": "agent"] as JSON
            ).json(AgentDTO.self)
            let token = try await DeskSetup.createToken(email: "bruno@acme.example", name: "teste", services: app.services)
            let path = "/api/v1/agents/\(bruno.id)/availability"

            let before = try await app.get(path)
            let put = try await app.request(.PUT, path, json: ["availability": "away"] as JSON)
            let after = try await app.get(path)
            let own = try await app.request(.PUT, path, json: ["availability": "offline"] as JSON, token: token)
            let ownRead = try await app.get(path, token: token)
            let others = try await app.request(
                .PUT, "/api/v1/agents/\(app.admin.id)/availability", json: ["availability": "offline"] as JSON, token: token)
            let adminRead = try await app.get("/api/v1/agents/\(app.admin.id)/availability")
            let bad = try await app.request(.PUT, path, json: ["availability": "dormindo"] as JSON)
            let unknown = try await app.get("/api/v1/agents/\(UUID())/availability")
            let unknownPut = try await app.request(
                .PUT, "/api/v1/agents/\(UUID())/availability", json: ["availability": "away"] as JSON)

            #expect(before.status == .ok && before.object["availability"] as? String == "online")
            #expect(put.status == .noContent)
            #expect(after.object["availability"] as? String == "away")
            #expect(own.status == .noContent)
            #expect(ownRead.object["availability"] as? String == "offline")
            #expect(others.status == .forbidden)
            #expect(adminRead.object["availability"] as? String == "online")
            #expect(bad.status == .badRequest && bad.problem?.fields == ["availability"])
            #expect(unknown.status == .notFound && unknownPut.status == .notFound)
        }
    }

    @Test("A department's round-robin assignment skips agents who are away and takes turns among the others")
    func roundRobin() async throws {
        try await TestApp.run(.sqlite) { app in
            let it = try await app.post("/api/v1/departments", ["name": "TI", "kind": "internal"] as JSON).json(DepartmentDTO.self)
            let bruno = try await app.post(
                "/api/v1/agents",
                ["name": "Bruno", "email": "bruno@acme.example", "departmentIds": [.string(it.id.uuidString)]] as JSON
            ).json(AgentDTO.self)
            let carla = try await app.post(
                "/api/v1/agents",
                ["name": "Carla", "email": "carla@acme.example", "departmentIds": [.string(it.id.uuidString)]] as JSON
            ).json(AgentDTO.self)
            let path = "/api/v1/departments/\(it.id)/automation"
            let defaults = try await app.get(path).json(DepartmentAutomation.self)
            let saved = try await app.request(.PUT, path, json: ["assignment": "round_robin"] as JSON)
            let read = try await app.get(path).json(DepartmentAutomation.self)
            let inTI: [String: JSON] = ["departmentId": .string(it.id.uuidString)]

            _ = try await app.request(.PUT, "/api/v1/agents/\(bruno.id)/availability", json: ["availability": "away"] as JSON)
            let first = try await Self.openTicket(app, "Monitor piscando", extra: inTI)
            let second = try await Self.openTicket(app, "Teclado sem fio", extra: inTI)
            _ = try await app.request(.PUT, "/api/v1/agents/\(bruno.id)/availability", json: ["availability": "online"] as JSON)
            let third = try await Self.openTicket(app, "Mouse travando", extra: inTI)
            let fourth = try await Self.openTicket(app, "Webcam sem imagem", extra: inTI)
            let outside = try await Self.openTicket(app, "Sem departamento")
            let unknownCalendar = try await app.request(
                .PUT, path, json: ["assignment": "manual", "calendarId": .string(UUID().uuidString)] as JSON)
            let unknownDepartment = try await app.get("/api/v1/departments/\(UUID())/automation")

            #expect(defaults.assignment == .manual && defaults.calendarID == nil)
            #expect(saved.status == .ok)
            #expect(read.assignment == .roundRobin && read.departmentID.rawValue == it.id)
            #expect(first.assigneeId == carla.id && second.assigneeId == carla.id)
            #expect(third.assigneeId == bruno.id)
            #expect(fourth.assigneeId == carla.id)
            #expect(first.status == .open)
            #expect(outside.assigneeId == nil && outside.status == .new)
            #expect(unknownCalendar.status == .unprocessableEntity && unknownCalendar.problem?.fields == ["calendarId"])
            #expect(unknownDepartment.status == .notFound)
        }
    }

    // MARK: Scheduler

    @Test("A scheduler tick runs a time rule once per ticket and records an SLA breach once")
    func schedulerTick() async throws {
        try await TestApp.run(.sqlite) { app in
            let calendar = try await Self.createCalendar(app)
            _ = try await Self.createPolicy(
                app, calendar: calendar, name: "Relâmpago", targets: ["urgent": ["firstResponse": 1]] as JSON)
            let rule: JSON = [
                "kind": "time_rule", "name": "Novos sem dono",
                "conditions": [
                    "all": [
                        ["field": "status", "operator": "is", "value": "new"],
                        ["field": "hours_since_created", "operator": "greater_than", "value": "0"],
                    ]
                ],
                "actions": [["type": "add_tags", "value": "revisar"]],
            ]
            let created = try await app.post("/api/v1/rules", rule)
            let ticket = try await Self.openTicket(app, "Servidor fora do ar", extra: ["priority": "urgent"])
            try await Task.sleep(for: .milliseconds(1500))

            let first = try await app.services.automationRunner.tick()
            let second = try await app.services.automationRunner.tick()
            let after = try await app.get("/api/v1/tickets/\(ticket.id)").json(TicketDTO.self)
            let events = try await app.get("/api/v1/tickets/\(ticket.id)/events").json(ListDTO<TicketEventDTO>.self).data

            #expect(created.status == .created)
            #expect(first.timeRulesFired == 1 && first.breachesRecorded == 1)
            #expect(second.timeRulesFired == 0 && second.breachesRecorded == 0)
            #expect(after.tags == ["revisar"])
            #expect(after.sla?.firstResponse?.breached == true)
            #expect(events.filter { $0.field == "sla_breach" }.count == 1)
            #expect(events.filter { $0.field == "sla_breach" }.first?.oldValue == "first_response")
        }
    }
}
