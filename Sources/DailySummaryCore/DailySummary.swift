/// The daily-summary report document, schema version 1, with every value final.
///
/// Money is carried as decimal strings with two fractional digits, as the JSON shows it.
public struct DailySummary: Sendable {
    /// What the reducer cannot know: who made the report, when, and from where.
    public struct Metadata: Sendable {
        public var generatedAt: Timestamp
        public var generatorName: String
        public var generatorVersion: String
        public var relation: String

        public init(
            generatedAt: Timestamp, generatorName: String, generatorVersion: String,
            relation: String
        ) {
            self.generatedAt = generatedAt
            self.generatorName = generatorName
            self.generatorVersion = generatorVersion
            self.relation = relation
        }
    }

    /// Orders of one status.
    public struct StatusSummary: Sendable {
        public let status: String
        public let count: Int
        public let amounts: [(CurrencyCode, String)]
    }

    /// Sales of one currency.
    public struct SalesSummary: Sendable {
        public let currency: CurrencyCode
        public let orders: Int
        public let total: String
        public let average: String
        public let minimum: String
        public let maximum: String
        public let median: String
        public let p90: String

        init(currency: CurrencyCode, sales: SalesAccumulator) {
            let percentiles = sales.percentiles([0.5, 0.9])
            self.currency = currency
            self.orders = sales.orders
            self.total = Cents.decimalString(sales.total)
            self.average = Cents.decimalString(
                Cents.average(total: sales.total, count: sales.orders))
            self.minimum = Cents.decimalString(sales.minimum)
            self.maximum = Cents.decimalString(sales.maximum)
            self.median = Cents.decimalString(percentiles[0])
            self.p90 = Cents.decimalString(percentiles[1])
        }
    }

    /// Distinct users.
    public struct UserSummary: Sendable, Equatable {
        public let unique: Int
        public let buyers: Int
        public let `repeat`: Int
    }

    /// One local hour.
    public struct HourSummary: Sendable {
        public let start: String
        public let orders: Int
        public let sales: [(CurrencyCode, String)]
    }

    public static let schemaVersion = 1

    public let metadata: Metadata
    public let window: ReportWindow
    public let rowsRead: Int
    public let rowsRejected: Int
    public let orderCount: Int
    public let byStatus: [StatusSummary]
    public let sales: [SalesSummary]
    public let users: UserSummary
    public let hourly: [HourSummary]

    /// Sales totals per currency, sorted by currency code.
    public var salesTotals: [(currency: String, total: String)] {
        sales.map { ($0.currency.description, $0.total) }
    }
}
