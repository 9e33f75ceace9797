import BalcaoCore
import BalcaoStore
import Vapor

/// Files in chats: the visitor's uploads (`POST /chat/files`, multipart: token, clientId, text, file) and signed
/// download links (`GET /chat/files/{attachmentID}/{signature}`) — the widget runs on another site, with no session,
/// so each file's address carries a MAC of its id instead (knowing one link opens that file only).
struct ChatFiles: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        let files = routes.grouped("chat", "files")
        let limit = ByteCount(value: services.config.storage.maxAttachmentBytes + 64 * 1024)
        files.on(.POST, body: .collect(maxSize: limit), use: upload)
        files.get(":attachmentID", ":signature", use: download)
    }

    /// The file's address under `base` (the desk as the widget reached it).
    func url(_ attachment: Attachment, base: String) -> String {
        "\(base)/chat/files/\(attachment.id)/\(signature(attachment.id))"
    }

    /// The desk's address for links: the public URL, else the Host the request came to.
    static func base(_ req: Request, _ config: BalcaoConfig) -> String {
        config.http.publicURL ?? "http://\(req.headers.first(name: .host) ?? "\(config.http.host):\(config.http.port)")"
    }

    private func signature(_ id: Attachment.ID) -> String {
        services.linkSigner.signature(for: "chat-file:\(id.rawValue.uuidString.lowercased())")
    }

    struct Upload: Content {
        let token: String?
        let clientId: String?
        let text: String?
        let file: File?
    }

    struct Stored: Content {
        let seq: Int
    }

    /// Stores the file as the visitor's line (idempotent by client id, like any line). Answers the widget's site
    /// with CORS headers when that site may chat; the line itself arrives over the socket.
    @Sendable func upload(req: Request) async throws -> Response {
        let origin = req.headers.first(name: .origin)
        let form = try req.content.decode(Upload.self)
        guard let token = form.token, let clientID = form.clientId.flatMap(Message.ID.init), let file = form.file,
            file.data.readableBytes > 0
        else { throw ValidationError(field: "file", "token, clientId and a file are required") }
        let deskOrigin = ChatSocket.origin(of: services.config.http.baseURL)
        let conversation: ChatConversation
        do {
            conversation = try await services.chat.resume(token: token, origin: origin, deskOrigin: deskOrigin)
        } catch ChatProtocolError.originNotAllowed {
            throw Abort(.forbidden, reason: ChatProtocolError.originNotAllowed.message)
        }
        let text = form.text?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty ?? "📎 \(file.filename)"
        let line = try await services.chat.post(
            text, clientID: clientID,
            attachments: [
                AttachmentUpload(
                    filename: file.filename, contentType: file.contentType?.serialize(),
                    data: Data(file.data.readableBytesView))
            ],
            in: conversation)
        let response = try await Stored(seq: line.seq).encodeResponse(status: .created, for: req)
        if let origin { response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: origin) }
        return response
    }

    @Sendable func download(req: Request) async throws -> Response {
        let id = try req.id("attachmentID", as: Attachment.ID.self)
        let sent = try req.parameters.require("signature")
        guard CSRFMiddleware.constantTimeEquals(sent, signature(id)),
            let found = try await services.ticketStore.attachment(id),
            let data = try await services.blobs.get(found.attachment.sha256)
        else { throw Abort(.notFound) }
        return AttachmentsAPIController.response(for: found.attachment, data: data)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
