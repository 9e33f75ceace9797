import BalcaoCore
import Vapor

/// Runs the automation scheduler (SLA watch, time rules) in this process every `interval` seconds. Several
/// processes may run it at once: every firing is claimed in the database first, so each happens once.
struct AutomationScheduler: LifecycleHandler {
    let runner: AutomationRunner
    let interval: Duration
    let tasks = TaskBox()

    func didBootAsync(_ application: Application) async throws {
        let logger = application.logger
        let runner = runner
        let interval = interval
        await tasks.start {
            while !Task.isCancelled {
                do {
                    let tick = try await runner.tick()
                    if tick != AutomationTick() {
                        logger.info(
                            "automations: \(tick.breachesRecorded) SLA breaches, \(tick.escalations) escalations, \(tick.timeRulesFired) time rules")
                    }
                } catch {
                    logger.error("automations: \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        await tasks.cancelAll()
    }
}
