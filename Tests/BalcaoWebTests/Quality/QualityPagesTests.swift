import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Complaint types on the pages")
struct QualityPagesTests {
    /// The admin's form rows for Produto › Entrega › Atraso.
    static let rows: [(String, String)] = [
        ("key_0", "product"), ("label_0", "Produto"), ("parent_0", ""), ("keywords_0", ""),
        ("key_1", "delivery"), ("label_1", "Entrega"), ("parent_1", "product"), ("keywords_1", "entrega, transportadora"),
        ("key_2", "delivery_late"), ("label_2", "Atraso"), ("parent_2", "delivery"), ("keywords_2", "atraso, não chegou"),
        ("key_3", ""), ("label_3", ""), ("parent_3", ""), ("keywords_3", ""),
        ("windows", "7, 30, 90"),
    ]

    static func admin(_ app: TestApp) async throws -> PageSession {
        let admin = PageSession(app)
        try await admin.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
        return admin
    }

    static func ticket(_ app: TestApp, _ subject: String) async throws -> TicketDTO {
        try await app.post(
            "/api/v1/tickets",
            ["subject": .string(subject), "body": "Comprei na semana passada.",
             "requester": ["email": "joana@cliente.example", "name": "Joana Silva"]] as JSON
        ).json(TicketDTO.self)
    }

    /// The tree saved by the admin, and two tickets of the same customer about a delivery that did not arrive.
    static func twoLateDeliveries(_ app: TestApp) async throws
        -> (admin: PageSession, csrf: String, first: TicketDTO, second: TicketDTO)
    {
        let admin = try await Self.admin(app)
        let csrf = try #require(PageSession.csrf(in: try await admin.get("/agent/admin/quality").text))
        _ = try await admin.post("/agent/admin/quality", Self.rows, csrf: csrf)
        let first = try await Self.ticket(app, "Minha encomenda não chegou")
        let second = try await Self.ticket(app, "De novo: a entrega não chegou")
        return (admin, csrf, first, second)
    }

    @Test("An admin builds the tree; a bad key or parent is refused with a message and nothing is lost")
    func editTree() async throws {
        try await TestApp.run(.sqlite) { app in
            let admin = try await Self.admin(app)
            let csrf = try #require(PageSession.csrf(in: try await admin.get("/agent/admin/quality").text))

            let saved = try await admin.post("/agent/admin/quality", Self.rows, csrf: csrf)
            let badKey = try await admin.post(
                "/agent/admin/quality", Self.rows + [("key_4", "Com Espaço"), ("label_4", "Errado")], csrf: csrf)
            let page = try await admin.get("/agent/admin/quality").text
            let taxonomy = try await app.services.quality.taxonomy()

            #expect(saved.status == .seeOther)
            #expect(badKey.status == .unprocessableEntity && badKey.text.contains("lower-case letters"))
            #expect(badKey.text.contains("value=\"Com Espaço\""), "the typed row was lost")
            #expect(taxonomy.label(of: "delivery_late") == "Produto › Entrega › Atraso")
            #expect(taxonomy.node("delivery_late")?.keywords == ["atraso", "não chegou"])
            #expect(page.contains("value=\"delivery_late\"") && page.contains("value=\"7, 30, 90\""))
        }
    }

