import Foundation

/// How the portal looks and who may use it. Admins change it on the settings page; every portal page reads it.
public struct PortalSettings: Sendable, Hashable, Codable {
    /// Whether people the desk does not know yet may create a portal account themselves.
    public enum SignUp: String, Sendable, Codable, CaseIterable {
        /// Only contacts the desk already has (from mail, the API, an agent) can sign in, by a link sent to them.
        case closed
        /// Anyone may sign up; the account exists once they open the link mailed to them.
        case open
    }

    public var deskName: String
    /// The logo's blob (SHA-256 in the blob store); nil shows the desk name only.
    public var logoSHA256: String?
    public var logoContentType: String?
    /// `#rrggbb`: header and buttons.
    public var primaryColor: String
    /// `#rrggbb`: links and highlights.
    public var accentColor: String
    public var signUp: SignUp
    /// People signing up with an address under one of these domains are employees; everyone else a customer.
    public var employeeDomains: [String]
    /// Whether members of an organization see each other's requests (read-only) besides their own.
    public var showsOrganizationRequests: Bool
    /// How long after a request is solved its requester may reopen it from the portal; later they open a new one.
    public var reopenWindowDays: Int

    public init(
        deskName: String = "Balcão", logoSHA256: String? = nil, logoContentType: String? = nil,
        primaryColor: String = "#0f5ba7", accentColor: String = "#c2410c", signUp: SignUp = .open,
        employeeDomains: [String] = [], showsOrganizationRequests: Bool = false, reopenWindowDays: Int = 7
    ) {
        self.deskName = deskName
        self.logoSHA256 = logoSHA256
        self.logoContentType = logoContentType
        self.primaryColor = primaryColor
        self.accentColor = accentColor
        self.signUp = signUp
        self.employeeDomains = employeeDomains
        self.showsOrganizationRequests = showsOrganizationRequests
        self.reopenWindowDays = reopenWindowDays
    }

    public static let maxReopenWindowDays = 365

    /// The kind a new portal account gets: employees by their company's mail domain (or a subdomain of it:
    /// `rh.empresa.com.br` under `empresa.com.br`), customers otherwise.
    public func kind(forEmail email: EmailAddress) -> Contact.Kind {
        let domain = email.value.split(separator: "@").last.map { $0.lowercased() } ?? ""
        let isEmployee = employeeDomains.map { $0.lowercased() }.contains { domain == $0 || domain.hasSuffix("." + $0) }
        return isEmployee ? .employee : .customer
    }

    /// Trims and lower-cases the domains, then checks every field.
    public func validated() throws -> PortalSettings {
        var settings = self
        settings.deskName = deskName.trimmingCharacters(in: .whitespacesAndNewlines)
        settings.employeeDomains = Array(
            Set(employeeDomains.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        ).sorted()
        var collector = ValidationCollector()
        collector.requireText(settings.deskName, field: "deskName", maxLength: 80)
        for (field, color) in [("primaryColor", primaryColor), ("accentColor", accentColor)]
        where !Self.isColor(color) {
            collector.add(field, "must be a colour as #rrggbb")
        }
        if !(0...Self.maxReopenWindowDays).contains(reopenWindowDays) {
            collector.add("reopenWindowDays", "must be from 0 to \(Self.maxReopenWindowDays)")
        }
        for domain in settings.employeeDomains where !DirectoryService.isDomain(domain) {
            collector.add("employeeDomains", "\(domain) is not a mail domain")
        }
        try collector.check()
        return settings
    }

    static func isColor(_ text: String) -> Bool {
        text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit)
    }
}
