import Foundation

/// The chat widget's wire protocol: JSON text frames over a WebSocket, `{"type": …}`.
///
/// Every line a client sends carries its own id (a UUID it makes): the server answers `ack` only once the line is
/// stored, and a client resends unacknowledged lines after a reconnect. The id becomes the stored message's id, so
/// a resent line is stored once and acknowledged again. Lines from the desk carry `seq` (their place among the
/// conversation's public lines); a client resuming says the last `seq` it has and gets what came after.
/// The server greets every connection with `ready` once it listens (frames sent before it may be lost), and answers
/// `hello` with `ready` too, for a client that missed the greeting.
public enum ChatClientFrame: Sendable, Hashable {
    /// "Are you listening?" — answered with `ready`, which says whether the department has someone online.
    case hello(departmentID: Department.ID?, language: SupportedLanguage)
    /// No one is online: the pre-chat form becomes a request answered by email.
    case offline(ChatStart)
    /// Opens a conversation: the pre-chat form and the first line.
    case start(ChatStart)
    /// Reattaches to a conversation (page reload, reconnect): the visitor's token and the last line it has.
    case resume(token: String, lastSeq: Int)
    case line(clientID: Message.ID, text: String)
    case typing(Bool)
    /// The visitor closes the chat.
    case end
    /// "Email me this conversation."
    case transcript

    public static let maxFrameBytes = 16 * 1024
    public static let maxLineLength = 4_000

    /// Decodes and checks one frame; every refusal names what was wrong, for the error frame.
    public static func decode(_ text: String) -> Result<ChatClientFrame, ChatProtocolError> {
        guard text.utf8.count <= maxFrameBytes else { return .failure(.tooLarge(limit: maxFrameBytes)) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let type = object["type"] as? String
        else { return .failure(.badFrame("a frame is a JSON object with a \"type\"")) }
        func string(_ key: String) -> String? { object[key] as? String }
        switch type {
        case "start", "offline":
            let start = ChatStart(
                name: string("name") ?? "", email: string("email") ?? "", departmentID: string("departmentId") ?? "",
                text: string("text") ?? "", clientID: string("clientId").flatMap(Message.ID.init) ?? Message.ID(),
                language: string("language"),
                fields: ((object["fields"] as? [String: Any]) ?? [:]).compactMapValues { value in
                    (value as? String) ?? (value as? NSNumber)?.stringValue
                })
            return start.validated().map { type == "start" ? .start($0) : .offline($0) }
        case "resume":
            guard let token = string("token"), !token.isEmpty else { return .failure(.badFrame("resume needs a token")) }
            let lastSeq = (object["lastSeq"] as? NSNumber)?.intValue ?? 0
            return .success(.resume(token: token, lastSeq: max(0, lastSeq)))
        case "line":
            guard let raw = string("clientId"), let clientID = Message.ID(raw) else {
                return .failure(.badFrame("a line needs a clientId that is a UUID"))
            }
            return checkLine(string("text") ?? "").map { .line(clientID: clientID, text: $0) }
        case "hello":
            return .success(
                .hello(
                    departmentID: string("departmentId").flatMap(Department.ID.init),
                    language: string("language").flatMap(SupportedLanguage.init(matching:)) ?? .portugueseBrazil))
        case "typing":
            return .success(.typing((object["on"] as? Bool) ?? false))
        case "end":
            return .success(.end)
        case "transcript":
            return .success(.transcript)
        default:
            return .failure(.badFrame("unknown frame type \(type.prefix(40))"))
        }
    }

    static func checkLine(_ text: String) -> Result<String, ChatProtocolError> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .failure(.badFrame("a line needs text")) }
        if trimmed.count > maxLineLength { return .failure(.tooLarge(limit: maxLineLength)) }
        return .success(trimmed)
    }
}

/// The pre-chat form.
public struct ChatStart: Sendable, Hashable {
    public var name: String
    public var email: String
    public var departmentID: String
    public var text: String
    public var clientID: Message.ID
    public var language: String?
    /// Custom fields the department's form asks, by key.
    public var fields: [String: String]

    public init(
        name: String, email: String, departmentID: String, text: String, clientID: Message.ID, language: String?,
        fields: [String: String] = [:]
    ) {
        self.name = name
        self.email = email
        self.departmentID = departmentID
        self.text = text
        self.clientID = clientID
        self.language = language
        self.fields = fields
    }

