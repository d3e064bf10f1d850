import Logging
import ServiceLifecycle

extension ServiceGroup {
    /// Longest a graceful shutdown may take before the services are cancelled.
    static let gracefulShutdownLimit: Duration = .seconds(30)

    /// Runs `services` until they end or a signal stops them: SIGTERM or SIGINT shuts them down
    /// gracefully (each finishes what it is doing); what is not done after `gracefulShutdownLimit`
    /// is cancelled.
    static func runUntilSignal(_ services: [any Service], logger: Logger) async throws {
        var configuration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        configuration.maximumGracefulShutdownDuration = gracefulShutdownLimit
        try await ServiceGroup(configuration: configuration).run()
    }
}
