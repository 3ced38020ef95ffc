import Foundation

/// Writes the report to a local path without ever leaving half a file behind.
enum ReportFile {
    /// Writes `bytes` to `path`: through a temporary file and a rename for regular files,
    /// directly for devices and pipes such as `/dev/null`, and to stdout for `-`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" { return try writeAll(bytes, to: FileHandle.standardOutput) }

        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            defer { try? handle.close() }
            return try writeAll(bytes, to: handle)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func writeAll(_ bytes: [UInt8], to handle: FileHandle) throws {
        try handle.write(contentsOf: Data(bytes))
    }
}
