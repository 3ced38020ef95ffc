import DailySummaryCore
import Foundation
import PostgresSource

/// Everything a run needs from the command line and the environment, checked up front.
///
/// Problems are collected rather than thrown one at a time, so that an operator fixing a
/// task definition sees every missing or malformed variable in one run.
struct Settings: Sendable {
    var day: ReportDay
    var timeZone: TimeZone
    var relation: RelationName
    var salesStatuses: Set<String>
    var databaseURL: String?
    var dryRun: Bool
    var output: String?
    var notify: Bool
    var maxRejected: Int
    var parallel: Int
    var databaseConnectTimeout: Double
    var databaseReadAttempts: Int
    var generatedAt: Timestamp
    var delivery: DeliverySettings?

    /// Resolves the settings for `options`.
    /// - Parameters:
    ///   - now: The current time, for the default day and for `generated_at`.
    /// - Throws: `UsageError` for a bad time zone or day (the command line's fault), or
    ///   `ConfigurationError` listing every bad environment variable.
    static func resolve(
        options: CommandLineOptions, environment: [String: String], now: Timestamp
    ) throws -> Settings {
        let zoneName = options.timeZone ?? environment["REPORT_TIMEZONE"] ?? "Asia/Tokyo"
        guard let timeZone = TimeZone(identifier: zoneName) else {
            let source = options.timeZone == nil ? "REPORT_TIMEZONE" : "--timezone"
            throw UsageError("\(source) \"\(zoneName)\" is not a known IANA time zone")
        }
        let today = Settings.localDay(of: now, in: timeZone)
        let day = options.date ?? today.previous
        guard day < today else {
            throw UsageError(
                "--date \(day) is not over yet in \(zoneName) (today there is \(today))")
        }

        var problems: [String] = []
        let relation = Settings.relation(environment, &problems)
        let statuses = Settings.salesStatuses(environment, &problems)
        let timeout = Settings.number(
            environment, "DB_CONNECT_TIMEOUT", default: 60, range: 0...3600, &problems)
        let attempts = Settings.number(
            environment, "DB_READ_ATTEMPTS", default: 3, range: 1...10, &problems)
        let generatedAt = Settings.sourceDateEpoch(environment, now: now, &problems)
        let delivery =
            options.dryRun
            ? nil
            : DeliverySettings.resolve(environment, day: day, notify: options.notify, &problems)
        guard problems.isEmpty, let relation else { throw ConfigurationError(problems: problems) }

        return Settings(
            day: day, timeZone: timeZone, relation: relation, salesStatuses: statuses,
            databaseURL: environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
            dryRun: options.dryRun, output: options.output, notify: options.notify,
            maxRejected: options.maxRejected, parallel: options.parallel,
            databaseConnectTimeout: timeout, databaseReadAttempts: Int(attempts),
            generatedAt: generatedAt, delivery: delivery)
    }

    /// The local calendar day of `instant` in `timeZone`.
    static func localDay(of instant: Timestamp, in timeZone: TimeZone) -> ReportDay {
        let seconds = instant.unixSeconds
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
        let local = seconds + Int64(offset)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return ReportDay(daysSinceUnixEpoch: Int(days))
    }

    private static func relation(
        _ environment: [String: String], _ problems: inout [String]
    )
        -> RelationName?
    {
        let text = environment["ORDERS_RELATION"] ?? "orders"
        guard let relation = RelationName(text) else {
            problems.append("ORDERS_RELATION \"\(text)\" is not a relation name or schema.name")
            return nil
        }
        return relation
    }

    private static func salesStatuses(
        _ environment: [String: String], _ problems: inout [String]
    ) -> Set<String> {
        let text = environment["SALES_STATUSES"] ?? "completed"
        let statuses = text.split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !statuses.isEmpty, statuses.allSatisfy({ !$0.isEmpty }) else {
            problems.append("SALES_STATUSES \"\(text)\" must be a comma list of statuses")
            return []
        }
        return Set(statuses)
    }

    private static func number(
        _ environment: [String: String], _ name: String, default fallback: Double,
        range: ClosedRange<Double>, _ problems: inout [String]
    ) -> Double {
        guard let text = environment[name], !text.isEmpty else { return fallback }
        guard let value = Double(text), range.contains(value) else {
            problems.append(
                "\(name) \"\(text)\" must be a number from \(Int(range.lowerBound)) to "
                    + "\(Int(range.upperBound))")
            return fallback
        }
        return value
    }

    private static func sourceDateEpoch(
        _ environment: [String: String], now: Timestamp, _ problems: inout [String]
    ) -> Timestamp {
        guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return now }
        guard let seconds = Int64(text), seconds >= 0 else {
            problems.append("SOURCE_DATE_EPOCH \"\(text)\" must be whole seconds since 1970")
            return now
        }
        return Timestamp(unixSeconds: seconds)
    }
}

/// Environment settings that are wrong; every problem is listed.
struct ConfigurationError: Error, CustomStringConvertible {
    let problems: [String]

    var description: String { problems.joined(separator: "; ") }
}
