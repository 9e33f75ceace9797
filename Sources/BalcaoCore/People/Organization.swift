import Foundation

/// A company or group that contacts belong to; tickets of its members are grouped under it.
public struct Organization: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Organization>

    public let id: ID
    public var name: String
    /// Mail domains whose senders join this organization automatically (`empresa.com.br`).
    public var domains: [String]
    public var notes: String?
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID = ID(), name: String, domains: [String] = [], notes: String? = nil, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.domains = domains
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }
}
