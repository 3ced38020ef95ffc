/// Severity of a log line; `LOG_LEVEL` drops everything below the chosen level.
enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case debug, info, warn, error, fatal

    /// Parses `DEBUG`, `info`, `WARN`, ... case-insensitively.
    init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { $0.name == name.uppercased() }) else {
            return nil
        }
        self = level
    }

    /// The upper-case name written in every line, which CloudWatch metric filters match.
    var name: String {
        switch self {
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        case .fatal: "FATAL"
        }
    }

    static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How log lines are written.
enum LogFormat: String, Sendable {
    /// One JSON object per line, for CloudWatch.
    case json
    /// `time LEVEL msg key=value ...`, for a person at a terminal.
    case text
}
