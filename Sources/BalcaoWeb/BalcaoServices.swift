import BalcaoCore
import BalcaoStore
import Foundation
import Logging
import Vapor
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
    public let sessions: SessionStore<Agent>
    /// Portal users' browser sessions.
    public let portalSessions: SessionStore<Contact>
    public let mailStore: any MailStore
    public let outbox: any OutboxStore
    public let notifier: MailNotifier
    public let mailIntake: MailIntake
    public let mailboxPoll: MailboxPoll
    public let mailAdmin: MailAdministration
    public let mailboxOAuth: MailboxOAuth
    /// Sends the outbox: mailboxes connected with OAuth as themselves, the rest through the relay.
    public let outboxDelivery: OutboxDelivery
    public let automation: any AutomationStore
    /// Routing effects, triggers, time rules and the SLA watch.
    public let automationRunner: AutomationRunner
    public let automationAdmin: AutomationAdministration
    /// The help section (knowledge base): articles, search, suggestions.
    public let helpCenter: HelpCenter
    /// Notices shown to portal users.
    public let announcements: Announcements
    /// Portal settings and branding, passwords, links, satisfaction ratings.
    public let portalStore: FluentPortalStore
    /// Portal sign-up, sign-in links and passwords.
    public let portalAccounts: PortalAccounts
    /// A portal user's requests.
    public let portalDesk: PortalDesk
    /// Branding and sign-up settings (admins).
    public let portalAdmin: PortalAdministration
    /// Live chat: conversations as tickets on channel `chat`.
    public let chat: ChatService
    public let chatStore: FluentChatStore
    /// The store's database, for tools that measure or maintain it (benchmarks, backups).
    public let storeContext: StoreContext
    public var sql: any SQLDatabase { storeContext.sql }
    let bus: LocalEventBus
    /// The local bus plus, on PostgreSQL, the other instances (see `ClusterEventBus`).
    let cluster: ClusterEventBus
    let presence: PresenceHub
    let workspaceConnections: WorkspaceConnections
    /// Presence and connected agents shared with the other instances (see `ClusterPresence`).
    let clusterPresence: ClusterPresence
    /// Complaint taxonomy, classification and recurrence.
    let quality: QualityService
    /// Problem records and their linked tickets.
    let problems: ProblemService
    let demandStore: any DemandStore
    /// Spike detection over ticket arrivals.
    let demand: DemandMonitor
    /// Spike alerts as they open, for live banners.
    let spikes = SpikeHub()
    /// The weekly mail to the quality team.
    let qualityDigest: QualityDigest
    /// Who answers which chat: accept, transfer, limits.
    let chatRouting: ChatRouting
    /// Delivers changes and presence to the chat connections of each ticket.
    let chatHub: ChatHub
    /// Signs links that need no session (chat files for a visitor on another site).
    let linkSigner: any MailSigner
    let loginGuard = LoginGuard()

    /// `keys` are the desk's secrets (`DeskSecrets`), read before the services are built; `httpClient` reaches
    /// OAuth token endpoints.
    public init(
        config: BalcaoConfig, context: StoreContext, clock: any Clock, keys: (mailSigning: Data, sealing: Data),
        httpClient: any Client
    ) {
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
        self.portalSessions = SessionStore(context: context)
        let bus = LocalEventBus()
        self.bus = bus
        let cluster = ClusterEventBus(
            local: bus, channel: PostgresChannel(context: context, name: "balcao_changes"), tickets: ticketStore,
            clock: clock)
        self.cluster = cluster
        let demandStore = FluentDemandStore(context: context)
        self.demandStore = demandStore
        // Arrivals are counted as tickets are committed, whichever service saved them.
        let recorded = DemandRecordingBus(
            store: demandStore, next: cluster, report: { Logger(label: "balcao.demand").error("\($0)") })
        let mailStore = FluentMailStore(context: context)
        let outbox = FluentOutboxStore(context: context)
        self.mailStore = mailStore
        self.outbox = outbox
        let signer = HMACMailSigner(key: keys.mailSigning)
        self.linkSigner = signer
        let notifier = MailNotifier(
            directory: directory, mail: mailStore, outbox: outbox, blobs: blobs, clock: clock, signer: signer,
            settings: config.mail.settings(publicURL: config.http.publicURL, language: config.defaultLanguage))
        self.notifier = notifier
        let automation = FluentAutomationStore(context: context)
        self.automation = automation
        let triage = TicketTriage(automation: automation, directory: directory, tickets: ticketStore)
        let mailBus = MailNotifyingBus(notifier: notifier, next: recorded) { Logger(label: "balcao.mail").error("\($0)") }
        let presence = PresenceHub()
        self.presence = presence
        self.chatHub = ChatHub(bus: bus, presence: presence)
        // A live chat is answered in the chat: while the visitor is connected (a viewer of the ticket), agents'
        // lines are not mailed as well; once they leave, replies go by mail as on any ticket.
        let seenLive: @Sendable (TicketChange) async -> Bool = { change in
            guard change.ticket.channel == .chat else { return false }
            return await presence.viewers(of: change.ticket.id.rawValue)
                .contains { $0.agentID == change.ticket.requesterID.rawValue }
        }
        let attachmentPolicy = AttachmentPolicy(maxBytes: config.storage.maxAttachmentBytes)
        let chatStore = FluentChatStore(context: context)
        // The runner acts through a service whose changes skip the automation stage: its own changes never set
        // off another round of triggers.
        let desk = DeskIdentity(
            name: config.mail.settings(publicURL: nil, language: config.defaultLanguage).defaultSender?.name ?? "Balcão",
            publicURL: config.http.baseURL)
        let quietTickets = TicketService(
            tickets: ticketStore, directory: directory, blobs: blobs, clock: clock,
            attachmentPolicy: attachmentPolicy, bus: mailBus, triage: triage)
        let runner = AutomationRunner(
            service: quietTickets,
            automation: automation, directory: directory, tickets: ticketStore, notifier: notifier, clock: clock,
            desk: desk, report: { Logger(label: "balcao.automation").error("\($0)") })
        self.automationRunner = runner
        let tickets = TicketService(
            tickets: ticketStore, directory: directory, blobs: blobs, clock: clock,
            attachmentPolicy: attachmentPolicy,
            bus: MailNotifyingBus(
                notifier: notifier,
                next: AutomationBus(
                    runner: runner,
                    next: ChatAcceptingBus(
                        routing: ChatRouting(
                            service: quietTickets, tickets: ticketStore, directory: directory, store: chatStore,
                            clock: clock),
                        next: recorded, report: { Logger(label: "balcao.chat").error("\($0)") })),
                report: { Logger(label: "balcao.mail").error("\($0)") }, seenLive: seenLive),
            triage: triage)
        self.tickets = tickets
        self.helpCenter = HelpCenter(store: FluentHelpCenterStore(context: context), clock: clock)
        self.announcements = Announcements(
            store: FluentAnnouncementStore(context: context), directory: directory, clock: clock)
        let portalStore = FluentPortalStore(context: context)
        self.portalStore = portalStore
        self.portalAccounts = PortalAccounts(
            store: portalStore, settings: portalStore, directory: directory, mailer: notifier, clock: clock,
            portalURL: config.portalURL)
        self.portalAdmin = PortalAdministration(settings: portalStore, blobs: blobs)
        let workspaceConnections = WorkspaceConnections()
        self.workspaceConnections = workspaceConnections
        self.clusterPresence = ClusterPresence(
            channel: PostgresChannel(context: context, name: "balcao_presence"), instance: cluster.instance,
            presence: presence, connections: workspaceConnections, clock: clock)
        self.chatStore = chatStore
        self.chat = ChatService(
            service: tickets, tickets: ticketStore, directory: directory, store: chatStore, automation: automation,
            connections: workspaceConnections, clock: clock)
        let qualityStore = FluentQualityStore(context: context)
        let quality = QualityService(store: qualityStore, service: tickets, tickets: ticketStore)
        self.quality = quality
        let deskZone = TimeZone(identifier: config.defaultLanguage == "pt-PT" ? "Europe/Lisbon" : "America/Sao_Paulo")!
        self.qualityDigest = QualityDigest(
            quality: quality, claims: qualityStore, notifier: notifier, clock: clock, timeZone: deskZone,
            reportURL: config.http.baseURL + "/agent/quality?days=7")
        self.demand = DemandMonitor(
            store: demandStore, directory: directory,
            alerting: DeskSpikeAlerting(
                automation: automation, notifier: notifier, hub: spikes, clock: clock,
                alertsURL: config.http.baseURL + "/agent/alerts"),
            automation: automation, clock: clock,
            defaultTimeZone: deskZone)
        self.problems = ProblemService(
            store: FluentProblemStore(context: context), service: tickets, tickets: ticketStore, clock: clock)
        self.chatRouting = ChatRouting(
            service: tickets, tickets: ticketStore, directory: directory, store: chatStore, clock: clock)
        self.portalDesk = PortalDesk(
            service: tickets, tickets: ticketStore, directory: directory, ratings: portalStore, clock: clock)
        self.automationAdmin = AutomationAdministration(
            automation: automation, directory: directory, tickets: ticketStore, service: tickets, runner: runner,
            clock: clock, desk: desk)
        self.mailIntake = MailIntake(
            service: tickets, mail: mailStore, notifier: notifier, signer: signer,
            undeliverableFor: TimeInterval(config.mail.undeliverableDays) * 86400)
        self.mailboxPoll = MailboxPoll(intake: mailIntake, mail: mailStore, clock: clock, alerts: notifier)
        self.mailboxOAuth = MailboxOAuth(
            mail: mailStore, endpoint: HTTPOAuthTokenEndpoint(client: httpClient),
            sealer: AESSecretSealer(key: keys.sealing), signer: signer, clock: clock)
        self.mailAdmin = MailAdministration(
            mail: mailStore, outbox: outbox, directory: directory, clock: clock, intake: mailIntake)
        let heloName = config.mail.heloName(publicURL: config.http.publicURL)
        self.outboxDelivery = OutboxDelivery(
            outbox: outbox,
            sender: MailboxRoutingSender(
                mail: mailStore, oauth: mailboxOAuth, relay: config.mail.smtp.map { SMTPMailSender($0, heloName: heloName) },
                heloName: heloName, extraTrustRoots: config.mail.smtp?.caFile ?? config.mail.imapCAFile),
            clock: clock)
        self.people = DirectoryService(directory: directory, tickets: ticketStore, clock: clock)
    }
}
