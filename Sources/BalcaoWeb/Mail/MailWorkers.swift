import BalcaoCore
import Foundation
import Vapor

/// The background side of the email channel in this process: the outbox sender (when SMTP is configured) and a
/// poller per IMAP mailbox, each on its own interval. Started after boot, cancelled on shutdown.
struct MailWorkers: LifecycleHandler {
    let services: BalcaoServices
    let tasks = TaskBox()
    /// How often the outbox and the mailbox list are looked at.
    static let tick: Duration = .seconds(2)

    func didBootAsync(_ application: Application) async throws {
        let logger = application.logger
        let delivery = services.outboxDelivery
        await tasks.start { await Self.sendLoop(delivery, logger: logger) }
        await tasks.start { await Self.pollLoop(services, logger: logger) }
    }

    func shutdownAsync(_ application: Application) async {
        await tasks.cancelAll()
    }

    private static func sendLoop(_ delivery: OutboxDelivery, logger: Logger) async {
        while !Task.isCancelled {
            do {
                let report = try await delivery.deliverDue()
                if report.total > 0 {
                    logger.info("outbox: \(report.sent) sent, \(report.retrying) to retry, \(report.gaveUp) given up")
                }
                for error in report.errors { logger.warning("outbox: \(error)") }
            } catch {
                logger.error("outbox: \(error)")
            }
            try? await Task.sleep(for: tick)
        }
    }

    private static func pollLoop(_ services: BalcaoServices, logger: Logger) async {
        while !Task.isCancelled {
            do {
                let now = services.clock.now
                for mailbox in try await services.mailStore.mailboxes() {
                    guard mailbox.isActive, let imap = mailbox.imap else { continue }
                    if let last = mailbox.lastPolledAt, now.timeIntervalSince(last) < Double(imap.pollInterval) {
                        continue
                    }
                    await poll(mailbox, imap: imap, services: services, logger: logger)
                }
            } catch {
                logger.error("mailbox poller: \(error)")
            }
            try? await Task.sleep(for: tick)
        }
    }

    static func poll(_ mailbox: Mailbox, imap: IMAPSettings, services: BalcaoServices, logger: Logger) async {
        let reader: IMAPMailboxReader
        do {
            let token = imap.oauth == nil ? nil : try await services.mailboxOAuth.accessToken(for: mailbox)
            reader = try await IMAPMailboxReader.open(imap, caFile: services.config.mail.imapCAFile, accessToken: token)
        } catch {
            logger.warning("mailbox \(mailbox.address): \(error)")
            await services.mailboxPoll.recordFailure("\(error)", for: mailbox)
            return
        }
        let report = await services.mailboxPoll.run(mailbox, reader: reader)
        for result in report.received {
            logger.info(
                "mailbox \(mailbox.address): \(result.outcome) \(result.ticket?.number.description ?? result.messageID)")
        }
        if let error = report.error { logger.warning("mailbox \(mailbox.address): \(error)") }
    }
}

/// The worker tasks, so shutdown can cancel them.
actor TaskBox {
    private var tasks: [Task<Void, Never>] = []

    func start(_ work: @escaping @Sendable () async -> Void) {
        tasks.append(Task { await work() })
    }

    func cancelAll() async {
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        tasks = []
    }
}
