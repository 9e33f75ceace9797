import BalcaoCore
import BalcaoStore
import BalcaoWeb
import Foundation
import Vapor

/// Boots the app (config, database, migrations), runs `body`, and shuts down cleanly even when `body` throws.
func withApp<T>(
    _ options: CommonOptions, extra: [String: String?] = [:], vaporArguments: [String] = ["balcao"],
    _ body: (Application, BalcaoServices) async throws -> T
) async throws -> T {
    var environment = Environment(name: "production", arguments: vaporArguments)
    try LoggingSystem.bootstrap(from: &environment)
    let app = try await Application.make(environment)
    do {
        // Read after Application.make, which loads a .env file into the environment.
        let config = try BalcaoConfig(environment: options.environment(extra: extra))
        let services = try await configure(app, config: config)
        let result = try await body(app, services)
        try await app.asyncShutdown()
        return result
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

/// Seeds the demo desk and creates its admin, printing the login once; does nothing on a desk with agents.
func seedDemoDesk(app: Application, services: BalcaoServices) async throws {
    guard let summary = try await DeskSetup.seedDemo(services: services) else {
        print("Demo data: the desk already has agents; nothing seeded.")
        return
    }
    let admin = try await DeskSetup.createAdmin(
        name: "Admin Balcão", email: "admin@balcao.example", password: nil, app: app, services: services)
    let portal = try await DeskSetup.demoPortalLogins(services: services)
    let portalLines = portal.map {
        """
        Portal (\(services.config.portalURL)) demo logins:
          customer:  \($0.customer.email) / \($0.customer.password)
          employee:  \($0.employee.email) / \($0.employee.password)
        """
    } ?? ""
    print(
        """

        Demo desk ready: \(summary.departments) departments, \(summary.agents.count) agents, \
        \(summary.contacts) contacts, \(summary.tickets) tickets.
        Admin login (shown once, stored only hashed):
          email:     \(admin.agent.email)
          password:  \(admin.password)
          API token: \(admin.apiToken)
        Try: curl -H 'Authorization: Bearer \(admin.apiToken)' \
        http://\(services.config.http.host):\(services.config.http.port)/api/v1/tickets?limit=5
        \(portalLines)
        """)
}

/// Serves until SIGINT or SIGTERM (Vapor's serve command handles both and drains connections).
func runServer(_ app: Application) async throws {
    try await app.execute()
}

/// A fresh desk has nobody who can sign in: say how to create the first admin.
func announceEmptyDesk(services: BalcaoServices) async throws {
    if try await !services.credentials.hasAgents() {
        print("This desk has no agents yet. Create the first admin with: balcao create-admin --email you@example.com")
    }
}
