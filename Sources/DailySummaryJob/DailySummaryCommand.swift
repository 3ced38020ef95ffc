import DailySummaryCore
import Dispatch
import Foundation
import PostgresSource

/// The `daily-summary` command: parses the command line, runs the day, returns the exit
/// status. The executable is a one-line call to `main`.
public enum DailySummaryCommand {
    /// Runs the command and returns its exit status; writes only to stdout and stderr.
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        let options: CommandLineOptions
        do {
            options = try CommandLineOptions(parsing: arguments)
        } catch {
            return refuse(error.description, status: .usage, format: nil, environment)
        }
        switch options.action {
        case .help:
            print(HelpText.usage)
            return ExitStatus.success.rawValue
        case .version:
            print("\(Generator.name) \(Generator.version)")
            return ExitStatus.success.rawValue
        case .run:
            break
        }

        let settings: Settings
        do {
            settings = try Settings.resolve(
                options: options, environment: environment, now: currentTime())
        } catch let error as UsageError {
            return refuse(error.description, status: .usage, format: options.logFormat, environment)
        } catch {
            let message = "configuration: \(error)"
            return refuse(message, status: .configuration, format: options.logFormat, environment)
        }

        let reportGoesToStdout = options.output == "-" || (settings.dryRun && options.output == nil)
        let logger = makeLogger(
            descriptor: reportGoesToStdout ? 2 : 1, format: options.logFormat, environment)
        return DailySummaryRun(settings: settings, logger: logger).run().rawValue
    }

    /// One line on stderr for a run that cannot start, in the log format, at FATAL.
    private static func refuse(
        _ message: String, status: ExitStatus, format: LogFormat?, _ environment: [String: String]
    ) -> Int32 {
        let logger = makeLogger(descriptor: 2, format: format, environment)
        logger.fatal(
            message + " (see daily-summary --help)", [("exit_status", .int(Int(status.rawValue)))])
        return status.rawValue
    }

    private static func makeLogger(
        descriptor: Int32, format: LogFormat?, _ environment: [String: String]
    ) -> Logger {
        let level = environment["LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .info
        let chosen = format ?? (isatty(descriptor) == 1 ? .text : .json)
        return Logger(level: level, format: chosen, descriptor: descriptor)
    }

    private static func currentTime() -> Timestamp {
        Timestamp(unixSeconds: Int64(Date().timeIntervalSince1970))
    }
}
