import Foundation
import Testing

@testable import BalcaoCore

@Suite("Complaint taxonomy")
struct ComplaintTaxonomyTests {
    static let tree = ComplaintTaxonomy(nodes: [
        .init(key: "product", label: "Produto", keywords: ["produto"]),
        .init(key: "delivery", label: "Entrega", parentKey: "product", keywords: ["entrega", "transportadora"]),
        .init(key: "delivery_late", label: "Atraso", parentKey: "delivery", keywords: ["atraso", "não chegou", "entrega"]),
        .init(key: "billing", label: "Cobrança", keywords: ["fatura", "cobrança em dobro"]),
    ])

    @Test("A type reads as its path; a category outside the tree reads as itself")
    func labels() {
        #expect(Self.tree.label(of: "delivery_late") == "Produto › Entrega › Atraso")
        #expect(Self.tree.label(of: "texto livre") == "texto livre")
        #expect(Self.tree.label(of: nil) == nil)
        #expect(Self.tree.outline.map(\.node.key) == ["billing", "product", "delivery", "delivery_late"])
        #expect(Self.tree.outline.map(\.depth) == [0, 0, 1, 2])
    }

    @Test("Suggestions match words without case, accents or plural, phrases in order, the most precise type first")
    func suggestions() {
        let late = Self.tree.suggestions(for: "Minha ENTREGA não chegou ainda")
        let plural = Self.tree.suggestions(for: "Duas faturas vieram erradas")
        let phrase = Self.tree.suggestions(for: "Houve cobranca em dobro no cartão")
        let scattered = Self.tree.suggestions(for: "Dobro da cobrança? Não entendi")
        let nothing = Self.tree.suggestions(for: "Quero mudar minha senha")

        #expect(late.map(\.key) == ["delivery_late", "delivery"])
        #expect(late.first?.matched == ["não chegou", "entrega"])
        #expect(plural.map(\.key) == ["billing"])
        #expect(phrase.map(\.key) == ["billing"])
        #expect(scattered.isEmpty, "a phrase's words out of order do not match")
        #expect(nothing.isEmpty)
    }

    @Test("Keys, labels, parents and windows are checked; loops and too-deep trees are refused",
        arguments: [
            ("bad key", ComplaintTaxonomy(nodes: [.init(key: "Entrega Atrasada", label: "x")])),
            ("twice", ComplaintTaxonomy(nodes: [.init(key: "a", label: "A"), .init(key: "a", label: "B")])),
            ("no label", ComplaintTaxonomy(nodes: [.init(key: "a", label: " ")])),
            ("unknown parent", ComplaintTaxonomy(nodes: [.init(key: "a", label: "A", parentKey: "z")])),
            ("loop", ComplaintTaxonomy(nodes: [.init(key: "a", label: "A", parentKey: "b"), .init(key: "b", label: "B", parentKey: "a")])),
            ("too deep", ComplaintTaxonomy(nodes: (0..<5).map { .init(key: "n\($0)", label: "N", parentKey: $0 == 0 ? nil : "n\($0 - 1)") })),
            ("windows", ComplaintTaxonomy(nodes: [.init(key: "a", label: "A")], recurrenceWindows: [0])),
        ])
    func invalid(_ name: String, _ taxonomy: ComplaintTaxonomy) {
        #expect(throws: ValidationError.self, "\(name)") { try taxonomy.validated() }
    }

    @Test("Saving trims what an admin typed and drops empty keywords")
    func trims() throws {
        let typed = ComplaintTaxonomy(
            nodes: [.init(key: " a ", label: " Atraso ", parentKey: " ", keywords: [" atraso ", ""])],
            recurrenceWindows: [30, 7, 30])
        let saved = try typed.validated()
        #expect(saved.nodes == [.init(key: "a", label: "Atraso", parentKey: nil, keywords: ["atraso"])])
        #expect(saved.recurrenceWindows == [7, 30])
    }
}

