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
}
