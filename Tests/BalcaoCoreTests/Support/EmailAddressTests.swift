import Foundation
import Testing

@testable import BalcaoCore

@Suite("EmailAddress")
struct EmailAddressTests {
    static let longestLocalPart = String(repeating: "l", count: 64)

    @Test(
        "Accepts a mailbox address, trimmed and lower-cased",
        arguments: [
            ("ana@empresa.com.br", "ana@empresa.com.br"),
            ("  Ana.Souza@Empresa.COM.BR \n", "ana.souza@empresa.com.br"),
            ("Joao+Suporte@balcao.example", "joao+suporte@balcao.example"),
            ("o'brien@example.ie", "o'brien@example.ie"),
            ("a@b.c", "a@b.c"),
            ("\(EmailAddressTests.longestLocalPart)@x.io", "\(EmailAddressTests.longestLocalPart)@x.io"),
        ])
    func accepts(raw: String, expected: String) throws {
        let address = try #require(EmailAddress(raw))

        #expect(address.value == expected)
        #expect(address.description == expected)
    }

    @Test(
        "Rejects what is not one mailbox address",
        arguments: [
            "", "   ", "ana", "ana@", "@empresa.com", "ana@empresa", "ana@@empresa.com", "ana@empresa@com.br",
            "ana@.empresa.com", "ana@empresa.com.", "ana souza@empresa.com", "ana@empresa .com", "<ana@empresa.com>",
            "Ana <ana@empresa.com>", "ana@empresa.com,bia@empresa.com", "ana@empresa.com\tbia@empresa.com",
            "l\(EmailAddressTests.longestLocalPart)@x.io",
        ])
    func rejects(raw: String) {
        #expect(EmailAddress(raw) == nil)
    }

    @Test("An address is at most 254 characters long")
    func totalLength() {
        let local = String(repeating: "l", count: 64)
        let longest = local + "@" + String(repeating: "d", count: 185) + ".com"
        let tooLong = local + "@" + String(repeating: "d", count: 186) + ".com"

        #expect(longest.count == 254)
        #expect(EmailAddress(longest)?.value == longest)
        #expect(EmailAddress(tooLong) == nil)
    }

    @Test("Addresses differing only in case are the same address")
    func caseInsensitiveEquality() throws {
        let shouted = try #require(EmailAddress("ANA@Empresa.COM.br"))
        let plain = try #require(EmailAddress("ana@empresa.com.br"))

        #expect(shouted == plain)
        #expect(Set([shouted, plain]).count == 1)
    }

    @Test("Addresses sort by their normalized text")
    func ordering() throws {
        let addresses = try ["Carla@x.io", "ana@x.io", "Bia@x.io"].map { try #require(EmailAddress($0)) }

        #expect(addresses.sorted().map(\.value) == ["ana@x.io", "bia@x.io", "carla@x.io"])
    }

    @Test("JSON carries the normalized address as a string")
    func encodes() throws {
        let address = try #require(EmailAddress("Ana@Empresa.com.br"))

        let json = String(decoding: try JSONEncoder().encode(address), as: UTF8.self)

        #expect(json == #""ana@empresa.com.br""#)
    }

    @Test("Decoding normalizes the address")
    func decodes() throws {
        let address = try JSONDecoder().decode(EmailAddress.self, from: Data(#"" Ana@Empresa.com.br ""#.utf8))

        #expect(address.value == "ana@empresa.com.br")
    }

    @Test("Decoding refuses a string that is not an address")
    func decodingRejects() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(EmailAddress.self, from: Data(#""not an address""#.utf8))
        }
    }
}
