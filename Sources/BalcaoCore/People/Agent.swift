import Foundation

/// Someone who works tickets. Admins configure the desk, supervisors oversee departments, agents answer.
public struct Agent: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<Agent>

    public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
        case agent, supervisor, admin

        public static func < (lhs: Self, rhs: Self) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public let id: ID
    public var name: String
    public var email: EmailAddress
    public var role: Role
    public var departmentIDs: [Department.ID]
    public var languageTag: String?
    public var timeZone: String?
    /// Deactivated agents keep their history but cannot sign in, use tokens or be assigned.
    public var isActive: Bool
    public let createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID = ID(), name: String, email: EmailAddress, role: Role = .agent, departmentIDs: [Department.ID] = [],
        languageTag: String? = nil, timeZone: String? = nil, isActive: Bool = true, createdAt: Date,
        updatedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.departmentIDs = departmentIDs
        self.languageTag = languageTag
        self.timeZone = timeZone
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Admins may assign themselves anywhere; others only within their departments.
    public func canWork(in department: Department.ID?) -> Bool {
        guard let department else { return true }
        return role == .admin || departmentIDs.contains(department)
    }
}
