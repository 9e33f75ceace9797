import BalcaoCore
import Testing

@Suite("Hex")
struct HexTests {
    @Test("Bytes become lower-case hex, two digits each, leading zeros kept")
    func encodes() {
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.encode(Array("blc".utf8)) == "626c63")
    }

    @Test("Random secrets have the asked length and differ each time")
    func random() {
        let first = Hex.random(bytes: 32)
        let second = Hex.random(bytes: 32)
        #expect(first.count == 64)
        #expect(first.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(first != second)
    }
}
