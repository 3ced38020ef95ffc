import DailySummaryCore
import Foundation
import Testing

@Suite("Report window")
struct ReportWindowTests {
    static func window(_ day: String, _ zone: String) throws -> ReportWindow {
        ReportWindow(
            day: try #require(ReportDay(parsing: day)),
            timeZone: try #require(TimeZone(identifier: zone)))
    }

    @Test func tokyoDayIsTwentyFourHoursFromFifteenHundredUTC() throws {
        let window = try ReportWindowTests.window("2025-01-15", "Asia/Tokyo")
        #expect(window.start.iso8601(utcOffsetSeconds: nil) == "2025-01-14T15:00:00Z")
        #expect(window.end.iso8601(utcOffsetSeconds: nil) == "2025-01-15T15:00:00Z")
        #expect(window.hours.count == 24)
        #expect(window.hours[23].iso8601 == "2025-01-15T23:00:00+09:00")
    }

    @Test func springForwardDayHasTwentyThreeHours() throws {
        let window = try ReportWindowTests.window("2025-03-09", "America/New_York")
        #expect(window.hours.count == 23)
        #expect(window.hours[1].iso8601 == "2025-03-09T01:00:00-05:00")
        #expect(window.hours[2].iso8601 == "2025-03-09T03:00:00-04:00")
        #expect(
            window.end.iso8601(utcOffsetSeconds: window.endUTCOffsetSeconds)
                == "2025-03-10T00:00:00-04:00")
    }

    @Test func fallBackDayHasTwentyFiveHoursWithOneOClockTwice() throws {
        let window = try ReportWindowTests.window("2025-11-02", "America/New_York")
        #expect(window.hours.count == 25)
        #expect(window.hours[1].iso8601 == "2025-11-02T01:00:00-04:00")
        #expect(window.hours[2].iso8601 == "2025-11-02T01:00:00-05:00")
    }

    @Test func hourIndexIsExactAtEveryBoundary() throws {
        let window = try ReportWindowTests.window("2025-11-02", "America/New_York")
        for (index, hour) in window.hours.enumerated() {
            let micros = hour.start.microsecondsSincePostgresEpoch
            #expect(window.hourIndex(of: hour.start) == index)
            #expect(
                window.hourIndex(of: Timestamp(microsecondsSincePostgresEpoch: micros - 1))
                    == (index == 0 ? nil : index - 1))
        }
        #expect(window.hourIndex(of: window.end) == nil)
    }

    @Test func zoneWithHalfHourOffsetRendersItsOffset() throws {
        let window = try ReportWindowTests.window("2025-01-15", "Asia/Kolkata")
        #expect(window.hours.count == 24)
        #expect(
            window.start.iso8601(utcOffsetSeconds: window.startUTCOffsetSeconds)
                == "2025-01-15T00:00:00+05:30")
    }
}
