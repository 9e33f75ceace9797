import ArgumentParser
import BalcaoCore
import BalcaoWeb

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or update the schema.")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        try await withApp(options) { _, _ in print("Database is up to date.") }
    }
}

struct SeedDemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo", abstract: "Fill an empty desk with demo data and a demo admin.")

    @OptionGroup var options: CommonOptions

    func run() async throws {
        try await withApp(options) { app, services in try await seedDemoDesk(app: app, services: services) }
    }
}

struct CreateAdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-admin", abstract: "Create an admin agent with a password and an API token.")

    @OptionGroup var options: CommonOptions

    @Option(help: "The admin's email address.")
    var email: String

    @Option(help: "The admin's name.")
    var name: String = "Admin"

    @Option(help: "Password (at least 10 characters); omit to generate one.")
    var password: String?

    func run() async throws {
        try await withApp(options) { app, services in
            let admin = try await DeskSetup.createAdmin(
                name: name, email: email, password: password, app: app, services: services)
            print("Admin \(admin.agent.email) created.")
            if password == nil { print("password:  \(admin.password)") }
            print("API token: \(admin.apiToken)")
        }
    }
}

struct CreateTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-token", abstract: "Create an API token for an agent (printed once).")

    @OptionGroup var options: CommonOptions

    @Option(help: "The agent's email address.")
    var email: String

    @Option(help: "What the token is for, e.g. \"shop integration\".")
    var name: String = "api"

    func run() async throws {
        try await withApp(options) { _, services in
            print(try await DeskSetup.createToken(email: email, name: name, services: services))
        }
    }
}
