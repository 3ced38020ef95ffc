/// Severity of a log line; `LOG_LEVEL` drops everything below the chosen level.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case debug, info, warn, error, fatal

    /// Parses `DEBUG`, `info`, `WARN`, ... case-insensitively.
    public init?(name: String) {
        guard let level = LogLevel.allCases.first(where: { $0.name == name.uppercased() }) else {
            return nil
        }
        self = level
    }

    /// The upper-case name written in every line, which CloudWatch metric filters match.
    public var name: String {
        switch self {
        case .debug: "DEBUG"
        case .info: "INFO"
        case .warn: "WARN"
        case .error: "ERROR"
        case .fatal: "FATAL"
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How log lines are written.
public enum LogFormat: String, Sendable {
    /// One JSON object per line, for CloudWatch.
    case json
    /// `time LEVEL msg key=value ...`, for a person at a terminal.
    case text
}
