import BalcaoCore
import BalcaoStore
import Foundation

/// The real stores and services over a scratch database, with a manual clock: what store tests work with.
public struct TestDesk: Sendable {
    public let context: StoreContext
    public let clock: ManualClock
    public let tickets: FluentTicketStore
    public let directory: FluentDirectoryStore
    public let blobs: FileBlobStore
    public let ticketService: TicketService
    public let directoryService: DirectoryService
    public let credentials: CredentialStore
    public let mailStore: FluentMailStore
    public let outbox: FluentOutboxStore
    public let notifier: MailNotifier
    public let mailIntake: MailIntake
    public let signer: HMACMailSigner
    public let automation: FluentAutomationStore
    public let triage: TicketTriage
    public let automationRunner: AutomationRunner
    public let automationAdmin: AutomationAdministration

    public init(context: StoreContext, dataDirectory: URL, clock: ManualClock = ManualClock()) {
        self.context = context
        self.clock = clock
        tickets = FluentTicketStore(context: context)
        directory = FluentDirectoryStore(context: context)
        blobs = FileBlobStore(root: dataDirectory.appendingPathComponent("attachments"))
        mailStore = FluentMailStore(context: context)
        outbox = FluentOutboxStore(context: context)
        signer = HMACMailSigner(key: Data("test-desk-secret".utf8))
        notifier = MailNotifier(
            directory: directory, mail: mailStore, outbox: outbox, blobs: blobs, clock: clock, signer: signer,
            settings: MailSettings(
                defaultSender: MailAddress(name: "Balcão", address: "balcao@desk.example"),
                messageIDDomain: "desk.example", defaultLanguage: .portugueseBrazil))
        // Wired as BalcaoServices wires the app: triage inside every save, triggers after it.
        automation = FluentAutomationStore(context: context)
        triage = TicketTriage(automation: automation, directory: directory, tickets: tickets)
        let mailBus = MailNotifyingBus(notifier: notifier, next: SilentEventBus()) { _ in }
        let policy = AttachmentPolicy(maxBytes: 1024 * 1024, maxCount: 5)
        let desk = DeskIdentity(name: "Balcão", publicURL: "https://desk.example")
        automationRunner = AutomationRunner(
            service: TicketService(
                tickets: tickets, directory: directory, blobs: blobs, clock: clock, attachmentPolicy: policy,
                bus: mailBus, triage: triage),
            automation: automation, directory: directory, tickets: tickets, notifier: notifier, clock: clock,
            desk: desk, report: { print("automation: \($0)") })
        ticketService = TicketService(
            tickets: tickets, directory: directory, blobs: blobs, clock: clock, attachmentPolicy: policy,
            bus: MailNotifyingBus(
                notifier: notifier, next: AutomationBus(runner: automationRunner, next: SilentEventBus())) { _ in },
            triage: triage)
        automationAdmin = AutomationAdministration(
            automation: automation, directory: directory, tickets: tickets, service: ticketService,
            runner: automationRunner, clock: clock, desk: desk)
        mailIntake = MailIntake(service: ticketService, mail: mailStore, notifier: notifier, signer: signer)
        directoryService = DirectoryService(directory: directory, tickets: tickets, clock: clock)
        credentials = CredentialStore(context: context)
    }

    /// Runs `body` on a fresh desk on `database`, removed afterwards.
    public static func run<T: Sendable>(_ database: TestDatabase, _ body: (TestDesk) async throws -> T) async throws -> T {
        let scratch = try ScratchDatabase(database)
        return try await scratch.withDatabase { context in
            try await body(TestDesk(context: context, dataDirectory: scratch.directory))
        }
    }

    // MARK: Fixtures

    /// An admin who works in every department passed.
    public func makeAdmin(departments: [Department] = []) async throws -> Agent {
        var fields = AgentFields()
        fields.name = "Ana Admin"
        fields.email = "ana.admin.\(UUID().uuidString.prefix(8))@balcao.example"
        fields.role = .admin
        fields.departmentIDs = departments.map(\.id)
        return try await directoryService.createAgent(fields, by: nil)
    }

    public func makeAgent(name: String = "Bruno Agente", departments: [Department]) async throws -> Agent {
        var fields = AgentFields()
        fields.name = name
        fields.email = "\(name.split(separator: " ").first!.lowercased()).\(UUID().uuidString.prefix(8))@balcao.example"
        fields.departmentIDs = departments.map(\.id)
        return try await directoryService.createAgent(fields, by: nil)
    }

    public func makeDepartment(
        _ name: String, kind: Department.Kind = .external, tier: Department.Tier = .first,
        customFields: [CustomFieldDefinition] = [], by admin: Agent
    ) async throws -> Department {
        var fields = DepartmentFields()
        fields.name = name
        fields.kind = kind
        fields.tier = tier
        fields.customFields = customFields
        return try await directoryService.createDepartment(fields, by: admin)
    }

    public func makeContact(_ name: String = "Carla Cliente", email: String? = nil) async throws -> Contact {
        var fields = ContactFields()
        fields.name = name
        fields.emails = [email ?? "carla.\(UUID().uuidString.prefix(8))@cliente.example"]
        return try await directoryService.createContact(fields)
    }

    /// Opens a ticket for `requester` with a plain-text body.
    public func openTicket(
        _ subject: String = "Impressora não imprime", body: String = "Desde ontem a impressora do 2º andar não imprime.",
        requester: Contact, department: Department? = nil, by actor: Actor? = nil,
        configure: (inout OpenTicket) -> Void = { _ in }
    ) async throws -> Ticket {
        var command = OpenTicket(
            subject: subject, body: MessageBody(text: body), requester: .id(requester.id), channel: .api,
            departmentID: department?.id)
        configure(&command)
        return try await ticketService.open(command, by: actor ?? .contact(requester.id))
    }
}
