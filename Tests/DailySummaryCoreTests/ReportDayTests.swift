import DailySummaryCore
import Testing

@Suite("Report day")
struct ReportDayTests {
    @Test(arguments: ["2025-01-15", "2024-02-29", "2000-02-29", "1999-12-31"])
    func validDaysRoundTrip(_ text: String) throws {
        let day = try #require(ReportDay(parsing: text))
        #expect(day.description == text)
        #expect(ReportDay(daysSinceUnixEpoch: day.daysSinceUnixEpoch) == day)
    }

    @Test(arguments: [
        "2025-02-29", "1900-02-29", "2025-02-30", "2025-1-5", "2025-13-01",
        "2025-00-10", "2025-01-32", "20250115", "2025-01-15T00", " 2025-01-15", "２０２５-01-15",
    ])
    func impossibleOrMalformedDaysAreRefused(_ text: String) {
        #expect(ReportDay(parsing: text) == nil)
    }

    @Test func neighboursCrossMonthAndYearEnds() throws {
        let day = try #require(ReportDay(parsing: "2024-12-31"))
        #expect(day.next.description == "2025-01-01")
        #expect(try #require(ReportDay(parsing: "2024-03-01")).previous.description == "2024-02-29")
        #expect(ReportDay(daysSinceUnixEpoch: 0).description == "1970-01-01")
    }
}
