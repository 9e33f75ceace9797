import BalcaoCore
import Foundation
import Vapor

/// Posts token requests (RFC 6749 §4.1.3, §6) with the app's HTTP client.
struct HTTPOAuthTokenEndpoint: OAuthTokenEndpoint {
    let client: any Client

    struct TokenBody: Decodable {
        let access_token: String
        let refresh_token: String?
        let expires_in: Int?
    }

    func requestTokens(at tokenURL: String, form: [String: String]) async throws -> OAuthTokenResponse {
        let response = try await client.post(URI(string: tokenURL)) { request in
            request.headers.replaceOrAdd(name: .accept, value: "application/json")
            try request.content.encode(form, as: .urlEncodedForm)
        }
        guard response.status == .ok, let body = try? response.content.decode(TokenBody.self) else {
            let text = response.body.map { String(buffer: $0) } ?? ""
            throw ValidationError(
                field: "oauth", "the provider refused the token request (\(response.status.code)): \(text.prefix(300))")
        }
        return OAuthTokenResponse(accessToken: body.access_token, refreshToken: body.refresh_token, expiresIn: body.expires_in)
    }
}
