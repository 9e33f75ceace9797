import Foundation
import Testing

@testable import BalcaoCore

@Suite("Priority matrix (impact × urgency)")
struct PriorityMatrixTests {
    @Test(
        "The default matrix is ITIL's: every impact × urgency pair gives the textbook priority",
        arguments: [
            (TriageLevel.low, TriageLevel.low, TicketPriority.low), (.low, .medium, .low), (.low, .high, .normal),
            (.medium, .low, .low), (.medium, .medium, .normal), (.medium, .high, .high),
            (.high, .low, .normal), (.high, .medium, .high), (.high, .high, .urgent),
        ])
    func standardValues(impact: TriageLevel, urgency: TriageLevel, expected: TicketPriority) {
        #expect(PriorityMatrix.standard.priority(impact: impact, urgency: urgency) == expected)
    }

    @Test("The default matrix passes its own validation")
    func standardIsValid() {
        #expect(AutoSample.issues { try PriorityMatrix.standard.validate() }.isEmpty)
    }

    @Test("An admin can change one cell and the lookup follows it, leaving the other cells alone")
    func setCell() {
        var matrix = PriorityMatrix.standard
        matrix.set(.high, impact: .high, urgency: .low)

        #expect(matrix.priority(impact: .high, urgency: .low) == .high)
        #expect(matrix.priority(impact: .low, urgency: .high) == .normal)
        #expect(AutoSample.issues { try matrix.validate() }.isEmpty)
    }

    @Test("A cell above the cell with higher impact is refused, naming the cell and the impact")
    func notMonotonicInImpact() {
        var matrix = PriorityMatrix.standard
        matrix.set(.urgent, impact: .low, urgency: .high)  // medium impact × high urgency is only high

        let issues = AutoSample.issues { try matrix.validate() }

        #expect(issues.map(\.field) == ["cells.low.high"])
        #expect(issues.first?.message.contains("impact") == true)
    }

    @Test("A cell above the cell with higher urgency is refused, naming the cell and the urgency")
    func notMonotonicInUrgency() {
        var matrix = PriorityMatrix.standard
        matrix.set(.urgent, impact: .high, urgency: .low)  // high impact × medium urgency is only high

        let issues = AutoSample.issues { try matrix.validate() }

        #expect(issues.map(\.field) == ["cells.high.low"])
        #expect(issues.first?.message.contains("urgency") == true)
    }

    @Test("Lowering a cell reports every neighbour that now sits above it")
    func loweredCellReportsNeighbours() {
        var matrix = PriorityMatrix.standard
        matrix.set(.low, impact: .high, urgency: .high)

        let fields = Set(AutoSample.issues { try matrix.validate() }.map(\.field))

        #expect(fields == ["cells.high.medium", "cells.medium.high"])
    }

    @Test("A matrix where everything is urgent is dull but valid")
    func flatMatrixIsValid() {
        let matrix = PriorityMatrix(cells: Array(repeating: Array(repeating: .urgent, count: 3), count: 3))

        #expect(AutoSample.issues { try matrix.validate() }.isEmpty)
        #expect(matrix.priority(impact: .low, urgency: .low) == .urgent)
    }

    @Test(
        "A matrix that is not 3 × 3 is refused before any lookup",
        arguments: [
            [[TicketPriority]](),
            [[.low, .low, .normal], [.low, .normal, .high]],
            [[.low, .low, .normal], [.low, .normal], [.normal, .high, .urgent]],
            [[.low, .low, .normal, .high], [.low, .normal, .high, .high], [.normal, .high, .urgent, .urgent]],
        ])
    func wrongSize(cells: [[TicketPriority]]) {
        let issues = AutoSample.issues { try PriorityMatrix(cells: cells).validate() }

        #expect(issues.map(\.field) == ["cells"])
    }
}
