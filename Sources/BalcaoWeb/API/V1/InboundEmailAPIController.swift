import BalcaoCore
import Foundation
import Vapor

/// `POST /api/v1/inbound/email?to=ADDRESS`: one raw RFC 5322 message as the body, for mail gateways that post mail
/// over HTTP. Admin tokens only: whoever posts here can write mail in any customer's name.
struct InboundEmailAPIController: RouteCollection {
    let services: BalcaoServices

    func boot(routes: any RoutesBuilder) throws {
        // The whole message, attachments and all, may be up to twice the attachment limit (base64) plus headers.
        let limit = ByteCount(value: services.config.storage.maxAttachmentBytes * 2 + 1024 * 1024)
        routes.on(.POST, "inbound", "email", body: .collect(maxSize: limit), use: receive)
    }

    @Sendable func receive(req: Request) async throws -> Response {
        try DirectoryService.requireAdmin(try req.agent)
        var recipient: EmailAddress?
        if let to = req.query[String.self, at: "to"] {
            guard let address = EmailAddress(to) else { throw ValidationError(field: "to", "must be an email address") }
            recipient = address
        }
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw ValidationError(field: "body", "must be the raw message (message/rfc822)")
        }
        let result = try await services.mailIntake.receive(Data(body.readableBytesView), recipient: recipient)
        let status: HTTPStatus =
            switch result.outcome {
            case .opened, .threaded: .created
            case .quarantined: .accepted
            case .duplicate, .ignored: .ok
            }
        return try await InboundEmailResultDTO(result).encodeResponse(status: status, for: req)
    }
}

struct InboundEmailResultDTO: Content {
    let outcome: String
    let messageId: String
    let ticketId: UUID?
    let ticketNumber: Int?
    let messageIdInTicket: UUID?
    /// Why no auto-response answered it (auto-reply, bulk, list, bounce), absent for a person's mail.
    let automated: String?
    let warnings: [String]

    init(_ result: MailIntakeResult) {
        outcome = result.outcome.rawValue
        messageId = result.messageID
        ticketId = result.ticket?.id.rawValue
        ticketNumber = result.ticket?.number.value
        messageIdInTicket = result.message?.id.rawValue
        automated = result.automation.map { String(describing: $0) }
        warnings = result.warnings
    }
}
