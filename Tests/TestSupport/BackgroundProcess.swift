import Foundation

/// A helper server from `scripts/test-helpers/` started for one test and stopped when the
/// value goes away.
///
/// The helper binds a port the system chooses and prints it first: fixed ports collide
/// with the ephemeral ports of the many client connections a test run opens.
public final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    /// The port the helper listens on, on 127.0.0.1.
    public let port: Int

    /// Starts `python3 scripts/test-helpers/<script> 0 <arguments>` and waits until it
    /// reports its port.
    public init(
        helper script: String, arguments: [String], environment: [String: String] = [:]
    )
        throws
    {
        let path = TestServices.repositoryRoot.appendingPathComponent(
            "scripts/test-helpers/\(script)"
        ).path
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = output
        try process.run()
        guard
            let port = BackgroundProcess.firstLine(output.fileHandleForReading.fileDescriptor)
                .flatMap({ Int($0) })
        else {
            kill(process.processIdentifier, SIGKILL)
            throw TestServices.Missing(variable: "the port of helper \(script)")
        }
        self.port = port
    }

    deinit {
        // SIGKILL, not terminate(): a child of the test runner may inherit a signal mask
        // that blocks SIGTERM, and then it would never exit.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// `http://127.0.0.1:<port>`.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Reads one line, byte by byte so that nothing after it is consumed.
    private static func firstLine(_ descriptor: Int32) -> String? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 16 {
            let count = read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
        return nil
    }
}
