import BalcaoCore
import BalcaoWeb
import Foundation

/// The email intake's throughput: realistic mail (plain pt-BR text, HTML alternatives in Latin-1 quoted-printable,
/// PDFs in base64, a third of them replies threaded by In-Reply-To) parsed alone, then parsed and stored.
enum MailBench {
    static func corpus(count: Int) -> [Data] {
        var ids: [String] = []
        var mails: [Data] = []
        let pdf = (0..<48_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        for index in 0..<count {
            let id = MailComposer.newMessageID(domain: "cliente\(index % 50).example")
            let isReply = index % 3 == 2 && !ids.isEmpty
            let text = sentences[index % sentences.count] + "\n\n" + sentences[(index * 7) % sentences.count]
                + "\n\nAtenciosamente,\nCliente \(index % 500)"
            var mail = OutgoingMail(
                from: MailAddress(name: "Cliente \(index % 500)", address: "cliente\(index % 500)@empresa\(index % 50).example"),
                to: [MailAddress(name: nil, address: "suporte@bench.example")],
                subject: isReply ? "Re: Pedido \(index - 2)" : "Pedido \(index): \(subjects[index % subjects.count])",
                messageID: id, inReplyTo: isReply ? ids[index - 2] : nil, date: Date(), text: text,
                html: index % 2 == 0 ? "<p>" + text.replacingOccurrences(of: "\n", with: "<br>") + "</p>" : nil)
            if index % 5 == 0 {
                mail.attachments = [
                    MailAttachment(fileName: "nota-fiscal-\(index).pdf", contentType: "application/pdf", data: pdf, contentID: nil, isInline: false)
                ]
            }
            ids.append(id)
            mails.append(Data(MailComposer.render(mail)))
        }
        return mails
    }

    /// Parse-only and parse+store rates, in messages per second.
    static func measure(_ services: BalcaoServices, count: Int) async throws -> (parse: Double, store: Double, bytes: Int) {
        try await services.mailStore.save(
            Mailbox(address: EmailAddress("suporte@bench.example")!, displayName: "Suporte", createdAt: Date()))
        let mails = corpus(count: count)
        let parseStart = DispatchTime.now().uptimeNanoseconds
        for mail in mails { _ = MIMEParser.parse(Array(mail)) }
        let parseSeconds = Double(DispatchTime.now().uptimeNanoseconds - parseStart) / 1e9
        let storeStart = DispatchTime.now().uptimeNanoseconds
        for mail in mails { _ = try await services.mailIntake.receive(mail, recipient: nil) }
        let storeSeconds = Double(DispatchTime.now().uptimeNanoseconds - storeStart) / 1e9
        return (Double(count) / parseSeconds, Double(count) / storeSeconds, mails.reduce(0) { $0 + $1.count })
    }

    static let subjects = [
        "Boleto não chegou", "Erro ao emitir nota fiscal", "Entrega atrasada", "Troca de produto com defeito",
        "Reembolso em duplicidade", "Acesso ao portal bloqueado", "Invoice copy needed", "Refund status",
    ]

    static let sentences = [
        "Olá, comprei na semana passada e até agora o pedido não foi entregue; o rastreio não atualiza desde segunda.",
        "Bom dia, a fatura deste mês veio com um valor diferente do contrato e preciso da segunda via corrigida.",
        "Não consigo acessar minha conta: a senha é recusada e o e-mail de redefinição não chega.",
        "O produto chegou com a embalagem danificada e a tela trincada. Como faço a troca?",
        "Hello, I was charged twice for order 88213 and would like the duplicate refunded, please.",
        "Preciso da nota fiscal eletrônica do pedido para lançar na contabilidade até sexta-feira.",
    ]
}
