import BalcaoCore
import Foundation
import Testing

@Suite("Chat frames")
struct ChatProtocolFrameTests {
    static let department = UUID().uuidString

    @Test("Client frames decode with their fields checked", arguments: [
        (#"{"type":"hello"}"#, "hello"),
        (#"{"type":"typing","on":true}"#, "typing"),
        (#"{"type":"end"}"#, "end"),
        (#"{"type":"resume","token":"abc","lastSeq":3}"#, "resume"),
        (#"{"type":"line","clientId":"6F9619FF-8B86-D011-B42D-00C04FC964FF","text":"  olá  "}"#, "line"),
    ])
    func decodes(json: String, kind: String) throws {
        let frame = try ChatClientFrame.decode(json).get()
        switch frame {
        case .hello(let department, let language): #expect(kind == "hello" && department == nil && language == .portugueseBrazil)
        case .typing(let on): #expect(kind == "typing" && on)
        case .end: #expect(kind == "end")
        case .transcript: #expect(kind == "transcript")
        case .resume(let token, let lastSeq): #expect(kind == "resume" && token == "abc" && lastSeq == 3)
        case .line(_, let text): #expect(kind == "line" && text == "olá")
        case .start, .offline: Issue.record("not a start frame")
        }
    }

    @Test("Bad frames are refused with the reason", arguments: [
        ("not json", "bad_frame"),
        (#"{"text":"no type"}"#, "bad_frame"),
        (#"{"type":"dance"}"#, "bad_frame"),
        (#"{"type":"line","clientId":"nope","text":"x"}"#, "bad_frame"),
        (#"{"type":"line","clientId":"6F9619FF-8B86-D011-B42D-00C04FC964FF","text":"   "}"#, "bad_frame"),
        (#"{"type":"start","name":"","email":"a@b.example","departmentId":"x","text":"oi"}"#, "bad_frame"),
        (#"{"type":"start","name":"Ana","email":"not-an-email","departmentId":"x","text":"oi"}"#, "bad_frame"),
        (#"{"type":"resume"}"#, "bad_frame"),
    ])
    func refuses(json: String, code: String) {
        guard case .failure(let error) = ChatClientFrame.decode(json) else {
            Issue.record("\(json) was accepted")
            return
        }
        #expect(error.code == code)
    }

    @Test("Oversize frames and lines are too_large")
    func oversize() {
        let long = String(repeating: "a", count: ChatClientFrame.maxLineLength + 1)
        let line = #"{"type":"line","clientId":"6F9619FF-8B86-D011-B42D-00C04FC964FF","text":"\#(long)"}"#
        let frame = String(repeating: " ", count: ChatClientFrame.maxFrameBytes + 1)
        #expect(throws: ChatProtocolError.tooLarge(limit: ChatClientFrame.maxLineLength)) { try ChatClientFrame.decode(line).get() }
        #expect(throws: ChatProtocolError.tooLarge(limit: ChatClientFrame.maxFrameBytes)) { try ChatClientFrame.decode(frame).get() }
    }

    @Test("Server frames are JSON with their type")
    func serverFrames() throws {
        let id = Message.ID()
        let ack = ChatServerFrame.ack(clientID: id, seq: 4).json
        let error = ChatServerFrame.error(.rateLimited).json
        let decodedAck = try JSONSerialization.jsonObject(with: Data(ack.utf8)) as? [String: Any]
        #expect(decodedAck?["type"] as? String == "ack")
        #expect(decodedAck?["clientId"] as? String == id.description.lowercased())
        #expect(error.contains(#""code":"rate_limited""#))
    }

    static let shop = Department(name: "Loja", kind: .external, createdAt: Date())

    @Test("A widget admits the desk's own origin and its allowed ones, nothing when switched off")
    func origins() throws {
        let widget = try ChatWidget(departmentID: Self.shop.id, allowedOrigins: ["https://Loja.example/", "https://loja.example"])
            .validated(department: Self.shop, departments: [Self.shop.id])
        #expect(widget.allowedOrigins == ["https://loja.example"])
        #expect(widget.allows(origin: "https://loja.example", deskOrigin: "https://ajuda.example"))
        #expect(widget.allows(origin: "https://ajuda.example", deskOrigin: "https://ajuda.example/"))
        #expect(!widget.allows(origin: "https://outra.example", deskOrigin: "https://ajuda.example"))
        #expect(!widget.allows(origin: nil, deskOrigin: "https://ajuda.example"))
        var off = widget
        off.isEnabled = false
        #expect(!off.allows(origin: "https://loja.example", deskOrigin: "https://ajuda.example"))
        #expect(throws: ValidationError.self) {
            try ChatWidget(departmentID: Self.shop.id, allowedOrigins: ["https://loja.example/path", "ftp://x.example"])
                .validated(department: Self.shop, departments: [Self.shop.id])
        }
    }

    @Test("A widget saved before colours, hours and the form existed reads with the defaults")
    func olderWidget() throws {
        let stored = #"{"departmentID":"\#(Self.shop.id)","isEnabled":true,"allowedOrigins":["https://loja.example"]}"#
        let widget = try JSONDecoder().decode(ChatWidget.self, from: Data(stored.utf8))
        #expect(widget.color == nil && !widget.followsBusinessHours)
        #expect(widget.prechat == ChatPrechatForm())
        #expect(widget.prechat.requiresName)
    }

    @Test("The welcome names the department first and carries the form's fields, colour and opening time")
    func welcomeFrame() throws {
        let field = CustomFieldDefinition(key: "pedido", label: "Pedido", kind: .text, isRequired: true)
        let welcome = ChatWelcome(
            online: false, greeting: "Oi", color: "#aa3300", opensAt: Date(timeIntervalSince1970: 0), requiresName: false,
            fields: [field], choices: [.init(departmentID: Self.shop.id, name: "Loja")])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ChatServerFrame.ready(welcome).json.utf8)) as? [String: Any])
        let form = try #require(json["form"] as? [String: Any])
        #expect(json["online"] as? Bool == false && json["available"] as? Bool == true)
        #expect(json["color"] as? String == "#aa3300" && json["opensAt"] as? String == "1970-01-01T00:00:00Z")
        #expect(form["requiresName"] as? Bool == false)
        #expect((form["fields"] as? [[String: Any]])?.first?["key"] as? String == "pedido")
        #expect((json["departments"] as? [[String: Any]])?.first?["name"] as? String == "Loja")
        #expect(ChatServerFrame.ready(.unavailable).json.contains(#""available":false"#))
    }
}
