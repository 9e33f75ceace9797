import BalcaoCore
import BalcaoTestSupport
import Foundation
import Testing
import Vapor

@testable import BalcaoWeb

@Suite("Attachments over multipart")
struct AttachmentsAPITests {
    static func multipart(boundary: String, fields: [String: String], files: [(name: String, type: String, data: Data)]) -> Data {
        var body = Data()
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"attachments[]\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)\r\n\r\n".utf8)
            body += file.data + Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return body
    }

    @Test("A note with files keeps them, and each downloads as an attachment", arguments: TestDatabase.available)
    func uploadAndDownload(database: TestDatabase) async throws {
        try await TestApp.run(database) { app in
            let ticket = try await app.post("/api/v1/tickets", TicketsAPITests.newTicket).json(TicketDTO.self)
            let log = Data("2026-11-25 ERRO spooler parado\n".utf8)
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
            let body = Self.multipart(
                boundary: "XyZ", fields: ["kind": "note", "body": "Logs e captura de ecrã anexados."],
                files: [("relatório spooler.txt", "text/plain; charset=utf-8", log), ("../../tela.png", "image/png", png)])

            let reply = try await app.request(
                .POST, "/api/v1/tickets/\(ticket.id)/messages", rawBody: body, contentType: "multipart/form-data; boundary=XyZ")
            let message = try reply.json(MessageDTO.self)
            let text = try await app.get(message.attachments[0].url)
            let image = try await app.get(message.attachments[1].url)
            let anonymous = try await app.get(message.attachments[0].url, token: .some(nil))

            #expect(reply.status == .created)
            #expect(message.kind == .note)
            #expect(message.attachments.map(\.filename) == ["relatório spooler.txt", "tela.png"])
            #expect(message.attachments.map(\.contentType) == ["text/plain", "image/png"])
            #expect(text.body == log && image.body == png)
            #expect(text.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(text.headers.first(name: .contentDisposition)?.contains("filename*=UTF-8''relat%C3%B3rio%20spooler.txt") == true)
            #expect(text.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("A file over the size limit is refused with 413 and nothing is added")
    func tooLarge() async throws {
        try await TestApp.run(.sqlite) { app in
            let ticket = try await app.post("/api/v1/tickets", TicketsAPITests.newTicket).json(TicketDTO.self)
            let big = Data(repeating: 0x41, count: 1024 * 1024 + 1)
            let body = Self.multipart(boundary: "B", fields: ["kind": "reply", "body": "Segue"], files: [("grande.bin", "application/octet-stream", big)])

            let reply = try await app.request(
                .POST, "/api/v1/tickets/\(ticket.id)/messages", rawBody: body, contentType: "multipart/form-data; boundary=B")
            let messages = try await app.get("/api/v1/tickets/\(ticket.id)/messages").json(ListDTO<MessageDTO>.self).data

            #expect(reply.status == .payloadTooLarge)
            #expect(reply.problem?.fields == ["attachments"])
            #expect(messages.count == 1)
        }
    }

    @Test("An unknown attachment is a 404 problem")
    func unknownAttachment() async throws {
        try await TestApp.run(.sqlite) { app in
            let reply = try await app.get("/api/v1/attachments/\(UUID())")

            #expect(reply.status == .notFound)
            #expect(reply.problem?.status == 404)
        }
    }
}
