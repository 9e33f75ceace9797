import Foundation
import BalcaoCore
import Vapor

/// `GET /api/v1/attachments/{id}`: the file, always as a download so a browser never renders it in our origin.
struct AttachmentsAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        routes.get("attachments", ":attachmentID", use: download)
    }

    @Sendable func download(req: Request) async throws -> Response {
        let id = try req.id("attachmentID", as: Attachment.ID.self)
        guard let found = try await services.ticketStore.attachment(id),
            let data = try await services.blobs.get(found.attachment.sha256)
        else { throw AttachmentError.notFound(id) }
        return Self.response(for: found.attachment, data: data)
    }

    /// Always a download, never rendered by the browser: a stored HTML or SVG file cannot run as the desk's page.
    static func response(for attachment: Attachment, data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: attachment.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: Self.disposition(for: attachment.filename))
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: .contentSecurityPolicy, value: "default-src 'none'; sandbox")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// RFC 6266: an ASCII fallback plus the UTF-8 name (`filename*`), so "relatório.pdf" survives.
    static func disposition(for filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
