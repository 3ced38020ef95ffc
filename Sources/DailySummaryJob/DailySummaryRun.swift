import DailySummaryCore
import Dispatch
import Foundation
import PostgresSource

/// One run for one day: read, reduce, check, render, write, deliver, report.
struct DailySummaryRun {
    let settings: Settings
    let logger: Logger
    let window: ReportWindow

    init(settings: Settings, logger: Logger) {
        self.settings = settings
        self.window = ReportWindow(day: settings.day, timeZone: settings.timeZone)
        self.logger = logger.with([
            ("run_id", .string(UUID().uuidString.lowercased())),
            ("report_date", .string(settings.day.description)),
        ])
    }

    func run() -> ExitStatus {
        let started = DispatchTime.now()
        let stage = RunStage()
        let watch = TerminationWatch(logger: logger) { stage.current }
        defer { withExtendedLifetime(watch) {} }
        logger.info(
            "run started",
            [
                ("timezone", .string(window.timeZoneIdentifier)),
                ("window_start", .string(window.start.iso8601(utcOffsetSeconds: nil))),
                ("window_end", .string(window.end.iso8601(utcOffsetSeconds: nil))),
                ("relation", .string(settings.relation.description)),
                ("dry_run", .bool(settings.dryRun)),
            ])

        stage.enter("read")
        let reducer: SummaryReducer
        do {
            reducer = try DatabaseReader(settings: settings, window: window, logger: logger).read()
        } catch {
            return fail(.databaseFailed, "database read failed", error)
        }
        guard checkRejections(reducer) else { return .dataError }

        let summary = reducer.summary(metadata: metadata)
        let document = Array(summary.json.utf8)
        stage.enter("write")
        if let status = writeLocalCopy(document) { return status }

        var outcome = RunOutcome(summary: summary)
        if let delivery = settings.delivery {
            let deliverer = ReportDelivery(settings: delivery, logger: logger, stage: stage)
            let status = deliverer.deliver(
                document, summary: summary, started: started, outcome: &outcome)
            if let status {
                return status
            }
        }

        logger.info(
            "run finished", outcome.fields + [("duration_ms", .int(elapsedMilliseconds(started)))])
        return .success
    }

    private var metadata: DailySummary.Metadata {
        DailySummary.Metadata(
            generatedAt: settings.generatedAt, generatorName: Generator.name,
            generatorVersion: Generator.version, relation: settings.relation.description)
    }

    /// Logs the rejected rows and says whether the run may go on.
    private func checkRejections(_ reducer: SummaryReducer) -> Bool {
        guard reducer.rowsRejected > 0 else { return true }
        let allowed = reducer.rowsRejected <= settings.maxRejected
        for sample in reducer.rejectionSamples {
            logger.log(
                allowed ? .warn : .error, "row rejected",
                [
                    ("order_id", sample.id.map { .int(Int($0)) } ?? .string("NULL")),
                    ("reason", .string(sample.reason.description)),
                ])
        }
        guard allowed else {
            logger.fatal(
                "too many rows break the input contract; nothing published",
                [
                    ("rows_rejected", .int(reducer.rowsRejected)),
                    ("max_rejected", .int(settings.maxRejected)),
                    ("exit_status", .int(Int(ExitStatus.dataError.rawValue))),
                ])
            return false
        }
        return true
    }

    private func writeLocalCopy(_ document: [UInt8]) -> ExitStatus? {
        let path = settings.output ?? (settings.dryRun ? "-" : nil)
        guard let path else { return nil }
        do {
            try ReportFile.write(document, to: path)
            return nil
        } catch {
            return fail(.uploadFailed, "report could not be written to \(path)", error)
        }
    }

    private func fail(_ status: ExitStatus, _ message: String, _ error: any Error) -> ExitStatus {
        logger.fatal(
            message,
            [
                ("error", .string(String(describing: error))),
                ("exit_status", .int(Int(status.rawValue))),
            ])
        return status
    }
}
