/// Running tagged commands, one at a time.
extension IMAPClient {
    struct CommandReply: Sendable {
        var untagged: [IMAPUntaggedResponse]
        var tagged: IMAPStatusResponse
        /// Whether a CAPABILITY response or response code arrived (and was applied).
        var updatedCapabilities: Bool
    }

    /// Runs `body` after every earlier call has finished: actor methods interleave at each `await`, and an IMAP
    /// connection carries one command at a time.
    func exclusively<T: Sendable>(_ body: () async throws(MailTransportError) -> T) async throws(MailTransportError)
        -> T
    {
        if isBusy {
            await withCheckedContinuation { waitingCallers.append($0) }
        }
        isBusy = true
        defer {
            if waitingCallers.isEmpty {
                isBusy = false
            } else {
                waitingCallers.removeFirst().resume()
            }
        }
        if let closedError { throw closedError }
        do {
            return try await body()
        } catch where error.kind == .rejected {
            throw error
        } catch {
            closedError = error
            await connection.close()
            throw error
        }
    }

    /// Runs `command`; a tagged NO or BAD throws `.rejected` with the server's text.
    @discardableResult
    func run(_ command: IMAPCommand) async throws(MailTransportError) -> CommandReply {
        let reply = try await execute(command)
        guard reply.tagged.status == .ok else {
            let name = command.parts.first.map { if case .text(let text) = $0 { text } else { "" } } ?? ""
            throw MailTransportError(.rejected, "\(name) refused: \(reply.tagged.serverText)")
        }
        return reply
    }

    /// Sends `command` under a fresh tag and collects responses up to its tagged completion, whatever its status.
    ///
    /// - Parameter answer: the line (without CRLF) to send for each `+` continuation that comes after the whole
    ///   command was sent, given the continuation's text: the steps of AUTHENTICATE. By default such a
    ///   continuation is a protocol violation.
    func execute(
        _ command: IMAPCommand,
        answeringChallenges answer: (String) throws(MailTransportError) -> String = { _ throws(MailTransportError) in
            throw MailTransportError(.protocolViolation, "unexpected continuation request")
        }
    ) async throws(MailTransportError) -> CommandReply {
        let tag = "A\(nextTag)"
        nextTag += 1
        var untagged: [IMAPUntaggedResponse] = []
        var updatedCapabilities = false
        var farewell: String?
        let segments = command.segments(tag: tag)
        for (number, segment) in segments.enumerated() {
            try await connection.send(segment)
            let isLast = number == segments.count - 1
            while true {
                let response: IMAPResponse
                do {
                    response = try await connection.receive()
                } catch where error.kind == .connectionFailed && farewell != nil {
                    throw MailTransportError(.connectionFailed, "server closed the session: \(farewell ?? "")")
                }
                switch response {
                case .continuation where !isLast:
                    break
                case .continuation(let challenge):
                    try await connection.send(try answer(challenge) + "\r\n")
                    continue
                case .tagged(let responseTag, let status) where responseTag == tag:
                    if let code = status.code, code.name == "CAPABILITY" {
                        capabilities = Set(code.words.map { $0.uppercased() })
                        updatedCapabilities = true
                    }
                    return CommandReply(untagged: untagged, tagged: status, updatedCapabilities: updatedCapabilities)
                case .tagged(let responseTag, _):
                    throw MailTransportError(.protocolViolation, "response for unknown tag \(responseTag)")
                case .untagged(let data):
                    switch data {
                    case .capability(let names):
                        capabilities = Set(names)
                        updatedCapabilities = true
                    case .status(let status) where status.code?.name == "CAPABILITY":
                        capabilities = Set(status.code?.words.map { $0.uppercased() } ?? [])
                        updatedCapabilities = true
                    case .status(let status) where status.status == .bye:
                        farewell = status.serverText
                    default:
                        break
                    }
                    untagged.append(data)
                    continue
                }
                break
            }
        }
        throw MailTransportError(.protocolViolation, "command ended without a tagged response")
    }

    func refreshCapabilities() async throws(MailTransportError) {
        try await run(IMAPCommand("CAPABILITY"))
    }
}
