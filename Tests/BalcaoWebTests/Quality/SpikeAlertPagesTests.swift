import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Demand alerts on the pages")
struct SpikeAlertPagesTests {
    @Test("Supervisors see an open alert as a banner on every page and in the history; others do not")
    func bannerAndHistory() async throws {
        try await TestApp.run(.sqlite) { app in
            let department = try await ChatProtocolTests.chatDesk(app)
            let now = app.services.clock.now
            let alert = SpikeAlert(
                key: DemandSeriesKey(departmentID: department.rawValue.uuidString), openedAt: now, observed: 31,
                expected: 4.2, threshold: 12, peak: 31, peakAt: now)
            let ticket = try await QualityPagesTests.ticket(app, "Site fora do ar")
            try await app.services.demandStore.save(alert, examples: [TicketNumber(ticket.number)])
            let admin = try await QualityPagesTests.admin(app)
            let agent = try await ChatRoutingTests.agent(app, "Beto Chat", "beto@balcao.example", in: [department])

            let adminPage = try await admin.get("/agent/queues/all").text
            let history = try await admin.get("/agent/alerts").text
            let agentPage = try await agent.session.get("/agent/queues/all").text
            let agentHistory = try await agent.session.get("/agent/alerts")

            #expect(adminPage.contains("class=\"alert spike-alert\"") && adminPage.contains("⚠ Loja online: 31 / ~4"))
            #expect(history.contains("Loja online") && history.contains("aberto") && history.contains("href=\"/agent/tickets/\(ticket.number)\""))
            #expect(!agentPage.contains("spike-alert"))
            #expect(agentHistory.status == .forbidden)
        }
    }

    @Test("An alert that opens reaches the supervisor's open page at once")
    func live() async throws {
        try await TestApp.run(.sqlite) { app in
            let admin = PageSession(app)
            try await admin.signIn(email: "ana@balcao.example", password: "senha-muito-segura")
            let workspace = try await ChatClient.workspace(app, session: admin, agent: app.admin.id)
            let now = app.services.clock.now
            let alert = SpikeAlert(
                key: DemandSeriesKey(), openedAt: now, observed: 50, expected: 10, threshold: 25, peak: 50, peakAt: now)

            await app.services.spikes.publish(.init(alert: alert, series: "Toda a central", audience: [app.admin.id]))
            let frame = await workspace.frames(until: "spike").last

            #expect(frame?.type == "spike" && frame?.text == "⚠ Toda a central: 50 / ~10")
            try await workspace.close()
        }
    }
}
