import Foundation

/// A raw RFC 5322 message as a mail client would send it, for intake tests.
struct MailFixture {
    var from = "Carla Cliente <carla@cliente.example>"
    var to = "suporte@desk.example"
    var subject = "Fatura em duplicidade"
    var messageID = "<\(UUID().uuidString)@mail.cliente.example>"
    var inReplyTo: String?
    var references: String?
    var extraHeaders: [String] = []
    var body = "Olá, recebi a fatura 42 duas vezes. Podem verificar?\n\nObrigada,\nCarla"

    var raw: Data {
        var lines = [
            "From: \(from)", "To: \(to)", "Subject: \(subject)", "Message-ID: \(messageID)",
            "Date: Wed, 25 Nov 2026 10:00:00 -0300", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
        ]
        if let inReplyTo { lines.append("In-Reply-To: \(inReplyTo)") }
        if let references { lines.append("References: \(references)") }
        lines += extraHeaders
        let text = lines.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n")
        return Data(text.utf8)
    }

    /// The raw mail's Message-ID without brackets.
    var id: String { String(messageID.dropFirst().dropLast()) }
}
