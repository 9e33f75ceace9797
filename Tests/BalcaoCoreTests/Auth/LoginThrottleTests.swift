import Foundation
import Testing

@testable import BalcaoCore

@Suite("LoginThrottle")
struct LoginThrottleTests {
    static let start = Date(timeIntervalSince1970: 1_795_597_200)
    static let minute: TimeInterval = 60

    /// `count` failures for `email`, one a minute from `start`, each from its own address unless `address` is given.
    static func fail(
        _ throttle: inout LoginThrottle, email: String, address: String? = nil, count: Int, from start: Date = start
    ) {
        for index in 0..<count {
            throttle.recordFailure(
                email: email, address: address ?? "198.51.100.\(index)",
                now: start.addingTimeInterval(Double(index) * minute))
        }
    }

    @Test("Five failures for one email lock it, from any address")
    func emailLimit() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: "ana@empresa.com.br", count: 4)
        let now = Self.start.addingTimeInterval(5 * Self.minute)

        let afterFour = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.9", now: now)
        throttle.recordFailure(email: "ana@empresa.com.br", address: "203.0.113.9", now: now)
        let afterFive = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.10", now: now)
        let otherEmail = throttle.check(email: "bia@empresa.com.br", address: "203.0.113.9", now: now)

        #expect(afterFour == .allowed)
        #expect(afterFive != .allowed)
        #expect(otherEmail == .allowed)
    }

    @Test("Twenty failures from one address lock it, for any email")
    func addressLimit() {
        var throttle = LoginThrottle()
        for index in 0..<19 {
            throttle.recordFailure(email: "user\(index)@empresa.com.br", address: "203.0.113.7", now: Self.start)
        }

        let afterNineteen = throttle.check(email: "new@empresa.com.br", address: "203.0.113.7", now: Self.start)
        throttle.recordFailure(email: "user19@empresa.com.br", address: "203.0.113.7", now: Self.start)
        let afterTwenty = throttle.check(email: "new@empresa.com.br", address: "203.0.113.7", now: Self.start)
        let otherAddress = throttle.check(email: "new@empresa.com.br", address: "203.0.113.8", now: Self.start)

        #expect(afterNineteen == .allowed)
        #expect(afterTwenty == .locked(retryAfter: 15 * Self.minute))
        #expect(otherAddress == .allowed)
    }

    @Test("The window slides: a failure stops counting 15 minutes after it happened")
    func windowSlides() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: "ana@empresa.com.br", count: 5)  // at 0, 1, 2, 3 and 4 minutes
        let justBefore = Self.start.addingTimeInterval(15 * Self.minute - 1)
        let firstExpired = Self.start.addingTimeInterval(15 * Self.minute)

        let before = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.9", now: justBefore)
        let after = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.9", now: firstExpired)
        throttle.recordFailure(email: "ana@empresa.com.br", address: "203.0.113.9", now: firstExpired)
        let lockedAgain = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.9", now: firstExpired)

        #expect(before == .locked(retryAfter: 1))
        #expect(after == .allowed)
        #expect(lockedAgain == .locked(retryAfter: Self.minute))
    }

    @Test("retryAfter is the time until the oldest counting failure expires")
    func retryAfter() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: "ana@empresa.com.br", count: 5)  // at 0, 1, 2, 3 and 4 minutes

        let decision = throttle.check(
            email: "ana@empresa.com.br", address: "203.0.113.9", now: Self.start.addingTimeInterval(5 * Self.minute))

        #expect(decision == .locked(retryAfter: 10 * Self.minute))
    }

    @Test("When both the email and the address are locked, retryAfter is the later of the two")
    func retryAfterOfBoth() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: "ana@empresa.com.br", count: 5)  // at 0 … 4 minutes: unlocks at 15
        let addressFailedAt = Self.start.addingTimeInterval(2 * Self.minute)  // unlocks at 17
        for index in 0..<20 {
            throttle.recordFailure(email: "user\(index)@empresa.com.br", address: "203.0.113.7", now: addressFailedAt)
        }

        let decision = throttle.check(
            email: "ana@empresa.com.br", address: "203.0.113.7", now: Self.start.addingTimeInterval(6 * Self.minute))

        #expect(decision == .locked(retryAfter: 11 * Self.minute))
    }

    @Test("Failures recorded while locked keep only the newest ones, so the lock slides with them")
    func failuresWhileLocked() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: "ana@empresa.com.br", count: 8)  // at 0 … 7 minutes

        let decision = throttle.check(
            email: "ana@empresa.com.br", address: "203.0.113.9", now: Self.start.addingTimeInterval(8 * Self.minute))

        #expect(decision == .locked(retryAfter: 10 * Self.minute))  // the 4th newest (3 min) expires at 18 min
        #expect(throttle.emails["ana@empresa.com.br"]?.times.count == 5)
    }

    @Test("A success clears the email's failures but not the address's")
    func successClearsEmailOnly() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: "ana@empresa.com.br", address: "203.0.113.7", count: 5)
        for index in 0..<15 {
            throttle.recordFailure(email: "user\(index)@empresa.com.br", address: "203.0.113.7", now: Self.start)
        }
        let now = Self.start.addingTimeInterval(5 * Self.minute)

        throttle.recordSuccess(email: "ana@empresa.com.br", address: "203.0.113.7")

        #expect(throttle.check(email: "ana@empresa.com.br", address: "203.0.113.8", now: now) == .allowed)
        #expect(throttle.check(email: "bia@empresa.com.br", address: "203.0.113.7", now: now) != .allowed)
    }

    @Test("Emails match regardless of case and surrounding whitespace")
    func caseInsensitiveEmail() {
        var throttle = LoginThrottle()
        Self.fail(&throttle, email: " Ana@Empresa.COM.br ", count: 5)
        let now = Self.start.addingTimeInterval(5 * Self.minute)

        let decision = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.9", now: now)
        throttle.recordSuccess(email: "ANA@EMPRESA.COM.BR", address: "203.0.113.9")
        let afterSuccess = throttle.check(email: "ana@empresa.com.br", address: "203.0.113.9", now: now)

        #expect(decision != .allowed)
        #expect(afterSuccess == .allowed)
    }

    @Test("Expired keys are pruned as time passes")
    func expiredKeysPruned() {
        var throttle = LoginThrottle()
        for index in 0..<50 {
            throttle.recordFailure(
                email: "user\(index)@empresa.com.br", address: "198.51.100.\(index)", now: Self.start)
        }
        let tracked = throttle.trackedKeys

        _ = throttle.check(
            email: "ana@empresa.com.br", address: "203.0.113.9", now: Self.start.addingTimeInterval(15 * Self.minute))

        #expect(tracked.emails == 50 && tracked.addresses == 50)
        #expect(throttle.trackedKeys.emails == 0 && throttle.trackedKeys.addresses == 0)
    }

    @Test("At most maxTrackedKeys emails and addresses are tracked; the least recently failing go first")
    func keyCap() {
        var throttle = LoginThrottle(maxTrackedKeys: 10)
        Self.fail(&throttle, email: "ana@empresa.com.br", address: "203.0.113.7", count: 5)
        var counts: [Int] = []

        for index in 0..<30 {
            throttle.recordFailure(
                email: "user\(index)@empresa.com.br", address: "198.51.100.\(index)",
                now: Self.start.addingTimeInterval(5 * Self.minute + Double(index)))
            counts.append(max(throttle.trackedKeys.emails, throttle.trackedKeys.addresses))
        }

        #expect(counts.allSatisfy { $0 <= 10 })
        #expect(throttle.trackedKeys.emails == 10)
        #expect(throttle.emails["user29@empresa.com.br"] != nil)
        #expect(throttle.emails["ana@empresa.com.br"] == nil)
        #expect(throttle.addresses["203.0.113.7"] == nil)
    }

    @Test("Overlong keys are truncated, so a huge form field cannot inflate memory")
    func overlongKeys() {
        var throttle = LoginThrottle()
        let huge = String(repeating: "a", count: 100_000) + "@empresa.com.br"

        throttle.recordFailure(email: huge, address: String(repeating: "f", count: 10_000), now: Self.start)

        #expect(throttle.emails.keys.first?.count == LoginThrottle.maxEmailKeyLength)
        #expect(throttle.addresses.keys.first?.count == LoginThrottle.maxAddressKeyLength)
    }
}
