import Foundation
import Testing
import Vapor

/// A browser-like client for page tests: keeps cookies, signs in through the real form, posts forms with the
/// session's CSRF token.
final class PageSession: @unchecked Sendable {
    /// The server's address and the client that reaches it (a test server's, or any app's for `balcao serve`).
    let baseURL: String
    let client: any Client
    private(set) var cookies: [String: String] = [:]
    var acceptLanguage = "pt-BR"

    convenience init(_ app: TestApp) { self.init(baseURL: app.baseURL, client: app.app.client) }

    init(baseURL: String, client: any Client) {
        self.baseURL = baseURL
        self.client = client
    }

    func get(_ path: String) async throws -> TestApp.Reply {
        try await send(.GET, path, form: nil)
    }

    /// Posts a url-encoded form; `csrf: nil` leaves the token out.
    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestApp.Reply {
        try await send(.POST, path, form: fields + (csrf.map { [("_csrf", $0)] } ?? []))
    }

    /// Signs in through `/login`; returns the reply of the POST.
    @discardableResult
    func signIn(email: String, password: String) async throws -> TestApp.Reply {
        let form = try await get("/login")
        let token = try #require(Self.csrf(in: form.text))
        return try await post("/login", [("email", email), ("password", password), ("next", "")], csrf: token)
    }

    /// The CSRF token printed in a page's forms.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value="([0-9a-f]+)""#, options: .regularExpression) else {
            return nil
        }
        return String(html[range]).components(separatedBy: "value=\"").last?.replacingOccurrences(of: "\"", with: "")
    }

    private func send(_ method: HTTPMethod, _ path: String, form: [(String, String)]?) async throws -> TestApp.Reply {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .acceptLanguage, value: acceptLanguage)
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        var body: ByteBuffer?
        if let form {
            headers.contentType = .urlEncodedForm
            let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
            let encoded = form.map {
                "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
            }.joined(separator: "&")
            body = ByteBuffer(string: encoded)
        }
        let response = try await client.send(method, headers: headers, to: URI(string: baseURL + path)) {
            if let body { $0.body = body }
        }
        for header in response.headers[.setCookie] {
            let pair = header.split(separator: ";").first.map(String.init) ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if header.lowercased().contains("max-age=0") || parts[1].isEmpty { cookies[parts[0]] = nil } else {
                cookies[parts[0]] = parts[1]
            }
        }
        return TestApp.Reply(
            status: response.status, headers: response.headers, body: response.body.map { Data($0.readableBytesView) } ?? Data())
    }
}

extension TestApp.Reply {
    var text: String { String(decoding: body, as: UTF8.self) }
    var location: String? { headers.first(name: .location) }
}
