import Foundation
import TestSupport
import Testing

/// Each fixture is loaded into its own database and run through the real binary with
/// `--dry-run`; stdout must match the golden file byte for byte and validate against the
/// schema. `UPDATE_GOLDEN=1 scripts/test.sh` re-records the golden files on purpose.
@Suite("Golden reports")
struct GoldenReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let date: String
        var timezone = "Asia/Tokyo"
        var arguments: [String] = []
        var environment: [String: String] = [:]
        var expectedStatus: Int32 = 0

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "ordinary-day", date: "2025-01-15"),
        Case(name: "empty-day", date: "2025-01-15"),
        Case(
            name: "currencies-and-statuses", date: "2025-01-15",
            environment: ["SALES_STATUSES": "completed, shipped"]),
        Case(name: "window-boundaries", date: "2025-01-15"),
        Case(name: "dst-spring-new-york", date: "2025-03-09", timezone: "America/New_York"),
        Case(name: "dst-fall-new-york", date: "2025-11-02", timezone: "America/New_York"),
        Case(name: "rejected-rows", date: "2025-01-15", arguments: ["--max-rejected", "10"]),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    @Test(arguments: cases)
    func reportMatchesGoldenFile(_ testCase: Case) throws {
        let database = try TestDatabase(
            "golden_" + testCase.name.replacingOccurrences(of: "-", with: "_"))
        try database.load(
            file: GoldenReportTests.directory.appendingPathComponent(
                "Fixtures/\(testCase.name).sql"
            ).path)

        let result = try TestServices.runJob(
            ["--dry-run", "--date", testCase.date, "--timezone", testCase.timezone]
                + testCase.arguments,
            database: database.name, environment: testCase.environment)
        #expect(result.status == testCase.expectedStatus, "stderr: \(result.stderr)")

        let golden = GoldenReportTests.directory.appendingPathComponent(
            "Golden/\(testCase.name).json")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(result.stdout.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(
            result.stdout == expected,
            "\(GoldenDiff.describe(expected: expected, actual: result.stdout))")
        try SchemaValidation.validate(result.stdout)
    }

    @Test func rejectedRowsBeyondTheLimitFailWithTheDataErrorStatus() throws {
        let database = try TestDatabase("golden_rejected_strict")
        try database.load(
            file: GoldenReportTests.directory.appendingPathComponent("Fixtures/rejected-rows.sql")
                .path)

        let result = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15", "--max-rejected", "9", "--log-format", "json"],
            database: database.name)

        #expect(result.status == 65)
        #expect(result.stdout.isEmpty, "no report may be printed")
        let rejectedIDs = result.stderrLines.filter { $0.contains("\"row rejected\"") }
        #expect(rejectedIDs.count == 10)
        #expect(
            rejectedIDs.contains {
                $0.contains("\"order_id\":8") && $0.contains("whole number of cents")
            })
        #expect(result.stderrLines.last?.contains("\"level\":\"FATAL\"") == true)
    }
}
