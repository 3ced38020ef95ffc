/// One order that met the input contract, as the reducer consumes it.
///
/// `status` borrows the bytes of the row being decoded and is valid only for the duration
/// of the call that receives the row; this is what lets the reader hand rows over without
/// building a `String` per row.
public struct OrderRow {
    public var id: Int64
    public var userID: Int64
    public var status: UnsafeRawBufferPointer
    public var amountCents: Int64
    public var currency: CurrencyCode
    public var orderedAt: Timestamp

    public init(
        id: Int64, userID: Int64, status: UnsafeRawBufferPointer, amountCents: Int64,
        currency: CurrencyCode, orderedAt: Timestamp
    ) {
        self.id = id
        self.userID = userID
        self.status = status
        self.amountCents = amountCents
        self.currency = currency
        self.orderedAt = orderedAt
    }
}
