import DailySummaryCore

/// The COPY statement that streams one time range of orders in the contract's layout.
///
/// COPY accepts no bind parameters, so the bounds are rendered here from integers, never
/// from user text, and the relation is quoted as an identifier. Every column is cast to
/// the contract's type so that compatible tables (integer ids, text currency, a wider
/// numeric) all arrive in the one binary layout the decoder reads. `amount` is cast to
/// plain `numeric`, not `numeric(14,2)`, because that cast would round 10.125 to 10.13
/// and hide a row that breaks the contract.
public struct OrdersQuery: Sendable {
    public let relation: RelationName
    public let from: Timestamp
    public let to: Timestamp

    /// - Parameters:
    ///   - relation: The table or view to read.
    ///   - from: The first instant included.
    ///   - to: The first instant excluded.
    public init(relation: RelationName, from: Timestamp, to: Timestamp) {
        self.relation = relation
        self.from = from
        self.to = to
    }

    /// The statement; the range predicate on the bare column can use an index on it.
    public var copyStatement: String {
        """
        COPY (SELECT id::int8, user_id::int8, status::text, amount::numeric, \
        currency::text, ordered_at::timestamptz FROM \(relation.quoted) \
        WHERE ordered_at >= '\(from.iso8601(utcOffsetSeconds: nil))'::timestamptz \
        AND ordered_at < '\(to.iso8601(utcOffsetSeconds: nil))'::timestamptz) \
        TO STDOUT (FORMAT binary)
        """
    }

    /// Names the statement in errors and logs.
    public var context: String { "COPY \(relation.quoted)" }
}
