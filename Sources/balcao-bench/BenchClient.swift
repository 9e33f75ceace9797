import Foundation
import Vapor

/// HTTP to the benchmarked server over loopback: API calls with a token, pages with a signed-in session.
struct BenchClient: Sendable {
    let client: any Client
    let baseURL: String
    let token: String
    var cookie = ""

    func postTicket(_ index: Int) async throws -> HTTPStatus {
        let body = """
            {"subject":"Pedido de teste de carga \(index): impressora não imprime","body":"Desde ontem a impressora \
            do 2º andar mostra erro 49.4C02.","requester":{"email":"carga\(index % 5000)@bench.example"}}
            """
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.contentType = .json
        return try await client.post(URI(string: baseURL + "/api/v1/tickets"), headers: headers) {
            $0.body = ByteBuffer(string: body)
        }.status
    }

    func page(_ path: String) async throws -> HTTPStatus {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: cookie)
        headers.replaceOrAdd(name: .acceptLanguage, value: "pt-BR")
        return try await client.get(URI(string: baseURL + path), headers: headers).status
    }

    /// Signs in through the login form and keeps the session cookie.
    mutating func signIn(email: String, password: String) async throws {
        let form = try await client.get(URI(string: baseURL + "/login"))
        let html = form.body.map { String(buffer: $0) } ?? ""
        guard let range = html.range(of: #"name="_csrf" value="[0-9a-f]+""#, options: .regularExpression),
            let csrfCookie = form.headers[.setCookie].first?.split(separator: ";").first
        else { throw Abort(.internalServerError, reason: "no login form") }
        let csrf = html[range].split(separator: "\"")[3]
        let body = "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&password=\(password)&_csrf=\(csrf)"
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        headers.replaceOrAdd(name: .cookie, value: String(csrfCookie))
        let response = try await client.post(URI(string: baseURL + "/login"), headers: headers) {
            $0.body = ByteBuffer(string: body)
        }
        guard let session = response.headers[.setCookie].first(where: { $0.hasPrefix("balcao_session=") }) else {
            throw Abort(.internalServerError, reason: "sign-in failed: \(response.status)")
        }
        cookie = String(session.split(separator: ";")[0])
    }
}
