import BalcaoCore
import BalcaoStore
import Foundation
import SQLKit

/// The one set of ports and services the app runs on, built once in `configure` and handed to each controller.
public struct BalcaoServices: Sendable {
    public let config: BalcaoConfig
    public let clock: any Clock
    public let ticketStore: any TicketStore
    public let directory: any DirectoryStore
    public let blobs: any BlobStore
    public let credentials: CredentialStore
    public let tickets: TicketService
    public let people: DirectoryService
    public let search: any TicketSearch
    public let sessions: SessionStore
    /// The store's database, for tools that measure or maintain it (benchmarks, backups).
    public let storeContext: StoreContext
    public var sql: any SQLDatabase { storeContext.sql }
    let bus: LocalEventBus
    let presence = PresenceHub()
    let loginGuard = LoginGuard()

    public init(config: BalcaoConfig, context: StoreContext, clock: any Clock) {
        self.config = config
        self.clock = clock
        self.storeContext = context
        let ticketStore = FluentTicketStore(context: context)
        let directory = FluentDirectoryStore(context: context)
        let blobs = FileBlobStore(root: config.dataDirectory.appendingPathComponent("attachments"))
        self.ticketStore = ticketStore
        self.directory = directory
        self.blobs = blobs
        self.credentials = CredentialStore(context: context)
        self.search = SQLTicketSearch(context: context)
        self.sessions = SessionStore(context: context)
        let bus = LocalEventBus()
        self.bus = bus
        self.tickets = TicketService(
            tickets: ticketStore, directory: directory, blobs: blobs, clock: clock,
            attachmentPolicy: AttachmentPolicy(maxBytes: config.storage.maxAttachmentBytes), bus: bus)
        self.people = DirectoryService(directory: directory, tickets: ticketStore, clock: clock)
    }
}
