import DailySummaryCore

/// Turns binary COPY tuples of the contract's six columns into orders for the reducer.
///
/// Rows that break the contract become `RowRejection`s; bytes that do not have the
/// agreed layout are a `PostgresError`, since they mean the query and decoder disagree.
enum OrderRowDecoder {
    static let columnCount = 6

    /// Decodes every tuple in one CopyData message into `reducer`.
    /// - Returns: False once the end-of-data marker has been read.
    @inline(__always)
    static func decodeMessage(
        _ bytes: UnsafeRawBufferPointer, isFirst: Bool, into reducer: inout SummaryReducer
    ) throws -> Bool {
        var cursor = CopyTupleCursor(bytes)
        if isFirst { try cursor.readHeader() }
        while !cursor.isAtEnd {
            let fields = try cursor.fieldCount()
            if fields == -1 { return false }
            guard fields == columnCount else {
                throw CopyTupleCursor.malformed("expected \(columnCount) columns, got \(fields)")
            }
            try decodeTuple(&cursor, into: &reducer)
        }
        return true
    }

    @inline(__always)
    private static func decodeTuple(
        _ cursor: inout CopyTupleCursor, into reducer: inout SummaryReducer
    ) throws {
        let idField = try cursor.field()
        let userField = try cursor.field()
        let statusField = try cursor.field()
        let amountField = try cursor.field()
        let currencyField = try cursor.field()
        let orderedAtField = try cursor.field()

        let id = try idField.map { try int64($0, column: "id") }
        guard let id else {
            return reducer.reject(RowRejection(id: nil, reason: .nullColumn("id")))
        }
        guard let userField, let statusField, let amountField, let currencyField,
            let orderedAtField
        else {
            let nullColumn =
                [
                    ("user_id", userField), ("status", statusField), ("amount", amountField),
                    ("currency", currencyField), ("ordered_at", orderedAtField),
                ].first { $0.1 == nil }?.0 ?? "a column"
            return reducer.reject(RowRejection(id: id, reason: .nullColumn(nullColumn)))
        }

        let amount: Int64
        switch NumericCents.decode(amountField) {
        case .cents(let cents): amount = cents
        case .fractionalCents: return reducer.reject(RowRejection(id: id, reason: .fractionalCents))
        case .notFinite: return reducer.reject(RowRejection(id: id, reason: .amountNotFinite))
        case .outOfRange: return reducer.reject(RowRejection(id: id, reason: .amountOutOfRange))
        case nil: throw CopyTupleCursor.malformed("amount of order \(id) is not a binary numeric")
        }
        guard let currency = CurrencyCode(bytes: currencyField) else {
            return reducer.reject(RowRejection(id: id, reason: .invalidCurrency))
        }

        let row = OrderRow(
            id: id, userID: try int64(userField, column: "user_id"), status: statusField,
            amountCents: amount, currency: currency,
            orderedAt: Timestamp(
                microsecondsSincePostgresEpoch: try int64(
                    orderedAtField,
                    column: "ordered_at")))
        reducer.add(row)
    }

    @inline(__always)
    private static func int64(_ field: UnsafeRawBufferPointer, column: String) throws -> Int64 {
        guard field.count == 8 else {
            throw CopyTupleCursor.malformed("\(column) has \(field.count) bytes, expected 8")
        }
        return Int64(bigEndian: field.loadUnaligned(as: Int64.self))
    }
}
