import DailySummaryCore

/// What the command line asked for, before any setting from the environment is read.
struct CommandLineOptions: Sendable, Equatable {
    /// What the invocation should do.
    enum Action: Sendable, Equatable {
        case run
        case help
        case version
    }

    var action: Action = .run
    var date: ReportDay?
    var timeZone: String?
    var dryRun = false
    var output: String?
    var notify = true
    var maxRejected = 0
    var logFormat: LogFormat?
    var parallel = 1

    init() {}

    /// Parses the arguments after the program name; both `--flag value` and `--flag=value`.
    /// - Throws: `UsageError` naming the offending argument.
    init(parsing arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (flag, inlineValue) = CommandLineOptions.split(argument)
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.first, !next.hasPrefix("--") else {
                    throw UsageError("\(flag) needs a value")
                }
                remaining.removeFirst()
                return next
            }
            if inlineValue != nil, CommandLineOptions.switches.contains(flag) {
                throw UsageError("\(flag) takes no value")
            }
            switch flag {
            case "--help", "-h": action = .help
            case "--version": action = .version
            case "--dry-run": dryRun = true
            case "--no-notify": notify = false
            case "--date": date = try CommandLineOptions.day(try value())
            case "--timezone": timeZone = try value()
            case "--output": output = try value()
            case "--max-rejected": maxRejected = try CommandLineOptions.count(flag, try value())
            case "--parallel":
                parallel = try CommandLineOptions.count(flag, try value(), min: 1, max: 64)
            case "--log-format":
                let name = try value()
                guard let format = LogFormat(rawValue: name) else {
                    throw UsageError("--log-format must be json or text, not \"\(name)\"")
                }
                logFormat = format
            default:
                throw UsageError("unknown argument \"\(argument)\"")
            }
        }
    }

    private static let switches: Set = ["--help", "-h", "--version", "--dry-run", "--no-notify"]

    private static func split(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else {
            return (argument, nil)
        }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func day(_ text: String) throws(UsageError) -> ReportDay {
        guard let day = ReportDay(parsing: text) else {
            throw UsageError("--date \"\(text)\" is not a real day in the form YYYY-MM-DD")
        }
        return day
    }

    private static func count(
        _ flag: String, _ text: String, min: Int = 0, max: Int = 1_000_000_000
    ) throws(UsageError) -> Int {
        guard let number = Int(text), (min...max).contains(number) else {
            throw UsageError(
                "\(flag) must be a whole number from \(min) to \(max), not \"\(text)\"")
        }
        return number
    }
}

/// A command line that cannot be run; its message is one line naming what was wrong.
struct UsageError: Error, Equatable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