    func validated() -> Result<ChatStart, ChatProtocolError> {
        var start = self
        start.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        start.email = email.trimmingCharacters(in: .whitespaces)
        // Whether a name is required is the department's choice (`ChatPrechatForm`).
        guard start.name.count <= 200 else { return .failure(.tooLarge(limit: 200)) }
        start.fields = fields.compactMapValues {
            let value = $0.trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        guard start.fields.count <= 50, start.fields.values.allSatisfy({ $0.count <= 1_000 }) else {
            return .failure(.badFrame("too many or too long fields"))
        }
        guard EmailAddress(start.email) != nil else { return .failure(.badFrame("a valid email is required")) }
        guard Department.ID(departmentID) != nil else { return .failure(.badFrame("departmentId must be a UUID")) }
        return ChatClientFrame.checkLine(text).map { text in
            start.text = text
            return start
        }
    }
}

/// What the server sends.
public enum ChatServerFrame: Sendable {
    /// The server listens: the client may send. With the department a `hello` asked about: whether someone can
    /// answer, its greeting, colour, form and choices (see `ChatWelcome`).
    case ready(ChatWelcome?)
    /// An offline message became request `number`.
    case offlineReceived(number: Int)
    /// The transcript is on its way by mail (or could not be sent: `sent` false).
    case transcriptSent(Bool)
    /// The conversation is open: the token to resume it, its request number, and its state.
    case welcome(token: String, number: Int, state: ChatConversation.State)
    /// A line the client sent is stored (`seq` is its place).
    case ack(clientID: Message.ID, seq: Int)
    /// `fileURL` turns an attachment into the address the widget may fetch it from.
    case line(ChatLine, fileURL: @Sendable (Attachment) -> String)
    case typing(name: String, on: Bool)
    /// Where the chat stands now; `agent`: who answers it, once someone accepted it.
    case state(ChatConversation.State, agent: String?)
    case error(ChatProtocolError)

    public var json: String {
        var object: [String: Any]
        switch self {
        case .ready(let welcome):
            object = ["type": "ready"]
            if let welcome { object.merge(Self.fields(of: welcome)) { _, new in new } }
        case .offlineReceived(let number):
            object = ["type": "offline_received", "number": number]
        case .transcriptSent(let sent):
            object = ["type": "transcript", "sent": sent]
        case .welcome(let token, let number, let state):
            object = ["type": "welcome", "token": token, "number": number, "state": state.rawValue]
        case .ack(let clientID, let seq):
            object = ["type": "ack", "clientId": clientID.description.lowercased(), "seq": seq]
        case .line(let line, let fileURL):
            object = [
                "type": "line", "seq": line.seq, "id": line.id.description.lowercased(), "from": line.from.rawValue,
                "name": line.name, "text": line.text, "at": ISO8601DateFormatter().string(from: line.at),
                "files": line.attachments.map { ["name": $0.filename, "size": $0.size, "url": fileURL($0)] },
            ]
        case .typing(let name, let on):
            object = ["type": "typing", "name": name, "on": on]
        case .state(let state, let agent):
            object = ["type": "state", "state": state.rawValue]
            if let agent { object["agent"] = agent }
        case .error(let error):
            object = ["type": "error", "code": error.code, "message": error.message]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension ChatServerFrame {
    static func fields(of welcome: ChatWelcome) -> [String: Any] {
        var object: [String: Any] = [
            "online": welcome.online, "available": welcome.isAvailable,
            "departments": welcome.choices.map { ["id": $0.departmentID.description, "name": $0.name] },
            "form": [
                "requiresName": welcome.requiresName,
                "fields": welcome.fields.map {
                    ["key": $0.key, "label": $0.label, "kind": $0.kind.rawValue, "options": $0.options,
                     "required": $0.isRequired] as [String: Any]
                },
            ] as [String: Any],
        ]
        if let greeting = welcome.greeting { object["greeting"] = greeting }
        if let color = welcome.color { object["color"] = color }
        if let opensAt = welcome.opensAt { object["opensAt"] = ISO8601DateFormatter().string(from: opensAt) }
        return object
    }
}

/// One public line of a conversation, as both sides see it.
public struct ChatLine: Sendable, Hashable {
    public enum From: String, Sendable {
        case visitor, agent
    }

    public let seq: Int
    public let id: Message.ID
    public let from: From
    public let name: String
    public let text: String
    public let at: Date
    public let attachments: [Attachment]

    public init(
        seq: Int, id: Message.ID, from: From, name: String, text: String, at: Date, attachments: [Attachment] = []
    ) {
        self.seq = seq
        self.id = id
        self.from = from
        self.name = name
        self.text = text
        self.at = at
        self.attachments = attachments
    }
}

/// A refused frame or action; the connection stays open unless the client keeps misbehaving.
public enum ChatProtocolError: Error, Sendable, Hashable {
    case badFrame(String)
    case tooLarge(limit: Int)
    case unknownConversation
    case notStarted
    case ended
    case departmentUnavailable
    case rateLimited
    case originNotAllowed

    public var code: String {
        switch self {
        case .badFrame: "bad_frame"
        case .tooLarge: "too_large"
        case .unknownConversation: "unknown_conversation"
        case .notStarted: "not_started"
        case .ended: "ended"
        case .departmentUnavailable: "department_unavailable"
        case .rateLimited: "rate_limited"
        case .originNotAllowed: "origin_not_allowed"
        }
    }

    public var message: String {
        switch self {
        case .badFrame(let reason): reason
        case .tooLarge(let limit): "too large (at most \(limit))"
        case .unknownConversation: "no conversation has this token"
        case .notStarted: "start or resume a conversation first"
        case .ended: "this conversation has ended"
        case .departmentUnavailable: "this department does not take chats"
        case .rateLimited: "too many lines; wait a moment"
        case .originNotAllowed: "this site may not embed the chat"
        }
    }
}
