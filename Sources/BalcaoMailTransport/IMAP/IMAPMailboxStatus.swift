/// What SELECT reports about a mailbox.
public struct IMAPMailboxStatus: Sendable, Equatable {
    /// Number of messages in the mailbox.
    public var exists: Int
    /// UIDs are only comparable while this stays the same; a change means every stored UID is stale.
    public var uidValidity: UInt32
    /// The UID the next message will get, when the server says (RFC 3501 requires it; some servers omit it).
    public var uidNext: UInt32?

    public init(exists: Int, uidValidity: UInt32, uidNext: UInt32?) {
        self.exists = exists
        self.uidValidity = uidValidity
        self.uidNext = uidNext
    }
}
