import Foundation
import TestSupport
import Testing

/// The job's figures for a generated day of 110,000 orders against the same figures
/// computed independently by PostgreSQL, and a parallel read against a single one.
@Suite("Cross-check with SQL", .serialized)
struct SQLCrossCheckTests {
    static let day = "2025-01-15"
    static let window =
        "ordered_at >= '2025-01-15 00:00:00+09' AND ordered_at < '2025-01-16 00:00:00+09'"

    static func generatedDatabase() throws -> TestDatabase {
        let database = try TestDatabase("crosscheck")
        try database.generate([
            "--seed", "7", "--start", "2025-01-14", "--days", "3", "--per-day", "110000",
        ])
        return database
    }

    static func report(
        _ database: TestDatabase, _ extra: [String] = []
    ) throws -> (String, [String: Any]) {
        let result = try TestServices.runJob(
            ["--dry-run", "--date", day] + extra, database: database.name,
            environment: ["SALES_STATUSES": "completed,shipped"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        return (result.stdout, try #require(object as? [String: Any]))
    }

    @Test func figuresMatchAnIndependentSQLQuery() throws {
        let database = try SQLCrossCheckTests.generatedDatabase()
        let (_, report) = try SQLCrossCheckTests.report(database)
        let window = SQLCrossCheckTests.window

        let rowCount = try database.query("SELECT count(*) FROM orders WHERE \(window)")[0][0]
        #expect(Int(rowCount) ?? 0 >= 100_000)
        let source = try #require(report["source"] as? [String: Any])
        #expect(source["rows_read"] as? Int == Int(rowCount))

        let sales = try #require(report["sales"] as? [String: [String: Any]])
        let expectedSales = try database.query(
            """
            SELECT currency, count(*), sum(amount), round(avg(amount), 2), min(amount), max(amount),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY amount),
                   percentile_disc(0.9) WITHIN GROUP (ORDER BY amount)
            FROM orders WHERE \(window) AND status IN ('completed', 'shipped')
            GROUP BY currency ORDER BY currency
            """)
        #expect(sales.keys.sorted() == expectedSales.map { $0[0] })
        for row in expectedSales {
            let actual = try #require(sales[row[0]])
            let figures = ["orders", "total", "average", "min", "max", "median", "p90"].map {
                actual[$0].map { "\($0)" } ?? "missing"
            }
            #expect(figures == Array(row.dropFirst()), "currency \(row[0])")
        }

        let users = try #require(report["users"] as? [String: Int])
        let expectedUsers = try database.query(
            """
            SELECT count(DISTINCT user_id),
                   count(DISTINCT user_id) FILTER (WHERE status IN ('completed', 'shipped')),
                   (SELECT count(*) FROM (SELECT user_id FROM orders WHERE \(window)
                    GROUP BY user_id HAVING count(*) >= 2) AS r)
            FROM orders WHERE \(window)
            """)[0]
        #expect(
            [users["unique"], users["buyers"], users["repeat"]].map { "\($0 ?? -1)" }
                == expectedUsers)

        let orders = try #require(report["orders"] as? [String: Any])
        let byStatus = try #require(orders["by_status"] as? [String: [String: Any]])
        let expectedStatuses = try database.query(
            """
            SELECT status, currency, count(*) OVER (PARTITION BY status), sum(amount)
            FROM orders WHERE \(window) GROUP BY status, currency ORDER BY status, currency
            """)
        for row in expectedStatuses {
            let amounts = byStatus[row[0]]?["amount"] as? [String: String]
            #expect(amounts?[row[1]] == row[3], "status \(row[0]) currency \(row[1])")
        }

        let hourly = try #require(report["hourly"] as? [[String: Any]])
        let expectedHourly = try database.query(
            """
            SELECT extract(hour FROM ordered_at AT TIME ZONE 'Asia/Tokyo')::int, count(*)
            FROM orders WHERE \(window) GROUP BY 1 ORDER BY 1
            """)
        #expect(hourly.map { "\($0["orders"] ?? "")" } == expectedHourly.map { $0[1] })
    }

    @Test func parallelReadGivesTheSameBytesAsASingleStream() throws {
        let database = try SQLCrossCheckTests.generatedDatabase()
        let (single, _) = try SQLCrossCheckTests.report(database)
        for connections in ["2", "3"] {
            let (parallel, _) = try SQLCrossCheckTests.report(
                database, ["--parallel", connections])
            #expect(parallel == single, "--parallel \(connections)")
        }
    }
}
