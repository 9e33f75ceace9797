/// Runs routing effects and triggers on each committed change, then passes it on (to the live views).
public struct AutomationBus: EventBus {
    let runner: AutomationRunner
    let next: any EventBus

    public init(runner: AutomationRunner, next: any EventBus) {
        self.runner = runner
        self.next = next
    }

    public func publish(_ change: TicketChange) async {
        await runner.handle(change)
        await next.publish(change)
    }
}
