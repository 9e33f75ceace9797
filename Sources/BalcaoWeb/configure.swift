import BalcaoCore
import BalcaoStore
import Fluent
import Leaf
import LeafKit
import Vapor

/// Wires the app: database, migrations, middleware, routes. Returns the services so commands can use them.
@discardableResult
public func configure(_ app: Application, config: BalcaoConfig, clock: any Clock = SystemClock()) async throws
    -> BalcaoServices
{
    app.logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
    app.http.server.configuration.hostname = config.http.host
    app.http.server.configuration.port = config.http.port
    // Uploads are checked against the attachment limit in the domain; this only stops absurd bodies early.
    app.routes.defaultMaxBodySize = ByteCount(value: config.storage.maxAttachmentBytes * 2 + 1024 * 1024)

    let target = databaseTarget(for: config)
    try BalcaoDatabase.register(target, on: app.databases)
    try await BalcaoDatabase.prepare(target, databases: app.databases, logger: app.logger)
    let context = StoreContext(databases: app.databases, target: target, logger: app.logger)
    let keys = (mailSigning: try await DeskSecrets.mailSigningKey(context), sealing: try await DeskSecrets.sealingKey(context))
    let services = BalcaoServices(config: config, context: context, clock: clock, keys: keys, httpClient: app.client)

    let json = JSONEncoder()
    json.dateEncodingStrategy = .iso8601
    json.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    ContentConfiguration.global.use(encoder: json, for: .json)

    app.views.use(.leaf)
    app.leaf.cache.isEnabled = true
    // Not `.default`: it refuses hidden folders, and a checkout's resources live under `.build/`.
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: WebResources.viewsDirectory,
            viewDirectory: WebResources.viewsDirectory))

    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(ErrorPageMiddleware(services: services))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(StaticFilesMiddleware())
    try routes(app, services: services)
    app.lifecycle.use(ClusterRelay(bus: services.cluster, presence: services.clusterPresence))
    if config.mail.runsWorkers { app.lifecycle.use(MailWorkers(services: services)) }
    if config.automation.runsScheduler {
        app.lifecycle.use(RepeatingJob.demand(services.demand, every: .seconds(config.automation.demandInterval)))
        app.lifecycle.use(RepeatingJob.qualityDigest(services.qualityDigest, every: .seconds(900)))
        app.lifecycle.use(RepeatingJob.automations(services.automationRunner, every: .seconds(config.automation.interval)))
    }
    app.logger.info("Balcão uses \(target)")
    return services
}

/// SQLite under the data dir unless a PostgreSQL URL is configured.
public func databaseTarget(for config: BalcaoConfig) -> DatabaseTarget {
    if let url = config.storage.databaseURL { return .postgres(url: url, schema: config.storage.databaseSchema) }
    return .sqlite(file: config.dataDirectory.appendingPathComponent("balcao.sqlite"))
}
