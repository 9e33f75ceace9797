import BalcaoCore
import Foundation
import Testing

@Suite("Announcements")
struct AnnouncementTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func notice(_ audience: Announcement.Audience, endsAt: Date? = nil) -> Announcement {
        Announcement(
            title: LocalizedText([.portugueseBrazil: "Manutenção da VPN"]),
            body: LocalizedText([.portugueseBrazil: "Sábado das 8h às 12h."]), audience: audience, startsAt: start,
            endsAt: endsAt, createdAt: start)
    }

    @Test("Each audience reaches its readers, only while the notice runs")
    func audiences() {
        let readers: [PortalReader] = [.visitor, .contact(.customer), .contact(.employee), .agent]
        let during = Self.start.addingTimeInterval(60)
        #expect(readers.map { Self.notice(.everyone).isShown(to: $0, at: during) } == [true, true, true, true])
        #expect(readers.map { Self.notice(.customers).isShown(to: $0, at: during) } == [false, true, false, true])
        #expect(readers.map { Self.notice(.employees).isShown(to: $0, at: during) } == [false, false, true, true])

        let ended = Self.notice(.everyone, endsAt: Self.start.addingTimeInterval(3600))
        #expect(!ended.isShown(to: .visitor, at: Self.start.addingTimeInterval(-1)))
        #expect(ended.isShown(to: .visitor, at: Self.start))
        #expect(!ended.isShown(to: .visitor, at: Self.start.addingTimeInterval(3600)))
    }

    @Test("A department's notice reaches the users of that kind of desk")
    func departmentAudience() {
        let it = Department(name: "TI", kind: .internal, createdAt: Self.start)
        let support = Department(name: "Suporte", kind: .external, createdAt: Self.start)
        let during = Self.start.addingTimeInterval(60)
        let forIT = Self.notice(.department(it.id))
        #expect(forIT.isShown(to: .contact(.employee), at: during, department: it))
        #expect(!forIT.isShown(to: .contact(.customer), at: during, department: it))
        #expect(!forIT.isShown(to: .contact(.employee), at: during, department: support))
        #expect(!forIT.isShown(to: .visitor, at: during, department: it))
        #expect(Self.notice(.department(support.id)).isShown(to: .contact(.customer), at: during, department: support))
    }

    @Test("A notice needs a title, a body and a window that ends after it starts")
    func validation() {
        var notice = Self.notice(.everyone, endsAt: Self.start)
        notice.title = LocalizedText()
        var collector = ValidationCollector()
        notice.validate(into: &collector)
        #expect(collector.issues.map(\.field) == ["title", "endsAt"])
    }
}
