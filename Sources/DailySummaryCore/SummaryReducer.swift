/// Folds a day's orders, one at a time, into everything the report needs.
///
/// Memory grows with distinct users, statuses, currencies and amounts, never with the
/// number of orders. Two reducers over disjoint parts of the same window merge into the
/// reducer of the whole, which is what lets a day be read over several connections.
public struct SummaryReducer: Sendable {
    /// How many rejected rows are kept, with their ids, for the logs.
    public static let rejectionSampleLimit = 10

    public let window: ReportWindow
    public let salesStatuses: Set<String>
    public private(set) var rowsRead = 0
    public private(set) var rowsRejected = 0
    public private(set) var rejectionSamples: [RowRejection] = []
    private var statuses: [StatusTally] = []
    private var salesCurrencies: [CurrencyCode] = []
    private var sales: [SalesAccumulator] = []
    private var hourlySales: [[Int128]] = []
    private var hourlyOrders: [Int]
    private var users = UserTally()

    /// - Parameters:
    ///   - window: The day being reduced; rows outside it are rejected.
    ///   - salesStatuses: Statuses whose orders count as sales.
    public init(window: ReportWindow, salesStatuses: Set<String>) {
        self.window = window
        self.salesStatuses = salesStatuses
        self.hourlyOrders = Array(repeating: 0, count: window.hours.count)
    }

    /// Orders accepted so far.
    public var ordersAccepted: Int { rowsRead - rowsRejected }

    /// Folds in one order that was decoded without error; the contract's remaining rules
    /// (a status, a non-negative amount, a time inside the window) are checked here.
    @inline(__always)
    public mutating func add(_ row: OrderRow) {
        guard let hour = window.hourIndex(of: row.orderedAt) else {
            return reject(RowRejection(id: row.id, reason: .outsideWindow))
        }
        guard row.amountCents >= 0 else {
            return reject(RowRejection(id: row.id, reason: .negativeAmount))
        }
        guard !row.status.isEmpty else {
            return reject(RowRejection(id: row.id, reason: .emptyStatus))
        }

        rowsRead += 1
        let status = statusIndex(row.status)
        statuses[status].add(row.amountCents, in: row.currency)
        hourlyOrders[hour] += 1
        let isSale = statuses[status].isSales
        if isSale {
            let currency = salesIndex(row.currency)
            sales[currency].add(row.amountCents)
            hourlySales[currency][hour] += Int128(row.amountCents)
        }
        users.record(user: row.userID, bought: isSale)
    }

    /// Counts a row that broke the contract, keeping the first few for the logs.
    public mutating func reject(_ rejection: RowRejection) {
        rowsRead += 1
        rowsRejected += 1
        if rejectionSamples.count < SummaryReducer.rejectionSampleLimit {
            rejectionSamples.append(rejection)
        }
    }

    /// Adds the orders another reducer saw over another part of the same window.
    public mutating func merge(_ other: SummaryReducer) {
        precondition(other.window == window, "reducers of different windows do not merge")
        rowsRead += other.rowsRead
        rowsRejected += other.rowsRejected
        let room = SummaryReducer.rejectionSampleLimit - rejectionSamples.count
        rejectionSamples += other.rejectionSamples.prefix(max(0, room))
        for tally in other.statuses {
            let index = tally.bytes.withUnsafeBytes { statusIndex($0) }
            statuses[index].merge(tally)
        }
        for (offset, currency) in other.salesCurrencies.enumerated() {
            let index = salesIndex(currency)
            sales[index].merge(other.sales[offset])
            for hour in hourlyOrders.indices {
                hourlySales[index][hour] += other.hourlySales[offset][hour]
            }
        }
        for hour in hourlyOrders.indices { hourlyOrders[hour] += other.hourlyOrders[hour] }
        users.merge(other.users)
    }

    @inline(__always)
    private mutating func statusIndex(_ bytes: UnsafeRawBufferPointer) -> Int {
        if let index = statuses.firstIndex(where: { $0.matches(bytes) }) { return index }
        let name = Array(bytes)
        let isSales = salesStatuses.contains(String(decoding: name, as: UTF8.self))
        statuses.append(StatusTally(bytes: name, isSales: isSales))
        return statuses.count - 1
    }

    @inline(__always)
    private mutating func salesIndex(_ currency: CurrencyCode) -> Int {
        if let index = salesCurrencies.firstIndex(of: currency) { return index }
        salesCurrencies.append(currency)
        sales.append(SalesAccumulator())
        hourlySales.append(Array(repeating: 0, count: window.hours.count))
        return salesCurrencies.count - 1
    }
}

extension SummaryReducer {
    /// The finished report of everything folded in.
    public func summary(metadata: DailySummary.Metadata) -> DailySummary {
        let byStatus = statuses.sorted { $0.name < $1.name }.map {
            DailySummary.StatusSummary(
                status: $0.name, count: $0.orders, amounts: $0.amounts.sortedDecimalStrings)
        }
        let currencyOrder = salesCurrencies.indices.sorted {
            salesCurrencies[$0] < salesCurrencies[$1]
        }
        let salesSummaries = currencyOrder.map { index in
            DailySummary.SalesSummary(currency: salesCurrencies[index], sales: sales[index])
        }
        let hourly = window.hours.indices.map { hour in
            DailySummary.HourSummary(
                start: window.hours[hour].iso8601, orders: hourlyOrders[hour],
                sales: currencyOrder.map {
                    (salesCurrencies[$0], Cents.decimalString(hourlySales[$0][hour]))
                })
        }
        return DailySummary(
            metadata: metadata, window: window, rowsRead: rowsRead, rowsRejected: rowsRejected,
            orderCount: ordersAccepted, byStatus: byStatus, sales: salesSummaries,
            users: .init(
                unique: users.uniqueUsers, buyers: users.buyers, repeat: users.repeatUsers),
            hourly: hourly)
    }
}
