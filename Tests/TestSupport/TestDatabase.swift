import Foundation

/// A database of its own for one test, in the PostgreSQL that `scripts/test.sh` started,
/// with the contract table created. Tests never share data.
public struct TestDatabase: Sendable {
    public let name: String

    /// Creates (or re-creates) database `name` with the `orders` table.
    public init(_ name: String) throws {
        _ = try TestServices.require("PGPORT")
        self.name = name
        try TestDatabase.psql(
            "postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)", "CREATE DATABASE \(name)")
        let schema = TestServices.repositoryRoot.appendingPathComponent("scripts/schema.sql").path
        try run(["-f", schema])
    }

    /// Runs SQL statements in this database.
    public func execute(_ statements: String...) throws {
        try TestDatabase.psql(name, statements)
    }

    /// Runs a SQL file in this database.
    public func load(file path: String) throws {
        try run(["-f", path])
    }

    /// Fills the orders table with `scripts/generate-orders.sh` and these arguments.
    public func generate(_ arguments: [String]) throws {
        let script = TestServices.repositoryRoot.appendingPathComponent(
            "scripts/generate-orders.sh"
        ).path
        let sql = try ProcessResult.run(script, arguments)
        guard sql.status == 0 else { throw PSQLFailure(output: sql.stderr) }
        let result = try ProcessResult.run(
            "/usr/bin/env", ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-d", name], input: sql.stdout)
        guard result.status == 0 else { throw PSQLFailure(output: result.stderr) }
    }

    /// The rows of a query, each as its `|`-separated columns.
    public func query(_ sql: String) throws -> [[String]] {
        let result = try ProcessResult.run(
            "/usr/bin/env",
            ["psql", "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", name, "-c", sql])
        guard result.status == 0 else { throw PSQLFailure(output: result.stderr) }
        return result.stdoutLines.map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        }
    }

    private func run(_ arguments: [String]) throws {
        let result = try ProcessResult.run(
            "/usr/bin/env", ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", name] + arguments)
        guard result.status == 0 else { throw PSQLFailure(output: result.stderr) }
    }

    private static func psql(_ database: String, _ statements: String...) throws {
        try psql(database, statements)
    }

    private static func psql(_ database: String, _ statements: [String]) throws {
        let arguments = statements.flatMap { ["-c", $0] }
        let result = try ProcessResult.run(
            "/usr/bin/env",
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database] + arguments)
        guard result.status == 0 else { throw PSQLFailure(output: result.stderr) }
    }
}

/// psql failed; carries what it printed.
public struct PSQLFailure: Error, CustomStringConvertible {
    public let output: String
    public var description: String { "psql failed: \(output)" }
}
