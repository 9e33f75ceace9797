import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Reports")
struct ReportsPagesTests {
    @Test("Volume per day and by department, channel and type, as SVG charts with tables and as CSV")
    func volume() async throws {
        try await TestApp.run(.sqlite) { app in
            let (admin, csrf, first, _) = try await QualityPagesTests.twoLateDeliveries(app)
            _ = try await admin.post("/agent/tickets/\(first.number)/classify", [("category", "delivery_late")], csrf: csrf)
            _ = try await QualityPagesTests.ticket(app, "Uma terceira pergunta")
            let agent = try await ChatRoutingTests.agent(app, "Beto Chat", "beto@balcao.example", in: [])

            let page = try await admin.get("/agent/reports").text
            let csv = try await admin.get("/agent/reports/volume.csv")
            let badRange = try await admin.get("/agent/reports?from=2026-12-10&to=2026-12-01")
            let notDates = try await admin.get("/agent/reports/volume.csv?from=ontem&to=hoje")
            let forbidden = try await agent.session.get("/agent/reports")

            #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\""))
            #expect(page.contains("id=\"report-total\">3<"))
            #expect(page.contains("Produto › Entrega › Atraso: 1"), "the type chart lacks its bar")
            #expect(page.contains("<td>E-mail</td><td class=\"num\">3</td>") || page.contains("<td class=\"num\">3</td>"))
            #expect(csv.status == .ok && csv.text.hasPrefix("dimension,value,label,count\r\n"))
            #expect(csv.text.contains("category,delivery_late,Produto › Entrega › Atraso,1\r\n"))
            #expect(csv.text.split(separator: "\r\n").filter { $0.hasPrefix("day,") }.count == 30)
            #expect(badRange.status == .unprocessableEntity && badRange.text.contains("must end after it starts"))
            #expect(notDates.status == .unprocessableEntity)
            #expect(forbidden.status == .forbidden)
        }
    }

    @Test("Chart labels are escaped and each bar carries its value")
    func chartEscapes() {
        let svg = SVGBarChart(title: "Tipos <b>", bars: [.init(label: "A & \"B\"", value: 3), .init(label: "C", value: 1)]).rows()
        #expect(svg.contains("<title>Tipos &lt;b&gt;</title>") && svg.contains("A &amp; &quot;B&quot;: 3"))
        #expect(!svg.contains("<b>"))
    }
}
