import Foundation
import Testing

@testable import BalcaoCore

@Suite("Message ids")
struct MessageIDsTests {
    @Test("Bracketed ids in order, without duplicates")
    func bracketed() {
        #expect(MessageIDs.parse("<a@x> <b@y>\r\n <a@x>") == ["a@x", "b@y"])
    }

    @Test("Comments, phrases and folding inside an id are tolerated")
    func junk() {
        #expect(MessageIDs.parse("<a@x> (Ana's message of \"Tue\")") == ["a@x"])
        #expect(MessageIDs.parse("Your message of Tue <a@x>") == ["a@x"])
        #expect(MessageIDs.parse("<very-long-id\r\n @x.com>") == ["very-long-id@x.com"])
        #expect(MessageIDs.parse("<<a@x>>") == ["a@x"])
    }

    @Test("Ids without brackets are taken when they contain @")
    func missingBrackets() {
        #expect(MessageIDs.parse("a@x b@y") == ["a@x", "b@y"])
        #expect(MessageIDs.parse("a@x, b@y") == ["a@x", "b@y"])
        #expect(MessageIDs.parse("sem-arroba") == ["sem-arroba"])
        #expect(MessageIDs.parse("duas palavras").isEmpty)
        #expect(MessageIDs.parse("").isEmpty)
    }
}
