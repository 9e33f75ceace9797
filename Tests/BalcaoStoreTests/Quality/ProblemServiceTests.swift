import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Problem records")
struct ProblemServiceTests {
    @Test("Linked tickets share a problem; solving it answers and solves each open one once, and it stays solved",
        arguments: TestDatabase.available)
    func solveAnswersEveryLinkedTicket(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let agent = try await desk.makeAdmin()
            let problems = ProblemService(
                store: FluentProblemStore(context: desk.context), service: desk.ticketService, tickets: desk.tickets,
                clock: desk.clock)
            func open(_ subject: String, _ email: String) async throws -> Ticket {
                try await desk.ticketService.open(
                    OpenTicket(
                        subject: subject, body: MessageBody(text: "Não consigo pagar com cartão."),
                        requester: .email(EmailAddress(email)!, name: nil, kind: nil), channel: .email),
                    by: .system)
            }
            let first = try await open("Pagamento recusado", "ana@cliente.example")
            let second = try await open("Cartão não passa", "bruno@cliente.example")
            let alreadySolved = try await open("Erro no cartão", "carla@cliente.example")
            var solve = TicketChanges()
            solve.status = .solved
            _ = try await desk.ticketService.update(alreadySolved.id, solve, by: .agent(agent.id))

            let problem = try await problems.open(
                ProblemRecord(title: "Gateway de pagamento fora do ar", rootCause: "Certificado expirado", createdBy: agent.id,
                              createdAt: desk.clock.now),
                linking: first.id, by: agent)
            try await problems.link(second.id, to: problem.id, by: agent)
            try await problems.link(alreadySolved.id, to: problem.id, by: agent)
            try await problems.link(second.id, to: problem.id, by: agent)
            let answered = try await problems.solve(problem.id, message: "Corrigimos o gateway; pode tentar de novo.", by: agent)
            let stored = try #require(try await problems.problem(problem.id))
            let firstMessages = try await desk.tickets.messages(of: first.id)
            let solvedMessages = try await desk.tickets.messages(of: alreadySolved.id)
            let history = try await desk.tickets.events(of: second.id).filter { $0.field == .problem }

            #expect(answered == 2)
            #expect(stored.status == .solved && stored.resolution == "Corrigimos o gateway; pode tentar de novo.")
            #expect(try await problems.tickets(of: problem.id).map(\.id) == [first.id, second.id, alreadySolved.id])
            #expect(try await desk.tickets.ticket(first.id)?.status == .solved)
            #expect(firstMessages.last?.kind == .reply && firstMessages.last?.text == "Corrigimos o gateway; pode tentar de novo.")
            #expect(solvedMessages.count == 1, "an already solved ticket was answered again")
            #expect(history.count == 1 && history.first?.newValue == "Gateway de pagamento fora do ar")
            await #expect(throws: ProblemError.solved(problem.id)) {
                _ = try await problems.solve(problem.id, message: "De novo", by: agent)
            }
            await #expect(throws: ValidationError.self) {
                _ = try await problems.open(
                    ProblemRecord(title: " ", createdBy: agent.id, createdAt: desk.clock.now), by: agent)
            }
        }
    }
}
