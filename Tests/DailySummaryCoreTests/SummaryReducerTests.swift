import DailySummaryCore
import Foundation
import Testing

@Suite("Summary reducer")
struct SummaryReducerTests {
    struct Order {
        let id: Int64
        let user: Int64
        let status: String
        let cents: Int64
        let currency: String
        let secondsIntoDay: Int64
    }

    static let window = ReportWindow(
        day: ReportDay(year: 2025, month: 1, day: 15)!,
        timeZone: TimeZone(identifier: "Asia/Tokyo")!)

    static func reduce(
        _ orders: some Sequence<Order>, sales: Set<String> = ["completed"]
    )
        -> SummaryReducer
    {
        var reducer = SummaryReducer(window: window, salesStatuses: sales)
        for order in orders {
            var status = order.status
            status.withUTF8 { bytes in
                let instant = Timestamp(
                    microsecondsSincePostgresEpoch: window.start.microsecondsSincePostgresEpoch
                        + order.secondsIntoDay * 1_000_000)
                reducer.add(
                    OrderRow(
                        id: order.id, userID: order.user, status: UnsafeRawBufferPointer(bytes),
                        amountCents: order.cents, currency: CurrencyCode(order.currency)!,
                        orderedAt: instant))
            }
        }
        return reducer
    }

    static func metadata() -> DailySummary.Metadata {
        .init(
            generatedAt: Timestamp(unixSeconds: 0), generatorName: "daily-summary",
            generatorVersion: "1.0.0", relation: "orders")
    }

    @Test func percentilesAreNearestRankLikePercentileDisc() {
        // Ten sales of 1..10: percentile_disc(0.5) is 5 and percentile_disc(0.9) is 9.
        let orders = (1...10).map {
            Order(
                id: Int64($0), user: Int64($0), status: "completed", cents: Int64($0) * 100,
                currency: "USD", secondsIntoDay: 60)
        }
        let summary = SummaryReducerTests.reduce(orders).summary(
            metadata: SummaryReducerTests.metadata())
        let usd = summary.sales[0]
        #expect(
            [usd.median, usd.p90, usd.minimum, usd.maximum, usd.total, usd.average]
                == ["5.00", "9.00", "1.00", "10.00", "55.00", "5.50"])
    }

    static func order(_ id: Int64, user: Int64, _ status: String) -> Order {
        Order(id: id, user: user, status: status, cents: 100, currency: "JPY", secondsIntoDay: id)
    }

    @Test func usersCountUniqueBuyersAndRepeatAcrossStatuses() {
        let orders = [
            Self.order(1, user: 7, "pending"), Self.order(2, user: 7, "completed"),
            Self.order(3, user: 8, "cancelled"), Self.order(4, user: 9, "completed"),
        ]
        let users = SummaryReducerTests.reduce(orders).summary(
            metadata: SummaryReducerTests.metadata()
        ).users
        #expect([users.unique, users.buyers, users.repeat] as [Int] == [3, 2, 1])
    }

    @Test func contractViolationsAreRejectedNotCounted() {
        let orders = [
            Order(id: 1, user: 1, status: "", cents: 100, currency: "JPY", secondsIntoDay: 1),
            Order(
                id: 2, user: 1, status: "completed", cents: -1, currency: "JPY", secondsIntoDay: 1),
            Order(
                id: 3, user: 1, status: "completed", cents: 1, currency: "JPY",
                secondsIntoDay: 86_400),
            Order(
                id: 4, user: 1, status: "completed", cents: 1, currency: "JPY",
                secondsIntoDay: 86_399),
        ]
        let reducer = SummaryReducerTests.reduce(orders)
        #expect(reducer.rowsRead == 4)
        #expect(reducer.rowsRejected == 3)
        #expect(
            reducer.rejectionSamples.map(\.reason) == [
                .emptyStatus, .negativeAmount, .outsideWindow,
            ])
    }

    @Test func mergingSplitReducersGivesTheSameReportAsOne() {
        var generator = SystemRandomNumberGenerator()
        let statuses = ["completed", "pending", "cancelled", "shipped"]
        let currencies = ["JPY", "USD", "EUR"]
        let orders = (0..<20_000).map { id in
            Order(
                id: Int64(id), user: Int64.random(in: 1...3000, using: &generator),
                status: statuses.randomElement(using: &generator)!,
                cents: Int64.random(in: 0...50_000, using: &generator),
                currency: currencies.randomElement(using: &generator)!,
                secondsIntoDay: Int64.random(in: 0..<86_400, using: &generator))
        }
        let whole = SummaryReducerTests.reduce(orders, sales: ["completed", "shipped"])
        var merged = SummaryReducerTests.reduce(
            orders.prefix(7_000), sales: ["completed", "shipped"])
        merged.merge(
            SummaryReducerTests.reduce(
                orders.dropFirst(7_000).prefix(9_000), sales: ["completed", "shipped"]))
        merged.merge(
            SummaryReducerTests.reduce(orders.dropFirst(16_000), sales: ["completed", "shipped"]))
        let metadata = SummaryReducerTests.metadata()
        #expect(merged.summary(metadata: metadata).json == whole.summary(metadata: metadata).json)
    }

    @Test func userTallyGrowsPastItsInitialCapacity() {
        var tally = UserTally(capacity: 4)
        for user in 0..<100_000 { tally.record(user: Int64(user) * 7919, bought: user % 2 == 0) }
        for user in 0..<1_000 { tally.record(user: Int64(user) * 7919, bought: false) }
        #expect(tally.uniqueUsers == 100_000)
        #expect(tally.buyers == 50_000)
        #expect(tally.repeatUsers == 1_000)
    }
}
