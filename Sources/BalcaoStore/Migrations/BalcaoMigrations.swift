import FluentKit

/// Every migration, in order. Released migrations are never edited: changes are new migrations.
public enum BalcaoMigrations {
    public static var all: [any Migration] {
        [
            CreateDirectory(), CreateTickets(), AddQueueCountsAndSearch(), AddAgentSessions(), AddQueueOrderIndexes(),
            AddMail(), AddMailSafety(), AddAutomation(), AddHelpCenter(), AddPortal(), AddChat(), AddQuality(), AddProblems(), AddDemand(),
        ]
    }
}
