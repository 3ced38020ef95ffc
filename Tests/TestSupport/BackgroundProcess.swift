import Foundation

/// A helper server started for one test and stopped when the value goes away.
public final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()

    /// Starts `python3 scripts/test-helpers/<script>` and waits until `port` accepts.
    public init(
        helper script: String, arguments: [String], port: Int, environment: [String: String] = [:]
    ) throws {
        let path = TestServices.repositoryRoot.appendingPathComponent(
            "scripts/test-helpers/\(script)"
        ).path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try BackgroundProcess.waitForPort(port)
    }

    deinit {
        // SIGKILL, not terminate(): a child of the test runner may inherit a signal mask
        // that blocks SIGTERM, and then it would never exit.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private static func waitForPort(_ port: Int) throws {
        for _ in 0..<100 {
            let probe = try ProcessResult.run(
                "/bin/bash", ["-c", "exec 3<>/dev/tcp/127.0.0.1/\(port)"])
            if probe.status == 0 { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestServices.Missing(variable: "a helper listening on port \(port)")
    }
}
