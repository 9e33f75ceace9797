import Foundation

/// Admins change how the portal looks and who may use it.
public struct PortalAdministration: Sendable {
    let settings: any PortalSettingsStore
    let blobs: any BlobStore

    public init(settings: any PortalSettingsStore, blobs: any BlobStore) {
        self.settings = settings
        self.blobs = blobs
    }

    /// Raster images only: an SVG logo could carry script into the portal's origin.
    public static let logoTypes: Set<String> = ["image/png", "image/jpeg", "image/gif", "image/webp"]
    public static let maxLogoBytes = 512 * 1024

    public struct Logo: Sendable {
        public let data: Data
        public let contentType: String
        public init(data: Data, contentType: String) {
            self.data = data
            self.contentType = contentType
        }
    }

    public enum LogoChange: Sendable {
        case keep
        case remove
        case replace(Logo)
    }

    /// Saves `new` (branding, sign-up, sharing, reopen window) with the logo change; returns what was saved.
    @discardableResult
    public func save(_ new: PortalSettings, logo: LogoChange, by agent: Agent) async throws -> PortalSettings {
        try DirectoryService.requireAdmin(agent)
        var saved = try new.validated()
        let current = try await settings.portalSettings()
        switch logo {
        case .keep:
            (saved.logoSHA256, saved.logoContentType) = (current.logoSHA256, current.logoContentType)
        case .remove:
            (saved.logoSHA256, saved.logoContentType) = (nil, nil)
        case .replace(let image):
            var collector = ValidationCollector()
            if !Self.logoTypes.contains(image.contentType.lowercased()) {
                collector.add("logo", "must be a PNG, JPEG, GIF or WebP image")
            }
            if image.data.count > Self.maxLogoBytes { collector.add("logo", "must be at most 512 KB") }
            try collector.check()
            saved.logoSHA256 = try await blobs.put(image.data)
            saved.logoContentType = image.contentType.lowercased()
        }
        try await settings.save(saved)
        return saved
    }
}