@Suite("Recurrence counter")
struct RecurrenceCounterTests {
    @Test("Counts earlier tickets of the category by the requester, their organization and everyone, per window")
    func counts() {
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let ana = Contact.ID(), bruno = Contact.ID(), acme = Organization.ID()
        func ticket(_ daysAgo: Double, _ who: Contact.ID, _ org: Organization.ID?, _ category: String = "late")
            -> RecurrenceSubject
        {
            RecurrenceSubject(
                ticketID: .init(), category: category, requesterID: who, organizationID: org,
                createdAt: t0.addingTimeInterval(-daysAgo * 86400))
        }
        let subject = ticket(0, ana, acme)
        let history = [
            ticket(1, ana, acme), ticket(10, ana, acme), ticket(40, ana, acme), ticket(5, bruno, acme),
            ticket(6, bruno, nil), ticket(2, ana, acme, "billing"), ticket(-1, ana, acme), subject,
        ]

        let counts = RecurrenceCounter.counts(for: subject, among: history, windows: [7, 30, 90])

        #expect(counts == [
            RecurrenceCount(days: 7, requester: 1, organization: 2, overall: 3),
            RecurrenceCount(days: 30, requester: 2, organization: 3, overall: 4),
            RecurrenceCount(days: 90, requester: 3, organization: 4, overall: 5),
        ])
        #expect(counts[1].requesterOrdinal == 3)
        #expect(RecurrenceCounter.headlineWindow([7, 30, 90]) == 30)
    }
}

@Suite("Quality report")
struct QualityReportTests {
    @Test("Counts per type against the period before, with trend, repeat customers and top organizations")
    func lines() {
        let to = Date(timeIntervalSince1970: 1_800_000_000)
        let from = to.addingTimeInterval(-7 * 86400)
        let ana = Contact.ID(), bruno = Contact.ID(), carla = Contact.ID(), acme = Organization.ID()
        func fact(_ category: String, _ who: Contact.ID, _ org: Organization.ID?, daysAgo: Double) -> QualityReport.Fact {
            .init(category: category, requesterID: who, organizationID: org, createdAt: to.addingTimeInterval(-daysAgo * 86400))
        }
        let lateNow: [QualityReport.Fact] = [
            fact("late", ana, acme, daysAgo: 0.5), fact("late", ana, acme, daysAgo: 1.5), fact("late", bruno, nil, daysAgo: 2.5),
            fact("late", carla, nil, daysAgo: 3.5), fact("late", carla, nil, daysAgo: 4.5), fact("late", carla, nil, daysAgo: 5.5),
        ]
        let lateBefore: [QualityReport.Fact] = [fact("late", bruno, nil, daysAgo: 8), fact("late", bruno, nil, daysAgo: 9)]
        let billing: [QualityReport.Fact] = [
            fact("billing", bruno, nil, daysAgo: 9), fact("billing", bruno, nil, daysAgo: 10),
            fact("billing", bruno, nil, daysAgo: 11), fact("billing", bruno, nil, daysAgo: 12),
            fact("billing", bruno, nil, daysAgo: 13), fact("billing", ana, acme, daysAgo: 1),
        ]
        let others: [QualityReport.Fact] = [
            fact("broken", carla, nil, daysAgo: 2), fact("broken", carla, nil, daysAgo: 10), fact("late", ana, acme, daysAgo: 20),
        ]
        let facts = lateNow + lateBefore + billing + others
        let taxonomy = ComplaintTaxonomy(nodes: [.init(key: "late", label: "Atraso")])

        let report = QualityReport(facts: facts, from: from, to: to, taxonomy: taxonomy)

        #expect(report.lines.map(\.key) == ["late", "billing", "broken"])
        #expect(report.lines[0].label == "Atraso" && report.lines[0].count == 6 && report.lines[0].previous == 2)
        #expect(report.lines[0].trend == .up && report.lines[0].change == 200)
        #expect(report.lines[0].repeatRequesters == 2)
        #expect(report.lines[0].topOrganizations.map(\.count) == [2])
        #expect(report.lines[1].trend == .down && report.lines[1].label == "billing")
        #expect(report.lines[2].trend == .flat)
        #expect(QualityReport.trend(3, 0) == .new && QualityReport.trend(11, 10) == .flat)
    }
}
