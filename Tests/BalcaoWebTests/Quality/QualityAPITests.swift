import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Quality through the REST API")
struct QualityAPITests {
    static let taxonomy: JSON = [
        "nodes": [
            ["key": "delivery", "label": "Entrega", "keywords": ["entrega"]],
            ["key": "delivery_late", "label": "Atraso", "parentKey": "delivery", "keywords": ["atraso"]],
        ],
        "recurrenceWindows": [7, 30],
    ]

    @Test("The taxonomy, a ticket's recurrence and a contact's incident history", arguments: TestDatabase.available)
    func taxonomyRecurrenceHistory(_ database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let saved = try await app.request(.PUT, "/api/v1/quality/taxonomy", json: Self.taxonomy)
            let bad = try await app.request(
                .PUT, "/api/v1/quality/taxonomy", json: ["nodes": [["key": "X Y", "label": "x"]]] as JSON)
            var numbers: [Int] = []
            for subject in ["Entrega atrasada", "Atraso de novo", "Ainda atrasado"] {
                let ticket = try await QualityPagesTests.ticket(app, subject)
                _ = try await app.patch("/api/v1/tickets/\(ticket.id)", ["category": "delivery_late"] as JSON)
                numbers.append(ticket.number)
            }
            let recurrence = try await app.get("/api/v1/tickets/\(numbers[2])/recurrence").json(RecurrenceDTO.self)
            let requester = try await app.get("/api/v1/tickets/\(numbers[0])").json(TicketDTO.self).requesterId
            let history = try await app.get("/api/v1/contacts/\(requester)/history").json(IncidentHistoryDTO.self)
            let missing = try await app.get("/api/v1/contacts/\(UUID())/history")

            #expect(saved.status == .ok && bad.status == .unprocessableEntity)
            #expect(recurrence.label == "Entrega › Atraso")
            #expect(recurrence.windows.map(\.requester) == [2, 2] && recurrence.windows.map(\.days) == [7, 30])
            #expect(history.tickets.map(\.number) == numbers.reversed())
            #expect(history.tickets.map(\.occurrence) == [3, 2, 1])
            #expect(history.types.first?.label == "Entrega › Atraso" && history.types.first?.count == 3)
            #expect(missing.status == .notFound)
        }
    }

    @Test("Problems: create, link a ticket, update, solve; a solved problem refuses changes")
    func problems() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await QualityPagesTests.ticket(app, "Pagamento recusado")
            let created = try await app.post(
                "/api/v1/problems", ["title": "Gateway fora do ar", "status": "investigating"] as JSON)
            let problem = try created.json(ProblemDTO.self)
            let linked = try await app.request(
                .PUT, "/api/v1/tickets/\(ticket.number)/problem", json: ["problemId": .string(problem.id.uuidString)] as JSON)
            let updated = try await app.patch(
                "/api/v1/problems/\(problem.id)", ["rootCause": "Certificado expirado", "status": "known_error"] as JSON
            ).json(ProblemDTO.self)
            let solved = try await app.post(
                "/api/v1/problems/\(problem.id)/solve", ["message": "Resolvido: certificado renovado."] as JSON
            ).json(ProblemDTO.self)
            let listed = try await app.get("/api/v1/problems?status=solved").json(ListDTO<ProblemDTO>.self).data
            let afterSolve = try await app.patch("/api/v1/problems/\(problem.id)", ["title": "Outro"] as JSON)
            let badStatus = try await app.get("/api/v1/problems?status=aberto")
            let stored = try await app.get("/api/v1/tickets/\(ticket.number)").json(TicketDTO.self)

            #expect(created.status == .created)
            #expect(linked.status == .noContent)
            #expect(updated.rootCause == "Certificado expirado" && updated.status == .knownError)
            #expect(updated.ticketNumbers == [ticket.number])
            #expect(solved.status == .solved && solved.resolution == "Resolvido: certificado renovado.")
            #expect(listed.map(\.id) == [problem.id] && listed.first?.linkedTickets == 1)
            #expect(afterSolve.status == .conflict)
            #expect(badStatus.status == .unprocessableEntity)
            #expect(stored.status == .solved)
        }
    }
}
