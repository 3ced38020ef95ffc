/// A failure talking to PostgreSQL, with the server's SQLSTATE when it sent one.
///
/// The description never includes the connection string, so that a password in
/// `DATABASE_URL` cannot reach a log line.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// The stage that failed.
    public enum Stage: Sendable, Equatable {
        /// Opening the connection: server down, authentication, unknown database.
        case connect
        /// A statement or the COPY failed on the server, or the connection broke under it.
        case query
        /// The server sent bytes that do not have the agreed binary layout.
        case protocolViolation
    }

    public let stage: Stage
    /// The server's or libpq's message, first line only.
    public let message: String
    /// The five-character SQLSTATE, such as `42P01`, when the server sent one.
    public let sqlState: String?
    /// What the job was doing, such as `COPY "sales"."orders"`.
    public let context: String

    public init(stage: Stage, message: String, sqlState: String? = nil, context: String) {
        self.stage = stage
        self.message = message
        self.sqlState = sqlState
        self.context = context
    }

    /// True when the connection itself was lost or refused, as opposed to the server
    /// rejecting the statement; such failures may succeed on a new connection.
    public var isConnectionFailure: Bool {
        switch stage {
        case .connect:
            // libpq reports connection failures as text only, without a SQLSTATE; these
            // are the ones that waiting cannot fix.
            return !PostgresError.permanentConnectFailures.contains { message.contains($0) }
        case .query:
            return sqlState.map { $0.hasPrefix("08") || $0 == "57P01" } ?? true
        case .protocolViolation:
            return false
        }
    }

    private static let permanentConnectFailures = [
        "authentication failed", "does not exist", "no pg_hba.conf entry",
        "invalid connection option", "invalid URI", "missing \"=\"",
    ]

    public var description: String {
        let code = sqlState.map { " (SQLSTATE \($0))" } ?? ""
        return "\(context): \(message)\(code)"
    }
}