    @Test("A suggested type classifies in one click; the second report shows as a recurrence on the page and queue")
    func classifyAndRecurrence() async throws {
        try await TestApp.run(.sqlite) { app in
            let (admin, csrf, first, second) = try await Self.twoLateDeliveries(app)

            let firstPage = try await admin.get("/agent/tickets/\(first.number)").text
            let classified = try await admin.post(
                "/agent/tickets/\(first.number)/classify", [("category", "delivery_late")], csrf: csrf)
            let unknown = try await admin.post(
                "/agent/tickets/\(second.number)/classify", [("category", "inexistente")], csrf: csrf)
            _ = try await admin.post("/agent/tickets/\(second.number)/classify", [("category", "delivery_late")], csrf: csrf)
            let secondPage = try await admin.get("/agent/tickets/\(second.number)").text
            let firstAfter = try await admin.get("/agent/tickets/\(first.number)").text
            let queue = try await admin.get("/agent/queues/all").text
            let stored = try await app.get("/api/v1/tickets/\(first.number)").json(TicketDTO.self)

            #expect(firstPage.contains("id=\"complaint-panel\"") && firstPage.contains("data-key=\"delivery_late\""))
            #expect(classified.status == .seeOther && stored.category == "delivery_late")
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("no complaint type has the key inexistente"))
            #expect(secondPage.contains("2ª vez que este cliente relata “Produto › Entrega › Atraso” nos últimos 30 dias"))
            #expect(secondPage.contains("Últimos 7 dias: este cliente 1 · organização — · todos 1"))
            #expect(firstAfter.contains("Produto › Entrega › Atraso") && !firstAfter.contains("id=\"recurrence-headline\""))
            #expect(queue.contains("↻ 2ª vez em 30 dias"))
        }
    }

    @Test("A contact's incident history lists every ticket with its type and how many times it came up")
    func incidentHistory() async throws {
        try await TestApp.run(.sqlite) { app in
            let (admin, csrf, first, second) = try await Self.twoLateDeliveries(app)
            let other = try await Self.ticket(app, "Como troco a senha?")
            for ticket in [first, second] {
                _ = try await admin.post("/agent/tickets/\(ticket.number)/classify", [("category", "delivery_late")], csrf: csrf)
            }
            let ticketPage = try await admin.get("/agent/tickets/\(first.number)").text

            let page = try await admin.get("/agent/contacts/\(first.requesterId)/history").text
            let missing = try await admin.get("/agent/organizations/\(UUID())/history")

            #expect(ticketPage.contains("href=\"/agent/contacts/\(first.requesterId)/history\""))
            #expect(page.contains("Histórico de ocorrências — Joana Silva"))
            #expect(page.contains("<td>Produto › Entrega › Atraso</td><td class=\"num\">2</td>"))
            let order = [other.number, second.number, first.number].map { "data-number=\"\($0)\"" }
            let positions = order.compactMap { page.range(of: $0)?.lowerBound }
            #expect(positions.count == 3 && positions == positions.sorted(), "the timeline is not newest first")
            #expect(page.contains("2ª vez") && page.contains("1ª vez"))
            #expect(missing.status == .notFound)
        }
    }

    @Test("The quality report lists each type with its trend, drills down to its tickets and exports CSV and JSON")
    func report() async throws {
        try await TestApp.run(.sqlite) { app in
            let (admin, csrf, first, second) = try await Self.twoLateDeliveries(app)
            for ticket in [first, second] {
                _ = try await admin.post("/agent/tickets/\(ticket.number)/classify", [("category", "delivery_late")], csrf: csrf)
            }
            let agent = try await ChatRoutingTests.agent(app, "Beto Chat", "beto@balcao.example", in: [])

            let page = try await admin.get("/agent/quality?days=7").text
            let drill = try await admin.get("/agent/quality/tickets?category=delivery_late&days=7").text
            let csv = try await admin.get("/agent/quality/report.csv?days=7")
            let json = try await app.get("/api/v1/quality/report?days=7").json(QualityReportRows.self)
            let apiCSV = try await app.get("/api/v1/quality/report?days=7&format=csv")
            let badDays = try await app.get("/api/v1/quality/report?days=0")
            let forbidden = try await agent.session.get("/agent/quality")

            #expect(page.contains("data-key=\"delivery_late\"") && page.contains("Produto › Entrega › Atraso"))
            #expect(page.contains("trend-new"))
            #expect(drill.contains("data-number=\"\(first.number)\"") && drill.contains("data-number=\"\(second.number)\""))
            #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
            #expect(csv.text.hasPrefix("key,type,count,previous,trend,change_percent,repeat_requesters,top_organizations\r\n"))
            #expect(csv.text.contains("delivery_late,Produto › Entrega › Atraso,2,0,new,,1,"))
            #expect(json.rows.map(\.key) == ["delivery_late"] && json.rows.first?.repeatRequesters == 1)
            #expect(apiCSV.text == csv.text)
            #expect(badDays.status == .unprocessableEntity)
            #expect(forbidden.status == .forbidden)
        }
    }
}
