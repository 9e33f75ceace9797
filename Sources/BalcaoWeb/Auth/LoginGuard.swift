import BalcaoCore
import Foundation

/// Keeps the login throttle for this instance. In memory on purpose: it only slows guessing, and a restart
/// forgetting it is harmless (bcrypt still makes each guess slow).
actor LoginGuard {
    private var throttle = LoginThrottle()

    func check(email: String, address: String, now: Date) -> LoginThrottle.Decision {
        throttle.check(email: email, address: address, now: now)
    }

    func failed(email: String, address: String, now: Date) {
        throttle.recordFailure(email: email, address: address, now: now)
    }

    func succeeded(email: String, address: String) {
        throttle.recordSuccess(email: email, address: address)
    }
}
