/// The process exit statuses, from sysexits(3) where one fits. Documented in `--help` and
/// the README; scripts and alarms depend on them, so they never change meaning.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// The report was built and, unless told otherwise, uploaded and announced.
    case success = 0
    /// EX_USAGE: a flag, date or time zone on the command line is wrong.
    case usage = 64
    /// EX_DATAERR: more rows broke the input contract than `--max-rejected` allows.
    case dataError = 65
    /// EX_UNAVAILABLE: the database could not be reached, or the query failed.
    case databaseFailed = 69
    /// EX_CANTCREAT: the report could not be written or uploaded; nothing was announced.
    case uploadFailed = 73
    /// EX_TEMPFAIL: the report was uploaded but the notification failed; rerunning the
    /// day is safe and overwrites the same object.
    case notifyFailed = 75
    /// EX_CONFIG: an environment setting is missing or malformed.
    case configuration = 78
    /// 128 + SIGTERM: stopped by the scheduler before finishing; nothing was uploaded.
    case terminated = 143

    /// One line for `--help` and the README.
    var meaning: String {
        switch self {
        case .success: "the report was built (and uploaded and announced unless told not to)"
        case .usage: "bad command line: unknown flag, malformed date, future day, unknown zone"
        case .dataError: "more rows broke the input contract than --max-rejected allows"
        case .databaseFailed: "the database was unreachable or the query failed"
        case .uploadFailed: "the report could not be written or uploaded; nothing was announced"
        case .notifyFailed: "the report was uploaded but SNS failed; a rerun is safe"
        case .configuration: "an environment setting is missing or malformed"
        case .terminated: "stopped by SIGTERM or SIGINT; nothing was uploaded"
        }
    }
}
