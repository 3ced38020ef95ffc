/// A calendar day in the report's time zone, such as 2025-01-15.
///
/// Parsing is strict: exactly `YYYY-MM-DD` with a real month and day, so that `2025-1-5`
/// and `2025-02-30` are refused rather than silently normalised.
public struct ReportDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day from its parts, or returns nil when the parts name no real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        guard day >= 1, day <= ReportDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, or returns nil when the text is not exactly that shape or names
    /// no real day.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { return nil }
        guard let year = ReportDay.number(bytes[0..<4]),
            let month = ReportDay.number(bytes[5..<7]),
            let day = ReportDay.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates the day that lies `days` after 1970-01-01.
    public init(daysSinceUnixEpoch days: Int) {
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days between 1970-01-01 and this day.
    public var daysSinceUnixEpoch: Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// The day before this one.
    public var previous: ReportDay { ReportDay(daysSinceUnixEpoch: daysSinceUnixEpoch - 1) }

    /// The day after this one.
    public var next: ReportDay { ReportDay(daysSinceUnixEpoch: daysSinceUnixEpoch + 1) }

    /// `YYYY-MM-DD`.
    public var description: String {
        CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-"
            + CivilCalendar.pad(day, 2)
    }

    public static func < (lhs: ReportDay, rhs: ReportDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
