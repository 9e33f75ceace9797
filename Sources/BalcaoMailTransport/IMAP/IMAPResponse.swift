/// One response from an IMAP server (RFC 3501 §7), parsed as far as ``IMAPClient`` needs.
enum IMAPResponse: Sendable, Equatable {
    /// `A1 OK …`: completes the command with that tag.
    case tagged(tag: String, IMAPStatusResponse)
    /// `* …`: data or status not tied to a command.
    case untagged(IMAPUntaggedResponse)
    /// `+ …`: the server waits for a literal.
    case continuation(String)
}

enum IMAPStatus: String, Sendable, Equatable {
    case ok = "OK"
    case no = "NO"
    case bad = "BAD"
    case preauth = "PREAUTH"
    case bye = "BYE"
}

/// `OK [UIDVALIDITY 3857529045] UIDs valid`: a status, an optional bracketed code and human-readable text.
struct IMAPStatusResponse: Sendable, Equatable {
    var status: IMAPStatus
    var code: IMAPResponseCode?
    var text: String

    /// Code and text as the server said them, for error messages.
    var serverText: String {
        guard let code else { return text }
        let arguments = code.arguments.isEmpty ? "" : " \(code.arguments)"
        return "[\(code.name)\(arguments)] \(text)"
    }
}

/// A response code such as `[UIDNEXT 4]`: upper-cased name and the raw rest.
struct IMAPResponseCode: Sendable, Equatable {
    var name: String
    var arguments: String

    var words: [String] { arguments.split(separator: " ").map(String.init) }
}

enum IMAPUntaggedResponse: Sendable, Equatable {
    case status(IMAPStatusResponse)
    /// Upper-cased capability names.
    case capability([String])
    case exists(UInt32)
    case expunge(UInt32)
    case search([UInt32])
    case fetch(sequenceNumber: UInt32, IMAPFetchAttributes)
    /// Responses this client does not use (FLAGS, LIST, RECENT, …), by keyword.
    case other(String)
}

/// The message data items of a FETCH response that this client reads.
struct IMAPFetchAttributes: Sendable, Equatable {
    var uid: UInt32?
    var flags: [String]?
    /// `BODY[]` (or `RFC822`): the whole message. `nil` when absent or `NIL`.
    var body: [UInt8]?
}
