import Foundation

/// What an SLA measures on a ticket.
public enum SLAMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Creation until the first public agent reply.
    case firstResponse = "first_response"
    /// A requester's reply (once the first response is done) until the agent answers it.
    case nextResponse = "next_response"
    /// Creation until solved, less the time spent waiting on the requester.
    case resolution
}

/// Business-time targets for one priority; nil means that metric is not tracked for it.
public struct SLATargets: Sendable, Hashable, Codable {
    /// Seconds of business time.
    public var firstResponse: TimeInterval?
    public var nextResponse: TimeInterval?
    public var resolution: TimeInterval?

    public init(
        firstResponse: TimeInterval? = nil, nextResponse: TimeInterval? = nil, resolution: TimeInterval? = nil
    ) {
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
    }

    public subscript(metric: SLAMetric) -> TimeInterval? {
        switch metric {
        case .firstResponse: firstResponse
        case .nextResponse: nextResponse
        case .resolution: resolution
        }
    }
}

/// One `SLATargets` per priority. A struct rather than a dictionary so every priority is always answered and the
/// JSON reads `{"urgent": {"firstResponse": 3600}}`.
public struct SLAPriorityTargets: Sendable, Hashable, Codable {
    public var low: SLATargets
    public var normal: SLATargets
    public var high: SLATargets
    public var urgent: SLATargets

    public init(
        low: SLATargets = SLATargets(), normal: SLATargets = SLATargets(), high: SLATargets = SLATargets(),
        urgent: SLATargets = SLATargets()
    ) {
        self.low = low
        self.normal = normal
        self.high = high
        self.urgent = urgent
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        low = try container.decodeIfPresent(SLATargets.self, forKey: .low) ?? SLATargets()
        normal = try container.decodeIfPresent(SLATargets.self, forKey: .normal) ?? SLATargets()
        high = try container.decodeIfPresent(SLATargets.self, forKey: .high) ?? SLATargets()
        urgent = try container.decodeIfPresent(SLATargets.self, forKey: .urgent) ?? SLATargets()
    }

    public subscript(priority: TicketPriority) -> SLATargets {
        get {
            switch priority {
            case .low: low
            case .normal: normal
            case .high: high
            case .urgent: urgent
            }
        }
        set {
            switch priority {
            case .low: low = newValue
            case .normal: normal = newValue
            case .high: high = newValue
            case .urgent: urgent = newValue
            }
        }
    }
}
extension SLAMetric: CodingKeyRepresentable {}
