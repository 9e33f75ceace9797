import Foundation
import Testing

@testable import BalcaoCore

@Suite("Address lists")
struct MailAddressParserTests {
    private func parse(_ value: String) -> [MailAddress] { MailAddress.parseList(value) }

    @Test("A bare address and a named address")
    func simple() {
        #expect(parse("ana@x.com.br") == [MailAddress(address: "ana@x.com.br")])
        #expect(parse("Ana Souza <ana@x.com.br>") == [MailAddress(name: "Ana Souza", address: "ana@x.com.br")])
    }

    @Test("Quoted names keep commas, escapes and inner spacing")
    func quotedNames() {
        #expect(parse(#""Souza, Ana" <ana@x.com>, bia@y.com"#).map(\.name) == ["Souza, Ana", nil])
        #expect(parse(#""Ana \"Aninha\" Souza" <ana@x.com>"#).first?.name == #"Ana "Aninha" Souza"#)
    }

    @Test("A comment names an address that has no display name")
    func comments() {
        #expect(parse("ana@x.com (Ana Souza)") == [MailAddress(name: "Ana Souza", address: "ana@x.com")])
        #expect(parse("Ana (financeiro (nested)) <ana@x.com>").first?.name == "Ana")
    }

    @Test("Groups yield their members; undisclosed-recipients yields none")
    func groups() {
        #expect(parse("undisclosed-recipients:;").isEmpty)
        #expect(
            parse("Equipe: ana@x.com, Bia <bia@x.com>; carlos@y.com").map(\.address) == [
                "ana@x.com", "bia@x.com", "carlos@y.com",
            ])
        #expect(parse("Vazio:;, ana@x.com").map(\.address) == ["ana@x.com"])
    }

    @Test("Encoded-word names are decoded, quoted or not")
    func encodedNames() {
        #expect(parse("=?UTF-8?Q?Jo=C3=A3o_Silva?= <joao@x.com>").first?.name == "João Silva")
        #expect(parse(#""=?ISO-8859-1?Q?Jos=E9?=" <jose@x.com>"#).first?.name == "José")
    }

    @Test("Raw UTF-8 names (RFC 6532) are read")
    func rawUTF8() {
        #expect(parse("Conceição Araújo <ceicao@x.com>").first?.name == "Conceição Araújo")
    }

    @Test("Forgotten angle brackets, single quotes and source routes are tolerated")
    func sloppyClients() {
        #expect(parse("Ana Souza ana@x.com") == [MailAddress(name: "Ana Souza", address: "ana@x.com")])
        #expect(parse("'ana@x.com' <ana@x.com>") == [MailAddress(name: "ana@x.com", address: "ana@x.com")])
        #expect(parse("<@relay.example:ana@x.com>").first?.address == "ana@x.com")
        #expect(parse("Ana < ana@x.com >").first?.address == "ana@x.com")
    }

    @Test("Empty entries and words without an address are skipped")
    func junk() {
        #expect(parse(", ,ana@x.com,,").map(\.address) == ["ana@x.com"])
        #expect(parse("Souza, Ana <ana@x.com>").map(\.address) == ["ana@x.com"])
        #expect(parse("").isEmpty)
        #expect(parse("\"unterminated <ana@x.com>").isEmpty)
    }

    @Test("The address keeps its case; email normalizes it")
    func caseKept() {
        let address = parse("Ana <Ana.Souza@X.com.br>").first

        #expect(address?.address == "Ana.Souza@X.com.br")
        #expect(address?.email == EmailAddress("ana.souza@x.com.br"))
    }
}
