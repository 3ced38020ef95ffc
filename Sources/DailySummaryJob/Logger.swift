import DailySummaryCore
import Foundation

/// Writes structured log lines to one file descriptor, from any thread.
///
/// Every line is a single `write(2)`, so lines from the signal handler and the main
/// thread never interleave, and nothing is lost in a buffer when the process exits.
final class Logger: @unchecked Sendable {
    private let minimumLevel: LogLevel
    private let format: LogFormat
    private let descriptor: Int32
    private let baseFields: [(String, LogValue)]
    private let lock: NSLock

    /// - Parameters:
    ///   - level: Lines below this level are dropped.
    ///   - format: JSON lines or readable text.
    ///   - descriptor: Usually 1 (stdout) or 2 (stderr).
    init(level: LogLevel, format: LogFormat, descriptor: Int32) {
        self.minimumLevel = level
        self.format = format
        self.descriptor = descriptor
        self.baseFields = []
        self.lock = NSLock()
    }

    private init(parent: Logger, fields: [(String, LogValue)]) {
        self.minimumLevel = parent.minimumLevel
        self.format = parent.format
        self.descriptor = parent.descriptor
        self.baseFields = parent.baseFields + fields
        self.lock = parent.lock
    }

    /// A logger that adds `fields` to every line, such as the run id and report date.
    func with(_ fields: [(String, LogValue)]) -> Logger {
        Logger(parent: self, fields: fields)
    }

    func debug(_ message: String, _ fields: [(String, LogValue)] = []) {
        log(.debug, message, fields)
    }

    func info(_ message: String, _ fields: [(String, LogValue)] = []) {
        log(.info, message, fields)
    }

    func warn(_ message: String, _ fields: [(String, LogValue)] = []) {
        log(.warn, message, fields)
    }

    func error(_ message: String, _ fields: [(String, LogValue)] = []) {
        log(.error, message, fields)
    }

    func fatal(_ message: String, _ fields: [(String, LogValue)] = []) {
        log(.fatal, message, fields)
    }

    /// Writes one line when `level` passes the filter.
    func log(_ level: LogLevel, _ message: String, _ fields: [(String, LogValue)]) {
        guard level >= minimumLevel else { return }
        let time = Logger.timestamp()
        let all = baseFields + fields
        let line: String
        switch format {
        case .json:
            let members = all.map { "\(JSONWriter.quoted($0.0)):\($0.1.json)" }
            let head = [
                "\"time\":\(JSONWriter.quoted(time))", "\"level\":\"\(level.name)\"",
                "\"msg\":\(JSONWriter.quoted(message))",
            ]
            line = "{" + (head + members).joined(separator: ",") + "}\n"
        case .text:
            let members = all.map { " \($0.0)=\($0.1.text)" }.joined()
            let padded = level.name.padding(toLength: 5, withPad: " ", startingAt: 0)
            line = "\(time) \(padded) \(message)\(members)\n"
        }
        write(line)
    }

    private func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        var bytes = Array(line.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, $0.count)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    private static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let seconds = Timestamp(unixSeconds: Int64(now.tv_sec)).iso8601(utcOffsetSeconds: nil)
        let millis = Int(now.tv_nsec / 1_000_000)
        let fraction = (millis < 100 ? "0" : "") + (millis < 10 ? "0" : "") + String(millis)
        return String(seconds.dropLast()) + "." + fraction + "Z"
    }
}
