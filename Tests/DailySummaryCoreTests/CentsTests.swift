import DailySummaryCore
import Testing

@Suite("Cents")
struct CentsTests {
    @Test(arguments: [
        ("0", 0), ("12", 1200), ("12.5", 1250), ("12.05", 1205), ("10.1200", 1012),
        ("-0.05", -5), ("92233720368547758.07", Int64.max),
    ] as [(String, Int64)])
    func parsesPlainDecimals(_ text: String, _ cents: Int64) {
        #expect(Cents.parse(text) == cents)
    }

    @Test(arguments: ["10.125", "", ".5", "5.", "1e3", "1,5", "--1", "92233720368547758.08", "１"])
    func refusesAnythingElse(_ text: String) {
        #expect(Cents.parse(text) == nil)
    }

    @Test func rendersTwoFractionDigits() {
        #expect(Cents.decimalString(Int128(0)) == "0.00")
        #expect(Cents.decimalString(Int128(5)) == "0.05")
        #expect(Cents.decimalString(Int128(-1205)) == "-12.05")
        let huge = Int128(Int64.max) * 1000
        #expect(Cents.decimalString(huge) == "92233720368547758070.00")
    }

    @Test(arguments: [
        (1000, 3, 333), (1001, 2, 501), (1003, 2, 502), (-1001, 2, -501), (5, 10, 1), (4, 10, 0),
    ] as [(Int, Int, Int)])
    func averageRoundsHalfAwayFromZero(_ total: Int, _ count: Int, _ expected: Int) {
        #expect(Cents.average(total: Int128(total), count: count) == Int128(expected))
    }
}
