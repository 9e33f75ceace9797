import Foundation
import Testing

@testable import BalcaoCore

@Suite("ManualClock")
struct ManualClockTests {
    @Test("Time stands still until the clock is told to move")
    func standsStill() {
        let clock = ManualClock(Samples.opened)

        let first = clock.now
        let second = clock.now

        #expect(first == Samples.opened)
        #expect(second == Samples.opened)
    }

    @Test("advance(by:) moves time forward by the given seconds")
    func advances() {
        let clock = ManualClock(Samples.opened)

        clock.advance(by: 3_600)
        clock.advance(by: 3_600)

        #expect(clock.now == Samples.later)
    }

    @Test("set(_:) jumps to the given instant, even backwards")
    func sets() {
        let clock = ManualClock(Samples.later)

        clock.set(Samples.opened)

        #expect(clock.now == Samples.opened)
    }

    @Test("Without a start date the clock begins at a fixed instant")
    func defaultStart() {
        let clock = ManualClock()

        #expect(clock.now == Date(timeIntervalSince1970: 1_795_000_000))
    }
}
