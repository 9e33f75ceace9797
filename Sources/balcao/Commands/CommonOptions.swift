import ArgumentParser
import Foundation

/// Flags every command shares; each overrides the `BALCAO_*` variable of the same name.
struct CommonOptions: ParsableArguments {
    @Option(help: "Where the SQLite file and attachments live (BALCAO_DATA_DIR, default ./balcao-data).")
    var dataDir: String?

    @Option(help: "PostgreSQL URL instead of embedded SQLite (BALCAO_DATABASE_URL).")
    var databaseURL: String?

    /// The environment with flags applied on top: flags win over variables.
    func environment(extra: [String: String?] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let overrides: [String: String?] = ["BALCAO_DATA_DIR": dataDir, "BALCAO_DATABASE_URL": databaseURL]
        for (key, value) in overrides.merging(extra, uniquingKeysWith: { $1 }) {
            if let value { environment[key] = value }
        }
        return environment
    }
}

