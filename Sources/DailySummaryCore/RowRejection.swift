/// A row that broke the input contract, and why.
public struct RowRejection: Sendable, Equatable {
    /// What was wrong with the row.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case nullColumn(String)
        case negativeAmount
        case fractionalCents
        case amountNotFinite
        case amountOutOfRange
        case invalidCurrency
        case emptyStatus
        case outsideWindow

        public var description: String {
            switch self {
            case .nullColumn(let column): "\(column) is NULL"
            case .negativeAmount: "amount is negative"
            case .fractionalCents: "amount is not a whole number of cents"
            case .amountNotFinite: "amount is NaN or infinite"
            case .amountOutOfRange: "amount is too large"
            case .invalidCurrency: "currency is not three letters A-Z"
            case .emptyStatus: "status is empty"
            case .outsideWindow: "ordered_at is outside the report window"
            }
        }
    }

    /// The row's id, when the id itself was readable.
    public let id: Int64?
    public let reason: Reason

    public init(id: Int64?, reason: Reason) {
        self.id = id
        self.reason = reason
    }
}
