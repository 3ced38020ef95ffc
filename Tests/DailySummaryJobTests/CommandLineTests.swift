import Foundation
import TestSupport
import Testing

/// Bad input is refused before any connection: one line on stderr, the usage or
/// configuration status. The database settings point nowhere, so a run that tried to
/// connect would fail differently.
@Suite("Command line")
struct CommandLineTests {
    static let nowhere = ["PGHOST": "127.0.0.1", "PGPORT": "1", "DB_CONNECT_TIMEOUT": "0"]

    struct Refusal: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let fragment: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(arguments: ["--frobnicate"], fragment: "unknown argument \\\"--frobnicate\\\""),
        Refusal(arguments: ["--date", "2025-02-30"], fragment: "2025-02-30"),
        Refusal(arguments: ["--date", "2025-1-5"], fragment: "2025-1-5"),
        Refusal(arguments: ["--date", "2999-01-01"], fragment: "not over yet"),
        Refusal(arguments: ["--timezone", "Mars/Olympus"], fragment: "Mars/Olympus"),
        Refusal(arguments: ["--max-rejected", "-1"], fragment: "--max-rejected"),
        Refusal(arguments: ["--log-format", "xml"], fragment: "--log-format"),
        Refusal(arguments: ["--date"], fragment: "--date needs a value"),
        Refusal(arguments: ["--dry-run=yes"], fragment: "--dry-run takes no value"),
    ]

    @Test(arguments: refusals)
    func badArgumentsGetTheUsageStatusAndOneLine(_ refusal: Refusal) throws {
        let result = try TestServices.runJob(
            refusal.arguments + ["--dry-run", "--log-format", "json"],
            environment: CommandLineTests.nowhere)
        #expect(result.status == 64)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(refusal.fragment), "\(result.stderr)")
        #expect(result.stderr.contains("\"level\":\"FATAL\""))
        #expect(result.stdout.isEmpty)
    }

    @Test func todayIsRefusedBecauseItIsNotOver() throws {
        let zone = try #require(TimeZone(identifier: "Pacific/Kiritimati"))
        let today = ISO8601DateFormatter.string(
            from: Date(), timeZone: zone, formatOptions: [.withFullDate])
        let result = try TestServices.runJob(
            ["--dry-run", "--date", today, "--timezone", "Pacific/Kiritimati"],
            environment: CommandLineTests.nowhere)
        #expect(result.status == 64)
        #expect(result.stderr.contains("not over yet"))
    }

    @Test func missingAndMalformedSettingsAreReportedTogether() throws {
        let result = try TestServices.runJob(
            ["--date", "2025-01-15", "--log-format", "text"],
            environment: CommandLineTests.nowhere.merging([
                "REPORTS_BUCKET": "", "SNS_TOPIC_ARN": "", "AWS_REGION": "moon",
                "AWS_ENDPOINT_URL": "ftp://example", "ORDERS_RELATION": "a.b.c",
            ]) { $1 })
        #expect(result.status == 78)
        #expect(result.stderrLines.count == 1, "\(result.stderr)")
        for name in [
            "REPORTS_BUCKET", "SNS_TOPIC_ARN", "AWS_REGION", "AWS_ENDPOINT_URL", "ORDERS_RELATION",
        ] {
            #expect(result.stderr.contains(name), "\(name) missing from: \(result.stderr)")
        }
    }

    @Test func helpListsEveryExitStatusAndVariable() throws {
        let result = try TestServices.runJob(["--help"])
        #expect(result.status == 0)
        for text in [
            "64", "65", "69", "73", "75", "78", "143", "REPORTS_BUCKET", "SNS_TOPIC_ARN",
            "DATABASE_URL", "SALES_STATUSES", "--max-rejected", "--no-notify",
        ] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }

    @Test func unreachableDatabaseGivesTheDatabaseStatus() throws {
        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--log-format", "json"],
            environment: CommandLineTests.nowhere)
        #expect(result.status == 69)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.last?.contains("\"level\":\"FATAL\"") == true)
    }

    @Test func hostileRelationNameIsQuotedNotExecuted() throws {
        let database = try TestDatabase("hostile_relation")
        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--log-format", "json"], database: database.name,
            environment: ["ORDERS_RELATION": "orders\"; DROP TABLE orders; --"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("42P01"), "\(result.stderr)")
        #expect(try database.query("SELECT count(*) FROM orders") == [["0"]])
    }
}

@Suite("Connection failures that waiting cannot fix")
struct PermanentConnectionFailureTests {
    @Test func unknownDatabaseFailsAtOnceDespiteTheConnectTimeout() throws {
        _ = try TestServices.require("PGPORT")
        let started = Date()
        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--log-format", "json"],
            database: "no_such_database", environment: ["DB_CONNECT_TIMEOUT": "60"])
        #expect(result.status == 69)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(!result.stderr.contains("retrying"))
        #expect(result.stderrLines.last?.contains("does not exist") == true, "\(result.stderr)")
    }
}
