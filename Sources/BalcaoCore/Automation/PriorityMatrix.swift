import Foundation

/// How much of the business a request touches (impact) or how soon it hurts (urgency), on ITIL's three steps.
public enum TriageLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case low, medium, high
}

/// The priority ruler: priority looked up from impact × urgency. The admin edits the nine cells; the default is
/// ITIL's matrix (high × high is urgent, the diagonal below it high, …).
public struct PriorityMatrix: Sendable, Hashable, Codable {
    /// `cells[impact][urgency]`, both indexed in `TriageLevel.allCases` order (low, medium, high).
    public var cells: [[TicketPriority]]

    public init(cells: [[TicketPriority]]) { self.cells = cells }

    public static let standard = PriorityMatrix(cells: [
        [.low, .low, .normal],  // low impact
        [.low, .normal, .high],  // medium impact
        [.normal, .high, .urgent],  // high impact
    ])

    public func priority(impact: TriageLevel, urgency: TriageLevel) -> TicketPriority {
        cells[impact.index][urgency.index]
    }

    public mutating func set(_ priority: TicketPriority, impact: TriageLevel, urgency: TriageLevel) {
        cells[impact.index][urgency.index] = priority
    }

    /// The matrix must be 3×3, and a higher impact or urgency never lowers the priority (else the ruler lies).
    public func validate() throws(ValidationError) {
        var issues = ValidationCollector()
        let size = TriageLevel.allCases.count
        guard cells.count == size, cells.allSatisfy({ $0.count == size }) else {
            throw ValidationError(field: "cells", "must be \(size) rows of \(size) priorities (impact × urgency)")
        }
        for impact in TriageLevel.allCases {
            for urgency in TriageLevel.allCases {
                let here = priority(impact: impact, urgency: urgency)
                let field = "cells.\(impact.rawValue).\(urgency.rawValue)"
                if let higher = impact.next, priority(impact: higher, urgency: urgency) < here {
                    issues.add(field, "is above the cell with \(higher.rawValue) impact; priority must grow with impact")
                }
                if let higher = urgency.next, priority(impact: impact, urgency: higher) < here {
                    issues.add(field, "is above the cell with \(higher.rawValue) urgency; priority must grow with urgency")
                }
            }
        }
        try issues.check()
    }
}

extension TriageLevel {
    var index: Int { Self.allCases.firstIndex(of: self)! }
    var next: TriageLevel? { index + 1 < Self.allCases.count ? Self.allCases[index + 1] : nil }
}
