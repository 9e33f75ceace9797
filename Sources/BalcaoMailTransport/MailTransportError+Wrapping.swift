import NIOCore
import NIOPosix
import NIOSSL

extension MailTransportError {
    /// Maps whatever NIO or NIOSSL threw to a ``MailTransportError``; our own errors pass through unchanged.
    init(wrapping error: any Error) {
        switch error {
        case let error as MailTransportError:
            self = error
        case NIOSSLError.uncleanShutdown:
            self.init(.connectionFailed, "connection closed by the server without a TLS close")
        case let error as NIOSSLError:
            self.init(.tlsFailed, "TLS failed: \(error)")
        case let error as BoringSSLError:
            self.init(.tlsFailed, "TLS failed: \(error)")
        case let error as NIOSSLExtraError:
            self.init(.tlsFailed, "TLS failed: \(error)")
        case let error as ChannelError:
            if case .connectTimeout = error {
                self.init(.timedOut, "connection attempt timed out")
            } else {
                self.init(.connectionFailed, "connection failed: \(error)")
            }
        case let error as NIOConnectionError:
            let causes = error.connectionErrors.map { "\($0.target): \($0.error)" }
            let dns = [error.dnsAError, error.dnsAAAAError].compactMap { $0.map { "DNS: \($0)" } }
            let detail = (causes + dns).joined(separator: "; ")
            self.init(.connectionFailed, "could not connect to \(error.host):\(error.port): \(detail)")
        default:
            self.init(.connectionFailed, "connection failed: \(error)")
        }
    }
}
