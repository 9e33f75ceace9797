import Foundation
import Vapor

/// Templates and static files ship inside the module's resource bundle, so the binary serves them from wherever it
/// runs (not only from a checkout).
enum WebResources {
    /// Not named `Resources`: Foundation on Linux treats such a folder as the bundle's resource root, which would
    /// hide the files beside it (openapi.json).
    static let root: URL = Bundle.module.bundleURL.appendingPathComponent("Web")
    static var viewsDirectory: String { root.appendingPathComponent("Views").path + "/" }
    static var publicDirectory: String { root.appendingPathComponent("Public").path + "/" }
}

/// Middleware here is future-based where its own work is synchronous: Vapor runs every `AsyncMiddleware` as a
/// new task awaiting the next responder's future — two thread hops per layer and request, which showed in the
/// create profile (docs/BENCHMARKS.md). `Request.task` starts a task only where async work is needed.
extension Request {
    func task<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> EventLoopFuture<T> {
        let promise = eventLoop.makePromise(of: T.self)
        promise.completeWithTask(body)
        return promise.futureResult
    }
}

/// Headers every response carries: no framing (clickjacking), no MIME sniffing, a strict CSP for our own pages
/// (scripts and styles only from Balcão itself), no referrer leaks to other sites.
struct SecurityHeadersMiddleware: Middleware {
    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: request).map { response in
            Self.addHeaders(to: response)
            return response
        }
    }

    private static func addHeaders(to response: Response) {
        response.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if response.headers.first(name: .contentSecurityPolicy) == nil {
            response.headers.replaceOrAdd(
                name: .contentSecurityPolicy,
                value: "default-src 'self'; img-src 'self' https: data: cid:; style-src 'self'; script-src 'self'; "
                    + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'")
        }
    }
}

/// Serves the static files (`/css/…`, `/js/…`: the folders of Web/Public) and lets every other request through
/// untouched. Vapor's FileMiddleware asks the file system about every request's path on a thread pool — a thread
/// hop per API call and page, measured in the create benchmark (docs/BENCHMARKS.md).
struct StaticFilesMiddleware: Middleware {
    let files = FileMiddleware(publicDirectory: WebResources.publicDirectory, defaultFile: nil)
    /// "/css/", "/js/": the folders of Web/Public, read once at start.
    let prefixes: [String] = {
        let root = URL(fileURLWithPath: WebResources.publicDirectory)
        let entries = (try? FileManager.default.contentsOfDirectory(
            at: root, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        return entries.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .map { "/\($0.lastPathComponent)/" }
    }()

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        let path = request.url.path
        guard prefixes.contains(where: { path.hasPrefix($0) }) else { return next.respond(to: request) }
        return files.respond(to: request, chainingTo: next)
    }
}
