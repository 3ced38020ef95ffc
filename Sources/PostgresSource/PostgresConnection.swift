import CLibPQ
import Glibc

/// One libpq connection, used from one thread at a time.
public final class PostgresConnection {
    private let handle: OpaquePointer

    /// Opens a connection the libpq way: `conninfo` (a URI or `key=value` string) when
    /// given, and the `PG*` environment variables for everything it leaves out.
    ///
    /// - Parameters:
    ///   - conninfo: Usually `DATABASE_URL`; nil or empty uses the environment alone.
    ///   - applicationName: Shown in `pg_stat_activity` unless the conninfo names one.
    /// - Throws: `PostgresError` with stage `.connect`.
    public init(conninfo: String?, applicationName: String) throws {
        let keywords = ["dbname", "fallback_application_name"]
        let values = [conninfo ?? "", applicationName]
        let connection = withCStrings(keywords) { keywordPointers in
            withCStrings(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PostgresError(stage: .connect, message: "out of memory", context: "connect")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PostgresConnection.firstLine(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(stage: .connect, message: message, context: "connect")
        }
        handle = connection
    }

    deinit {
        PQfinish(handle)
    }

    /// Runs statements that return no rows, such as `BEGIN` or `SET`.
    public func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw error(from: result, context: sql)
        }
    }

    /// Runs a query and returns the first column of the first row as text, or nil for
    /// NULL or no rows.
    public func queryValue(_ sql: String) throws -> String? {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else {
            throw error(from: result, context: sql)
        }
        guard PQntuples(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
        return String(cString: PQgetvalue(result, 0, 0))
    }

    /// Runs `COPY ... TO STDOUT` and hands each CopyData message to `body` as it arrives.
    ///
    /// The bytes are libpq's buffer, valid only during the call; nothing is kept, so memory
    /// stays flat however many rows the server sends.
    /// - Parameters:
    ///   - sql: The COPY statement.
    ///   - context: Names the operation in errors, such as `COPY "sales"."orders"`.
    public func copyOut(
        _ sql: String, context: String, body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let start = PQexec(handle, sql)
        guard PQresultStatus(start) == PGRES_COPY_OUT else {
            defer { PQclear(start) }
            throw error(from: start, context: context)
        }
        PQclear(start)

        var buffer: UnsafeMutablePointer<CChar>?
        while true {
            let length = PQgetCopyData(handle, &buffer, 0)
            if length < 0 { break }
            guard let bytes = buffer else { continue }
            defer { PQfreemem(bytes) }
            try body(UnsafeRawBufferPointer(start: bytes, count: Int(length)))
        }
        try finishCommand(context: context)
    }

    /// Drains the results of a finished command and throws the server's error, if any.
    private func finishCommand(context: String) throws {
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            if failure == nil, PQresultStatus(result) != PGRES_COMMAND_OK {
                failure = error(from: result, context: context)
            }
            PQclear(result)
        }
        if let failure { throw failure }
        if PQstatus(handle) != CONNECTION_OK {
            throw PostgresError(
                stage: .query, message: PostgresConnection.firstLine(PQerrorMessage(handle)),
                context: context)
        }
    }

    private func error(from result: OpaquePointer?, context: String) -> PostgresError {
        // The PG_DIAG_* macros are character literals, which Swift does not import.
        let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map {
            String(cString: $0)
        }
        let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map {
            String(cString: $0)
        }
        let message = primary ?? PostgresConnection.firstLine(PQerrorMessage(handle))
        return PostgresError(stage: .query, message: message, sqlState: sqlState, context: context)
    }

    private static func firstLine(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let line = String(cString: text).split(separator: "\n").first.map(String.init)
        return line ?? "unknown error"
    }
}

/// Passes `strings` to C as a NULL-terminated array of C strings.
private func withCStrings<Result>(
    _ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result
) -> Result {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers = duplicates.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else {
            preconditionFailure("a non-empty array has storage")
        }
        return body(base)
    }
}
