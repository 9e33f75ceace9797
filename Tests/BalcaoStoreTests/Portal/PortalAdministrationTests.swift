import BalcaoCore
import BalcaoStore
import BalcaoTestSupport
import Foundation
import Testing

@Suite("Portal administration")
struct PortalAdministrationTests {
    /// The eight bytes every PNG starts with, plus some payload.
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 64))

    @Test("An admin saves the branding and a logo; the logo is kept, replaced or removed as asked",
        arguments: TestDatabase.available)
    func brandingAndLogo(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let store = FluentPortalStore(context: desk.context, cacheFor: 0)
            let admin = PortalAdministration(settings: store, blobs: desk.blobs)
            let owner = try await desk.makeAdmin()
            let branding = PortalSettings(deskName: "  Acme Ajuda ", primaryColor: "#112233", employeeDomains: ["Acme.example"])

            let withLogo = try await admin.save(branding, logo: .replace(.init(data: Self.png, contentType: "image/PNG")), by: owner)
            let stored = try await desk.blobs.get(try #require(withLogo.logoSHA256))
            let kept = try await admin.save(branding, logo: .keep, by: owner)
            let removed = try await admin.save(branding, logo: .remove, by: owner)
            let read = try await store.portalSettings()

            #expect(withLogo.deskName == "Acme Ajuda" && withLogo.employeeDomains == ["acme.example"])
            #expect(withLogo.logoContentType == "image/png" && stored == Self.png)
            #expect(kept.logoSHA256 == withLogo.logoSHA256)
            #expect(removed.logoSHA256 == nil && read == removed)
        }
    }

    @Test("SVG or oversized logos and non-admins are refused, and nothing changes", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await TestDesk.run(database) { desk in
            let store = FluentPortalStore(context: desk.context, cacheFor: 0)
            let admin = PortalAdministration(settings: store, blobs: desk.blobs)
            let owner = try await desk.makeAdmin()
            let agent = try await desk.makeAgent(departments: [])
            let svg = PortalAdministration.Logo(data: Data("<svg onload='x()'/>".utf8), contentType: "image/svg+xml")
            let huge = PortalAdministration.Logo(
                data: Data(count: PortalAdministration.maxLogoBytes + 1), contentType: "image/png")

            await #expect(throws: ValidationError.self) {
                try await admin.save(PortalSettings(), logo: .replace(svg), by: owner)
            }
            await #expect(throws: ValidationError.self) {
                try await admin.save(PortalSettings(), logo: .replace(huge), by: owner)
            }
            await #expect(throws: DirectoryError.self) {
                try await admin.save(PortalSettings(deskName: "Minha"), logo: .keep, by: agent)
            }
            let read = try await store.portalSettings()
            #expect(read == PortalSettings())
        }
    }
}
