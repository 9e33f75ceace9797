import NIOCore
import NIOSSL

/// TLS settings derived from a ``MailServerEndpoint``.
enum MailTLS {
    static func makeContext(for endpoint: MailServerEndpoint) throws(MailTransportError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = endpoint.verifiesCertificates ? .fullVerification : .none
        if let file = endpoint.trustRootsPEMFile {
            configuration.additionalTrustRoots = [.file(file)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw MailTransportError(
                .tlsFailed, "cannot set up TLS (trust roots \(endpoint.trustRootsPEMFile ?? "system")): \(error)")
        }
    }

    /// The name sent as SNI and checked against the certificate. IP addresses are not valid SNI; for them NIOSSL
    /// checks the certificate against the connected peer's address instead.
    static func serverHostname(for host: String) -> String? {
        (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
    }

    static func makeHandler(context: NIOSSLContext, host: String) throws -> NIOSSLClientHandler {
        try NIOSSLClientHandler(context: context, serverHostname: serverHostname(for: host))
    }
}
