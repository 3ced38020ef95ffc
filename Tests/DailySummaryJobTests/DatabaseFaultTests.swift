import Foundation
import TestSupport
import Testing

/// Faults injected into a real PostgreSQL while the binary reads: the run either reports
/// the whole day or fails with the database status, never a report of part of a day.
@Suite("Database faults", .serialized)
struct DatabaseFaultTests {
    /// A day of 40 orders behind a view that takes 0.1 s per row, so that a read lasts
    /// about four seconds and a fault can land in the middle of it.
    static func slowDatabase(_ name: String) throws -> TestDatabase {
        let database = try TestDatabase(name)
        try database.generate([
            "--seed", "5", "--start", "2025-01-15", "--days", "1", "--per-day", "40",
        ])
        try database.execute(
            """
            CREATE FUNCTION slow(bigint) RETURNS bigint LANGUAGE sql VOLATILE
            AS $$ SELECT pg_sleep(0.1); SELECT $1 $$
            """,
            "CREATE VIEW slow_orders AS SELECT slow(id) AS id, user_id, status, amount, currency, "
                + "ordered_at FROM orders")
        return database
    }

    /// Starts the binary in the background; returns it with one pipe for stdout and stderr.
    static func launch(
        _ arguments: [String], database: String, environment: [String: String]
    )
        throws -> (Process, Pipe)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestServices.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["PGDATABASE": database, "SOURCE_DATE_EPOCH": "1767225600"].merging(environment) { $1 }
        ) { $1 }
        let output = Pipe()
        process.standardError = output
        process.standardOutput = output
        try process.run()
        return (process, output)
    }

    /// Waits until `query` returns a row with a non-zero count, for at most ten seconds, so
    /// that a fault is injected only once the job is where the test wants it.
    static func waitUntil(_ database: TestDatabase, _ query: String) throws {
        for _ in 0..<100 {
            if try database.query(query).first?.first != "0" { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("timed out waiting for: \(query)")
    }

    static let jobIsCopying =
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'daily-summary' "
        + "AND datname = current_database() AND state = 'active' AND query LIKE 'COPY%'"

    @Test func connectionKilledMidStreamIsReadAgainFromTheStart() throws {
        let database = try Self.slowDatabase("fault_terminate")
        let (process, output) = try Self.launch(
            ["--dry-run", "--date", "2025-01-15", "--output", "/dev/null", "--log-format", "json"],
            database: database.name, environment: ["ORDERS_RELATION": "slow_orders"])
        try Self.waitUntil(database, Self.jobIsCopying)
        Thread.sleep(forTimeInterval: 0.5)
        let killed = try database.query(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE application_name = 'daily-summary' AND datname = '\(database.name)'")
        process.waitUntilExit()
        let log = String(
            decoding: readToEnd(output.fileHandleForReading.fileDescriptor), as: UTF8.self)

        #expect(killed == [["1"]])
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("database read interrupted; reading the day again"))
        #expect(log.contains("\"rows\":40,\"attempt\":2"), "\(log)")
    }

    @Test func statementTimeoutNamesItsCause() throws {
        let database = try Self.slowDatabase("fault_timeout")
        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--log-format", "json"], database: database.name,
            environment: [
                "ORDERS_RELATION": "slow_orders", "PGOPTIONS": "-c statement_timeout=500",
            ])
        #expect(result.status == 69)
        #expect(result.stdout.isEmpty)
        let last = try #require(result.stderrLines.last)
        #expect(last.contains("statement timeout") && last.contains("57014"), "\(last)")
    }

    @Test func lockWaitNamesItsCause() throws {
        let database = try TestDatabase("fault_lock")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "psql", "-X", "-q", "-d", database.name, "-c",
            "BEGIN; LOCK TABLE orders IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(10); COMMIT;",
        ]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        defer { kill(holder.processIdentifier, SIGKILL) }
        try Self.waitUntil(
            database,
            "SELECT count(*) FROM pg_locks WHERE mode = 'AccessExclusiveLock' AND granted "
                + "AND relation = 'orders'::regclass")

        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--log-format", "json"], database: database.name,
            environment: ["PGOPTIONS": "-c lock_timeout=500"])
        #expect(result.status == 69)
        let last = try #require(result.stderrLines.last)
        #expect(last.contains("lock timeout") && last.contains("55P03"), "\(last)")
    }

    @Test func databaseDownAtStartIsRetriedForTheConnectTimeout() throws {
        let started = Date()
        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--log-format", "json"],
            environment: ["PGHOST": "127.0.0.1", "PGPORT": "1", "DB_CONNECT_TIMEOUT": "2"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 69)
        #expect(elapsed >= 2 && elapsed < 10, "took \(elapsed) s")
        #expect(
            result.stderrLines.filter { $0.contains("database unavailable; retrying") }.count >= 2)
        #expect(result.stdout.isEmpty)
    }

    @Test func sigtermDuringTheReadStopsPromptlyAndUploadsNothing() throws {
        let database = try Self.slowDatabase("fault_sigterm")
        let environment = try TestServices.rcloneEnvironment().merging([
            "ORDERS_RELATION": "slow_orders", "REPORTS_BUCKET": "reports",
            "REPORTS_PREFIX": "sigterm/",
        ]) { $1 }
        let (process, output) = try Self.launch(
            ["--date", "2025-01-15", "--no-notify", "--log-format", "json"],
            database: database.name, environment: environment)
        try Self.waitUntil(database, Self.jobIsCopying)
        let signalled = Date()
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let log = String(
            decoding: readToEnd(output.fileHandleForReading.fileDescriptor), as: UTF8.self)

        #expect(process.terminationStatus == 143)
        #expect(Date().timeIntervalSince(signalled) < 2)
        let last = try #require(log.split(separator: "\n").last)
        #expect(last.contains("\"level\":\"FATAL\"") && last.contains("SIGTERM"), "\(log)")
        #expect(last.contains("\"stage\":\"read\""))
        let root = try TestServices.require("DS_TEST_S3_ROOT")
        #expect(!FileManager.default.fileExists(atPath: "\(root)/reports/sigterm"))
    }
}
