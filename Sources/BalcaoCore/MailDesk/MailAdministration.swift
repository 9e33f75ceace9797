import Foundation

/// What admins change about the email channel: mailboxes, notification templates, and failed outbox mail.
public struct MailAdministration: Sendable {
    let mail: any MailStore
    let outbox: any OutboxStore
    let directory: any DirectoryStore
    let clock: any Clock
    let intake: MailIntake?

    public init(
        mail: any MailStore, outbox: any OutboxStore, directory: any DirectoryStore, clock: any Clock,
        intake: MailIntake? = nil
    ) {
        self.mail = mail
        self.outbox = outbox
        self.directory = directory
        self.clock = clock
        self.intake = intake
    }

    /// Runs a quarantined mail through the intake again — as it is (`force: false`, after fixing a mailbox, say)
    /// or accepting it whatever its size or sender (`force: true`, "create ticket anyway"). The held copy goes;
    /// if the mail is held again, a new entry says why.
    public func release(_ id: QuarantinedMail.ID, force: Bool, by actor: Agent) async throws -> MailIntakeResult? {
        try DirectoryService.requireAdmin(actor)
        guard let intake, let held = try await mail.quarantinedMail(id) else { return nil }
        let result = try await intake.receive(held.raw, recipient: held.recipient, force: force)
        try await mail.deleteQuarantined(id)
        return result
    }

    public func dismiss(_ id: QuarantinedMail.ID, by actor: Agent) async throws {
        try DirectoryService.requireAdmin(actor)
        try await mail.deleteQuarantined(id)
    }

    /// Lets mail go to a bounced address again (the person fixed their mailbox).
    public func clearUndeliverable(_ email: String, by actor: Agent) async throws {
        try DirectoryService.requireAdmin(actor)
        try await mail.clearUndeliverable(email)
    }

    public func createMailbox(_ draft: MailboxDraft, by actor: Agent) async throws -> Mailbox {
        try DirectoryService.requireAdmin(actor)
        let checked = try await check(draft, previous: nil)
        let mailbox = Mailbox(
            address: checked.address, displayName: checked.displayName, departmentID: draft.departmentID,
            imap: checked.imap, isActive: draft.isActive, createdAt: clock.now)
        try await mail.save(mailbox)
        return mailbox
    }

    public func updateMailbox(_ id: Mailbox.ID, _ draft: MailboxDraft, by actor: Agent) async throws -> Mailbox {
        try DirectoryService.requireAdmin(actor)
        guard var mailbox = try await mail.mailbox(id) else { throw MailboxError.notFound(id) }
        let checked = try await check(draft, previous: mailbox.imap)
        mailbox.address = checked.address
        mailbox.displayName = checked.displayName
        mailbox.departmentID = draft.departmentID
        mailbox.imap = checked.imap
        mailbox.isActive = draft.isActive
        mailbox.updatedAt = clock.now
        try await mail.save(mailbox)
        return mailbox
    }

    public func deleteMailbox(_ id: Mailbox.ID, by actor: Agent) async throws {
        try DirectoryService.requireAdmin(actor)
        try await mail.deleteMailbox(id)
    }

    /// The template in use for a kind and language: the admin's edit or the built-in text.
    public func template(_ kind: NotificationTemplate.Kind, _ language: SupportedLanguage) async throws
        -> (template: NotificationTemplate, isEdited: Bool)
    {
        if let edited = try await mail.templates().first(where: { $0.kind == kind && $0.language == language }) {
            return (edited, true)
        }
        return (NotificationTemplate.builtIn(kind, language), false)
    }

    public func saveTemplate(_ template: NotificationTemplate, by actor: Agent) async throws {
        try DirectoryService.requireAdmin(actor)
        try template.validate()
        try await mail.save(template)
    }

    /// Goes back to the built-in text.
    public func resetTemplate(_ kind: NotificationTemplate.Kind, _ language: SupportedLanguage, by actor: Agent)
        async throws
    {
        try DirectoryService.requireAdmin(actor)
        try await mail.deleteTemplate(kind, language: language)
    }

    public func retry(_ id: OutboxMail.ID, by actor: Agent) async throws -> Bool {
        try DirectoryService.requireAdmin(actor)
        return try await outbox.retry(id, at: clock.now)
    }

    private func check(_ draft: MailboxDraft, previous: IMAPSettings?) async throws
        -> (address: EmailAddress, displayName: String, imap: IMAPSettings?)
    {
        var collector = ValidationCollector()
        let address = EmailAddress(draft.address)
        if address == nil { collector.add("address", "must be an email address such as suporte@empresa.com.br") }
        collector.requireText(draft.displayName, field: "displayName", maxLength: 120)
        if let departmentID = draft.departmentID, try await directory.department(departmentID) == nil {
            collector.add("departmentId", "no department has this id")
        }
        let imap = draft.imap?.settings(previous: previous, into: &collector)
        try collector.check()
        return (address!, draft.displayName.trimmingCharacters(in: .whitespacesAndNewlines), imap)
    }
}
