import NIOCore
import NIOPosix

/// An IMAP4rev1 session (RFC 3501) for polling a help-desk mailbox: log in (password or OAuth 2.0), select, find
/// new messages (by UID, or unseen), fetch, flag and move them.
///
/// Calls run one at a time in call order. A tagged `NO`/`BAD` throws `.rejected` and leaves the session usable;
/// any other error (timeout, lost connection, refused login, garbage from the server) closes the connection, and
/// later calls fail with that error. Call ``logout()`` when done.
public actor IMAPClient {
    public nonisolated let endpoint: MailServerEndpoint
    /// Upper-cased capability names as last announced (they change after STARTTLS and login).
    public internal(set) var capabilities: Set<String> = []

    let connection: MailConnection<IMAPResponseFramer>
    var nextTag = 1
    var closedError: MailTransportError?
    var isBusy = false
    var waitingCallers: [CheckedContinuation<Void, Never>] = []

    private init(endpoint: MailServerEndpoint, connection: MailConnection<IMAPResponseFramer>) {
        self.endpoint = endpoint
        self.connection = connection
    }

    /// Connects, reads the greeting, upgrades with STARTTLS when `endpoint.security == .startTLS` and asks for
    /// the server's capabilities.
    public static func connect(
        to endpoint: MailServerEndpoint,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> IMAPClient {
        let connection = try await MailConnection<IMAPResponseFramer>.connect(to: endpoint, group: group)
        let client = IMAPClient(endpoint: endpoint, connection: connection)
        try await client.exclusively { () async throws(MailTransportError) in try await client.start() }
        return client
    }

    private func start() async throws(MailTransportError) {
        let greeting = try await connection.receive()
        guard case .untagged(.status(let status)) = greeting, status.status == .ok || status.status == .preauth else {
            if case .untagged(.status(let status)) = greeting, status.status == .bye {
                throw MailTransportError(.connectionFailed, "server refused the session: \(status.serverText)")
            }
            throw MailTransportError(.protocolViolation, "unexpected IMAP greeting")
        }
        if endpoint.security == .startTLS {
            if !capabilities.contains("STARTTLS") {
                try await refreshCapabilities()
            }
            guard capabilities.contains("STARTTLS"), status.status != .preauth else {
                throw MailTransportError(.tlsFailed, "server does not offer STARTTLS")
            }
            let reply = try await execute(IMAPCommand("STARTTLS"))
            guard reply.tagged.status == .ok else {
                throw MailTransportError(.tlsFailed, "STARTTLS refused: \(reply.tagged.serverText)")
            }
            try await connection.startTLS()
            // RFC 3501 §6.2.1: capabilities seen in the clear are not to be trusted.
            capabilities = []
        }
        try await refreshCapabilities()
    }

    /// SELECT: opens `mailbox` read-write for the following calls.
    public func select(_ mailbox: String) async throws -> IMAPMailboxStatus {
        try await exclusively { () async throws(MailTransportError) in
            let reply = try await run(IMAPCommand("SELECT").mailbox(mailbox))
            var exists: Int?
            var uidValidity: UInt32?
            var uidNext: UInt32?
            for response in reply.untagged {
                switch response {
                case .exists(let count):
                    exists = Int(count)
                case .status(let status) where status.status == .ok:
                    let value = status.code?.words.first.flatMap { UInt32($0) }
                    switch status.code?.name {
                    case "UIDVALIDITY": uidValidity = value
                    case "UIDNEXT": uidNext = value
                    default: break
                    }
                default:
                    break
                }
            }
            guard let exists, let uidValidity else {
                throw MailTransportError(.protocolViolation, "SELECT \(mailbox) without EXISTS or UIDVALIDITY")
            }
            return IMAPMailboxStatus(exists: exists, uidValidity: uidValidity, uidNext: uidNext)
        }
    }

    /// UID SEARCH UNSEEN in the selected mailbox, ascending.
    public func searchUnseenUIDs() async throws -> [UInt32] {
        try await exclusively { () async throws(MailTransportError) in
            Self.searchResults(try await run(IMAPCommand("UID SEARCH UNSEEN")))
        }
    }

    /// The UIDs above `uid` in the selected mailbox, ascending: the messages that arrived after the one with
    /// `uid` (UID SEARCH UID uid+1:*). Only meaningful while the mailbox keeps the
    /// ``IMAPMailboxStatus/uidValidity`` under which `uid` was seen.
    public func searchUIDs(greaterThan uid: UInt32) async throws -> [UInt32] {
        guard uid < UInt32.max else { return [] }
        return try await exclusively { () async throws(MailTransportError) in
            let reply = try await run(IMAPCommand("UID SEARCH UID").atom("\(uid + 1):*"))
            // "n:*" is every UID between n and the highest one, in either order (RFC 3501 §6.4.8): with nothing
            // newer than `uid` it still matches the highest UID, which is then <= uid.
            return Self.searchResults(reply).filter { $0 > uid }
        }
    }

    private static func searchResults(_ reply: CommandReply) -> [UInt32] {
        let uids = reply.untagged.flatMap { response -> [UInt32] in
            if case .search(let uids) = response { uids } else { [] }
        }
        return Array(Set(uids)).sorted()
    }

    /// The whole message with `uid` (BODY.PEEK[], so it stays unseen), or `nil` when no such message exists.
    public func fetchMessage(uid: UInt32) async throws -> [UInt8]? {
        try await exclusively { () async throws(MailTransportError) in
            let reply = try await run(IMAPCommand("UID FETCH").atom(String(uid)).atom("(UID BODY.PEEK[])"))
            for case .fetch(_, let attributes) in reply.untagged where attributes.uid == uid {
                if let body = attributes.body { return body }
            }
            return nil
        }
    }

    /// Adds `\Seen` to the message with `uid`.
    public func markSeen(uid: UInt32) async throws {
        try await exclusively { () async throws(MailTransportError) in
            _ = try await run(IMAPCommand("UID STORE").atom(String(uid)).atom("+FLAGS.SILENT (\\Seen)"))
        }
    }

    /// Moves the message with `uid` from the selected mailbox to `mailbox`: UID MOVE (RFC 6851) when offered,
    /// otherwise UID COPY, `\Deleted` and UID EXPUNGE (RFC 4315), or a plain EXPUNGE on servers without UIDPLUS,
    /// which also removes other messages already flagged `\Deleted`.
    public func move(uid: UInt32, to mailbox: String) async throws {
        try await exclusively { () async throws(MailTransportError) in
            let id = String(uid)
            if capabilities.contains("MOVE") {
                try await run(IMAPCommand("UID MOVE").atom(id).mailbox(mailbox))
                return
            }
            try await run(IMAPCommand("UID COPY").atom(id).mailbox(mailbox))
            try await run(IMAPCommand("UID STORE").atom(id).atom("+FLAGS.SILENT (\\Deleted)"))
            if capabilities.contains("UIDPLUS") {
                try await run(IMAPCommand("UID EXPUNGE").atom(id))
            } else {
                try await run(IMAPCommand("EXPUNGE"))
            }
        }
    }

    /// CREATE `mailbox`; succeeds when it already exists.
    public func create(_ mailbox: String) async throws {
        try await exclusively { () async throws(MailTransportError) in
            let reply = try await execute(IMAPCommand("CREATE").mailbox(mailbox))
            let tagged = reply.tagged
            let alreadyExists =
                tagged.code?.name == "ALREADYEXISTS" || tagged.text.lowercased().contains("already exists")
            guard tagged.status == .ok || (tagged.status == .no && alreadyExists) else {
                throw MailTransportError(.rejected, "CREATE \(mailbox) refused: \(tagged.serverText)")
            }
        }
    }

    /// APPEND `message` to `mailbox` (e.g. a copy of sent mail).
    ///
    /// - Parameter flags: system flags to set, such as `\Seen`.
    /// - Returns: the new message's UID when the server reports it (UIDPLUS `APPENDUID`).
    @discardableResult
    public func append(_ message: [UInt8], to mailbox: String, flags: [String] = []) async throws -> UInt32? {
        try await exclusively { () async throws(MailTransportError) in
            var command = IMAPCommand("APPEND").mailbox(mailbox)
            let atomSafe = { (flag: String) in
                !flag.isEmpty && flag.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !Array("(){%*\"]".utf8).contains($0) }
            }
            guard flags.allSatisfy(atomSafe) else {
                throw MailTransportError(.rejected, "invalid flags \(flags)", isPermanent: true)
            }
            if !flags.isEmpty {
                command = command.atom("(" + flags.joined(separator: " ") + ")")
            }
            let reply = try await run(command.literal(message))
            guard let code = reply.tagged.code, code.name == "APPENDUID", code.words.count == 2 else { return nil }
            return UInt32(code.words[1])
        }
    }

    /// LOGOUT and close. Never fails; the client cannot be used afterwards.
    public func logout() async {
        try? await exclusively { () async throws(MailTransportError) in
            guard closedError == nil else { return }
            _ = try? await execute(IMAPCommand("LOGOUT"))
            closedError = MailTransportError(.connectionFailed, "logged out")
            await connection.close()
        }
        await connection.close()
    }
}
