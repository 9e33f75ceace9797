import ArgumentParser

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the help desk (migrations run first).")

    @OptionGroup var options: CommonOptions

    @Option(help: "Listen address (BALCAO_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Listen port (BALCAO_PORT, default 8080).")
    var port: Int?

    @Flag(help: "On an empty desk, seed demo data and create an admin, printing its login once.")
    var demo = false

    func run() async throws {
        let extra: [String: String?] = ["BALCAO_HOST": host, "BALCAO_PORT": port.map(String.init)]
        try await withApp(options, extra: extra, vaporArguments: ["balcao", "serve"]) { app, services in
            if demo {
                try await seedDemoDesk(app: app, services: services)
            } else {
                try await announceEmptyDesk(services: services)
            }
            try await runServer(app)
        }
    }
}

