import Dispatch

/// Logs reading progress at most once per interval, whatever the row rate.
final class ProgressReporter {
    private let logger: Logger
    private let started: DispatchTime
    private let intervalNanoseconds: UInt64
    private var lastReport: DispatchTime

    init(logger: Logger, started: DispatchTime, intervalSeconds: UInt64 = 10) {
        self.logger = logger
        self.started = started
        self.intervalNanoseconds = intervalSeconds * 1_000_000_000
        self.lastReport = started
    }

    func report(rows: Int) {
        let now = DispatchTime.now()
        guard now.uptimeNanoseconds - lastReport.uptimeNanoseconds >= intervalNanoseconds else {
            return
        }
        lastReport = now
        let seconds = Double(now.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        logger.info(
            "reading orders",
            [("rows", .int(rows)), ("rows_per_second", .int(Int(Double(rows) / seconds)))])
    }
}
