import DailySummaryCore
import Dispatch
import Foundation
import PostgresSource

/// Reads the report day out of PostgreSQL into a reducer, all of it or nothing.
///
/// Connecting is retried with backoff until `DB_CONNECT_TIMEOUT`; a connection lost while
/// reading starts the whole day again on a fresh reducer, up to `DB_READ_ATTEMPTS` times,
/// so that a report never comes from part of a day.
struct DatabaseReader {
    let settings: Settings
    let window: ReportWindow
    let logger: Logger

    /// Reads the day.
    /// - Throws: The last `PostgresError` once retries are exhausted, or at once for an
    ///   error that a retry cannot fix (a missing relation, a permission, a timeout).
    func read() throws -> SummaryReducer {
        var attempt = 1
        while true {
            do {
                return try readOnce(attempt: attempt)
            } catch let error as PostgresError
                where error.isConnectionFailure && error.stage == .query
                && attempt < settings.databaseReadAttempts
            {
                logger.warn(
                    "database read interrupted; reading the day again",
                    [("attempt", .int(attempt)), ("error", .string(error.description))])
                attempt += 1
            }
        }
    }

    private func readOnce(attempt: Int) throws -> SummaryReducer {
        let started = DispatchTime.now()
        let slices = settings.parallel
        let leader = try connect()
        try leader.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        var followers: [PostgresConnection] = []
        if slices > 1 {
            // One snapshot for every connection, the way pg_dump --jobs shares one.
            guard let snapshot = try leader.queryValue("SELECT pg_export_snapshot()") else {
                throw PostgresError(
                    stage: .query, message: "no snapshot id returned",
                    context: "pg_export_snapshot")
            }
            for _ in 1..<slices {
                let follower = try connect()
                try follower.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                try follower.execute("SET TRANSACTION SNAPSHOT '\(snapshot)'")
                followers.append(follower)
            }
        }

        let reducer = try readSlices(connections: [leader] + followers, started: started)
        for connection in [leader] + followers { try connection.execute("COMMIT") }
        logger.info(
            "database read finished",
            [
                ("rows", .int(reducer.rowsRead)), ("attempt", .int(attempt)),
                ("connections", .int(slices)), ("duration_ms", .int(elapsedMilliseconds(started))),
            ])
        return reducer
    }

    private func readSlices(
        connections: [PostgresConnection], started: DispatchTime
    ) throws
        -> SummaryReducer
    {
        let queries = sliceQueries(count: connections.count)
        let progress = ProgressReporter(logger: logger, started: started)
        if connections.count == 1 {
            var reducer = makeReducer()
            try OrderStream.read(queries[0], on: connections[0], into: &reducer) {
                progress.report(rows: $0)
            }
            return reducer
        }

        let results = SliceResults(count: connections.count)
        let shared = UnsafeSendable(connections)
        DispatchQueue.concurrentPerform(iterations: connections.count) { index in
            var reducer = makeReducer()
            do {
                try OrderStream.read(queries[index], on: shared.value[index], into: &reducer)
                results.store(.success(reducer), at: index)
            } catch {
                results.store(.failure(error), at: index)
            }
        }
        var merged = makeReducer()
        for result in results.all { merged.merge(try result.get()) }
        return merged
    }

    private func makeReducer() -> SummaryReducer {
        SummaryReducer(window: window, salesStatuses: settings.salesStatuses)
    }

    /// Splits the window into `count` equal time ranges that cover it exactly.
    private func sliceQueries(count: Int) -> [OrdersQuery] {
        let start = window.start.microsecondsSincePostgresEpoch
        let length = window.end.microsecondsSincePostgresEpoch - start
        let bounds = (0...count).map {
            Timestamp(microsecondsSincePostgresEpoch: start + length * Int64($0) / Int64(count))
        }
        return (0..<count).map {
            OrdersQuery(relation: settings.relation, from: bounds[$0], to: bounds[$0 + 1])
        }
    }

    /// Opens a connection, retrying refusals with exponential backoff until the deadline.
    private func connect() throws -> PostgresConnection {
        let deadline = Date().addingTimeInterval(settings.databaseConnectTimeout)
        var delay = 0.25
        var attempt = 1
        while true {
            do {
                return try PostgresConnection(
                    conninfo: settings.databaseURL, applicationName: Generator.name)
            } catch let error as PostgresError where error.isConnectionFailure {
                let remaining = deadline.timeIntervalSinceNow
                guard remaining > 0 else { throw error }
                logger.warn(
                    "database unavailable; retrying",
                    [("attempt", .int(attempt)), ("error", .string(error.description))])
                Thread.sleep(forTimeInterval: min(delay, remaining))
                delay = min(delay * 2, 8)
                attempt += 1
            }
        }
    }
}

func elapsedMilliseconds(_ started: DispatchTime) -> Int {
    Int((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000)
}
