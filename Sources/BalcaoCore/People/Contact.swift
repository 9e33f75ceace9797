import Foundation

/// Someone who asks for help: an external customer or one of the company's own employees.
public struct Contact: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Contact>

    public enum Kind: String, Sendable, Codable, CaseIterable {
        case customer, employee
    }

    public let id: ID
    public var kind: Kind
    public var name: String
    /// The first address is the primary one (replies go there); all are matched on incoming mail.
    public var emails: [EmailAddress]
    public var phone: String?
    public var organizationID: Organization.ID?
    public var languageTag: String?
    public var timeZone: String?
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID = ID(), kind: Kind = .customer, name: String, emails: [EmailAddress], phone: String? = nil,
        organizationID: Organization.ID? = nil, languageTag: String? = nil, timeZone: String? = nil,
        createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.emails = emails
        self.phone = phone
        self.organizationID = organizationID
        self.languageTag = languageTag
        self.timeZone = timeZone
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public var primaryEmail: EmailAddress? { emails.first }
}
