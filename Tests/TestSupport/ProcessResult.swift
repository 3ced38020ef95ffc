import Foundation

/// What a finished child process left: exit status and everything it wrote.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    /// Runs `executable` with `arguments` and `environment` (added to this process's own)
    /// and waits for it.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        input: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()

        // Read both pipes while the child runs so that neither fills up and blocks it.
        let group = DispatchGroup()
        let errorBox = DataBox()
        DispatchQueue.global().async(group: group) {
            errorBox.data = readToEnd(stderr.fileHandleForReading.fileDescriptor)
        }
        let output = readToEnd(stdout.fileHandleForReading.fileDescriptor)
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
            stderr: String(decoding: errorBox.data, as: UTF8.self))
    }

    /// Non-empty lines of stderr.
    public var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }

    /// Non-empty lines of stdout.
    public var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Reads a descriptor to its end, retrying reads that a signal interrupted; Foundation's
/// `readDataToEndOfFile` traps on EINTR, which the test runner's child processes cause.
public func readToEnd(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
            return data
        }
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
