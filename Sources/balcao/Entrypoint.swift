import ArgumentParser

@main
struct Balcao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balcao",
        abstract: "Balcão — an open-source help desk.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, SeedDemoCommand.self, CreateAdminCommand.self,
            CreateTokenCommand.self, IngestEmailCommand.self,
        ],
        defaultSubcommand: ServeCommand.self)
}
