import DailySummaryCore
import Testing

@Suite("Cents")
struct CentsTests {
    @Test func rendersTwoFractionDigits() {
        #expect(Cents.decimalString(Int128(0)) == "0.00")
        #expect(Cents.decimalString(Int128(5)) == "0.05")
        #expect(Cents.decimalString(Int128(-1205)) == "-12.05")
        let huge = Int128(Int64.max) * 1000
        #expect(Cents.decimalString(huge) == "92233720368547758070.00")
    }

    @Test(
        arguments: [
            (1000, 3, 333), (1001, 2, 501), (1003, 2, 502), (-1001, 2, -501), (5, 10, 1),
            (4, 10, 0),
        ] as [(Int, Int, Int)])
    func averageRoundsHalfAwayFromZero(_ total: Int, _ count: Int, _ expected: Int) {
        #expect(Cents.average(total: Int128(total), count: count) == Int128(expected))
    }
}
