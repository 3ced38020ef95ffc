import Foundation

/// The services `scripts/test.sh` started for the tests, found through the environment.
///
/// Tests that need a service call `require` and fail with a clear message when it is
/// missing, instead of skipping: a suite that silently skips proves nothing.
public enum TestServices {
    public struct Missing: Error, CustomStringConvertible {
        public let variable: String
        public var description: String {
            "\(variable) is not set: run the tests with scripts/test.sh, which starts "
                + "PostgreSQL, rclone and moto"
        }
    }

    /// The value of a variable that `scripts/test.sh` exports.
    public static func require(_ variable: String) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[variable], !value.isEmpty else {
            throw Missing(variable: variable)
        }
        return value
    }

    /// The repository's root directory.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The `daily-summary` binary under test: `DS_BINARY`, else the debug build.
    public static var binary: String {
        ProcessInfo.processInfo.environment["DS_BINARY"]
            ?? repositoryRoot.appendingPathComponent(".build/debug/daily-summary").path
    }

    /// Runs the binary with the test database's connection settings and `environment`.
    public static func runJob(
        _ arguments: [String], database: String? = nil, environment: [String: String] = [:]
    ) throws -> ProcessResult {
        var base = ["LOG_LEVEL": "INFO", "SOURCE_DATE_EPOCH": "1767225600"]
        if let database { base["PGDATABASE"] = database }
        return try ProcessResult.run(
            binary, arguments, environment: base.merging(environment) { $1 })
    }

    /// Runs a Python helper from `scripts/` or the tests with `python3`.
    public static func python(
        _ script: String, _ arguments: [String], input: String? = nil
    )
        throws -> ProcessResult
    {
        try ProcessResult.run(
            "/usr/bin/env", ["python3", script] + arguments, input: input)
    }
}

extension TestServices {
    /// Region, key pair and endpoint of the moto server, for every AWS service.
    public static func motoEnvironment() throws -> [String: String] {
        [
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": try require("MOTO_ACCESS_KEY_ID"),
            "AWS_SECRET_ACCESS_KEY": try require("MOTO_SECRET_ACCESS_KEY"),
            "AWS_ENDPOINT_URL": try require("DS_TEST_MOTO_ENDPOINT"),
        ]
    }

    /// Region, key pair and S3 endpoint of rclone's S3 server.
    public static func rcloneEnvironment() throws -> [String: String] {
        [
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": try require("DS_TEST_RCLONE_ACCESS_KEY"),
            "AWS_SECRET_ACCESS_KEY": try require("DS_TEST_RCLONE_SECRET_KEY"),
            "AWS_ENDPOINT_URL_S3": try require("DS_TEST_RCLONE_ENDPOINT"),
        ]
    }
}
