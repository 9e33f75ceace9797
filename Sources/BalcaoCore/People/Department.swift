import Foundation

/// A desk with its own agents, queue and rules: IT, HR (internal) or Customer Support, Suppliers (external).
public struct Department: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Department>

    /// Internal desks serve employees; external desks serve customers, suppliers and partners.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case `internal`, external
    }

    /// Tier 1 solves or escalates; tier 2 is the specialised team behind it.
    public enum Tier: Int, Sendable, Codable, CaseIterable {
        case first = 1
        case second = 2
    }

    public let id: ID
    public var name: String
    public var kind: Kind
    public var tier: Tier
    /// Where tier-1 tickets go when escalated; must be a tier-2 department.
    public var escalationTargetID: Department.ID?
    public var customFields: [CustomFieldDefinition]
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID = ID(), name: String, kind: Kind, tier: Tier = .first, escalationTargetID: Department.ID? = nil,
        customFields: [CustomFieldDefinition] = [], createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.tier = tier
        self.escalationTargetID = escalationTargetID
        self.customFields = customFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
