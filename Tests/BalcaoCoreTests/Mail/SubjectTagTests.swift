import Foundation
import Testing

@testable import BalcaoCore

@Suite("Subject tags")
struct SubjectTagTests {
    @Test(
        "Finds the ticket number anywhere in the subject",
        arguments: [
            "[#1042] Fatura", "Re: RES: Fwd: [#1042] Fatura", "Fatura [#1042]", "ENC:[#1042]Fatura",
            "Re: [#1042] [#999] duplicado", "Resposta automática: [#1042] Fatura", "AW: WG: [#1042] Rechnung",
            "SV: VS: [#1042] Faktura", "TR: RE: [#1042] Facture", "Res: Enc: Fw: [#1042] Fatura", "RE:[#1042]",
        ])
    func finds(subject: String) {
        #expect(SubjectTag.ticketNumber(in: subject) == TicketNumber(1042))
    }

    @Test(
        "Subjects without a valid tag have no number",
        arguments: [
            "Fatura", "[1042] Fatura", "[#] x", "[#abc]", "[#0] x", "[#1042 x", "#1042", "[#99999999999999999999]",
        ])
    func none(subject: String) {
        #expect(SubjectTag.ticketNumber(in: subject) == nil)
    }

    @Test("Tagging prefixes the tag once")
    func tagging() {
        let number = TicketNumber(1042)

        #expect(SubjectTag.tagged("Fatura em atraso", number: number) == "[#1042] Fatura em atraso")
        #expect(SubjectTag.tagged("Re: [#1042] Fatura em atraso", number: number) == "Re: [#1042] Fatura em atraso")
        #expect(SubjectTag.tagged("  ", number: number) == "[#1042]")
        #expect(SubjectTag.tagged("Re: [#77] Outro", number: number) == "[#1042] Re: [#77] Outro")
    }
}
