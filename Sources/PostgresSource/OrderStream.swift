import DailySummaryCore

/// Streams the orders of one query into a reducer over an open connection.
public enum OrderStream {
    /// How often, in rows, `progress` is offered the running count.
    public static let progressInterval = 65_536

    /// Runs `query` with COPY and folds every row into `reducer`.
    ///
    /// The caller owns the transaction; nothing here begins or ends one.
    /// - Parameters:
    ///   - progress: Called with the rows read so far, every `progressInterval` rows.
    /// - Throws: `PostgresError` when the statement fails, the connection breaks, or the
    ///   stream is not in the expected layout. The reducer then holds part of the range
    ///   and must be discarded.
    public static func read(
        _ query: OrdersQuery, on connection: PostgresConnection,
        into reducer: inout SummaryReducer, progress: (Int) -> Void = { _ in }
    ) throws {
        var isFirst = true
        var sawTrailer = false
        var nextProgress = reducer.rowsRead + progressInterval
        try connection.copyOut(query.copyStatement, context: query.context) { message in
            guard !sawTrailer else {
                throw CopyTupleCursor.malformed("data after the end-of-data marker")
            }
            sawTrailer =
                !(try OrderRowDecoder.decodeMessage(
                    message, isFirst: isFirst, into: &reducer))
            isFirst = false
            if reducer.rowsRead >= nextProgress {
                progress(reducer.rowsRead)
                nextProgress = reducer.rowsRead + progressInterval
            }
        }
        guard sawTrailer else {
            throw PostgresError(
                stage: .query, message: "stream ended without the end-of-data marker",
                context: query.context)
        }
    }
}
