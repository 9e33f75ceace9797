import BalcaoCore
import Vapor

/// Work this process repeats every `interval` while it runs: the automation tick (SLA watch, time rules) and the
/// demand monitor. Several processes may run them at once: automation firings are claimed in the database first,
/// and spike detectors save their state each round. `work` returns what to log, if anything.
struct RepeatingJob: LifecycleHandler {
    let name: String
    let interval: Duration
    let work: @Sendable () async throws -> String?
    let tasks = TaskBox()

    func didBootAsync(_ application: Application) async throws {
        let (logger, name, interval, work) = (application.logger, name, interval, work)
        await tasks.start {
            while !Task.isCancelled {
                do {
                    if let report = try await work() { logger.info("\(name): \(report)") }
                } catch {
                    logger.error("\(name): \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        await tasks.cancelAll()
    }

    static func automations(_ runner: AutomationRunner, every interval: Duration) -> RepeatingJob {
        RepeatingJob(name: "automations", interval: interval) {
            let tick = try await runner.tick()
            guard tick != AutomationTick() else { return nil }
            return "\(tick.breachesRecorded) SLA breaches, \(tick.escalations) escalations, \(tick.timeRulesFired) time rules"
        }
    }

    static func demand(_ monitor: DemandMonitor, every interval: Duration) -> RepeatingJob {
        RepeatingJob(name: "demand monitor", interval: interval) {
            let events = try await monitor.check()
            return events.isEmpty ? nil : events.map { "\($0)" }.joined(separator: "; ")
        }
    }

    static func qualityDigest(_ digest: QualityDigest, every interval: Duration) -> RepeatingJob {
        RepeatingJob(name: "quality digest", interval: interval) {
            try await digest.sendIfDue() ? "sent" : nil
        }
    }
}
