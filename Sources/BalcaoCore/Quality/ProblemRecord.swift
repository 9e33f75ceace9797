import Foundation

/// A problem record (ITIL problem management): the one cause behind recurring tickets. Agents link tickets to it,
/// write down the root cause and a workaround, and solving it answers every linked request at once.
public struct ProblemRecord: Sendable, Hashable, Identifiable {
    public typealias ID = TypedID<ProblemRecord>

    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// The cause is not known yet.
        case investigating
        /// The cause is known (maybe with a workaround), not fixed yet.
        case knownError = "known_error"
        case solved
    }

    public static let maxTitleLength = 200
    public static let maxTextLength = 20_000

    public let id: ID
    public var title: String
    /// The complaint type it explains, if any (a taxonomy key).
    public var category: String?
    public var rootCause: String
    public var workaround: String
    public var status: Status
    /// The message sent to the linked requesters when it was solved.
    public var resolution: String?
    public let createdBy: Agent.ID
    public let createdAt: Date
    public var updatedAt: Date
    public var solvedAt: Date?

    public init(
        id: ID = ID(), title: String, category: String? = nil, rootCause: String = "", workaround: String = "",
        status: Status = .investigating, resolution: String? = nil, createdBy: Agent.ID, createdAt: Date,
        updatedAt: Date? = nil, solvedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.rootCause = rootCause
        self.workaround = workaround
        self.status = status
        self.resolution = resolution
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.solvedAt = solvedAt
    }

    func validated() throws -> ProblemRecord {
        var problem = self
        problem.title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        problem.category = category.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        var collector = ValidationCollector()
        collector.requireText(problem.title, field: "title", maxLength: Self.maxTitleLength)
        collector.limit(rootCause, field: "rootCause", maxLength: Self.maxTextLength)
        collector.limit(workaround, field: "workaround", maxLength: Self.maxTextLength)
        try collector.check()
        return problem
    }
}

public enum ProblemError: Error, Sendable, Hashable {
    case notFound(ProblemRecord.ID)
    /// A solved problem is final: reopen by recording a new one.
    case solved(ProblemRecord.ID)
}

extension TicketEvent.Field {
    /// The ticket was linked to a problem (new = its title) or unlinked (old = its title).
    public static let problem = TicketEvent.Field(rawValue: "problem")
}
