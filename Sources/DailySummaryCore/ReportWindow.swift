import Foundation

/// The half-open interval `[local midnight, next local midnight)` of one report day, and
/// the start of every local hour inside it.
///
/// A day has 23, 24 or 25 local hours when a daylight-saving change falls on it; the hour
/// starts are instants, so the repeated 01:00 of a fall-back night is two hours.
public struct ReportWindow: Sendable, Equatable {
    /// One local clock hour: where it starts and the UTC offset in force at that moment.
    public struct Hour: Sendable, Equatable {
        public let start: Timestamp
        public let utcOffsetSeconds: Int

        public init(start: Timestamp, utcOffsetSeconds: Int) {
            self.start = start
            self.utcOffsetSeconds = utcOffsetSeconds
        }

        /// The start as ISO 8601 with the local offset.
        public var iso8601: String { start.iso8601(utcOffsetSeconds: utcOffsetSeconds) }
    }

    public let day: ReportDay
    public let timeZoneIdentifier: String
    public let start: Timestamp
    public let end: Timestamp
    public let endUTCOffsetSeconds: Int
    public let hours: [Hour]

    /// Builds the window from explicit parts; `hours` must start at `start` and ascend.
    public init(
        day: ReportDay, timeZoneIdentifier: String, start: Timestamp, end: Timestamp,
        endUTCOffsetSeconds: Int, hours: [Hour]
    ) {
        precondition(hours.first?.start == start, "the first hour must start the window")
        self.day = day
        self.timeZoneIdentifier = timeZoneIdentifier
        self.start = start
        self.end = end
        self.endUTCOffsetSeconds = endUTCOffsetSeconds
        self.hours = hours
    }

    /// The window of `day` in `timeZone`, from the system's time zone rules.
    public init(day: ReportDay, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = ReportWindow.startOfDay(day, calendar: calendar)
        let end = ReportWindow.startOfDay(day.next, calendar: calendar)
        let hours = ReportWindow.hourStarts(from: start, to: end, timeZone: timeZone)
        self.init(
            day: day, timeZoneIdentifier: timeZone.identifier, start: Timestamp(unixSeconds: start),
            end: Timestamp(unixSeconds: end),
            endUTCOffsetSeconds: ReportWindow.offset(timeZone, at: end), hours: hours)
    }

    /// The offset at the window's start, for rendering it.
    public var startUTCOffsetSeconds: Int { hours[0].utcOffsetSeconds }

    /// Index of the local hour holding `instant`, or nil when it lies outside the window.
    ///
    /// This is on the per-row path: it guesses from whole hours since the start and then
    /// steps, which is exact for zones whose hours are not all 3600 s long as well.
    @inline(__always)
    public func hourIndex(of instant: Timestamp) -> Int? {
        let micros = instant.microsecondsSincePostgresEpoch
        guard micros >= start.microsecondsSincePostgresEpoch,
            micros < end.microsecondsSincePostgresEpoch
        else { return nil }
        let elapsed = micros - start.microsecondsSincePostgresEpoch
        var index = min(Int(elapsed / 3_600_000_000), hours.count - 1)
        while index > 0, micros < hours[index].start.microsecondsSincePostgresEpoch {
            index -= 1
        }
        while index + 1 < hours.count,
            micros >= hours[index + 1].start.microsecondsSincePostgresEpoch
        {
            index += 1
        }
        return index
    }

    private static func startOfDay(_ day: ReportDay, calendar: Calendar) -> Int64 {
        // Noon exists on every civil day; midnight does not in zones that switch at 00:00.
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
        guard let noon = calendar.date(from: components) else {
            preconditionFailure("the Gregorian calendar has noon on \(day)")
        }
        return Int64(calendar.startOfDay(for: noon).timeIntervalSince1970.rounded())
    }

    private static func hourStarts(
        from start: Int64, to end: Int64, timeZone: TimeZone
    )
        -> [Hour]
    {
        // Every offset in use today is a multiple of 15 minutes, so stepping by 15 minutes
        // meets every instant at which the local clock shows a whole hour.
        var hours: [Hour] = []
        var instant = start
        while instant < end {
            let offset = offset(timeZone, at: instant)
            if instant == start || (instant + Int64(offset)) % 3600 == 0 {
                hours.append(
                    Hour(start: Timestamp(unixSeconds: instant), utcOffsetSeconds: offset))
            }
            instant += 900
        }
        return hours
    }

    private static func offset(_ timeZone: TimeZone, at unixSeconds: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }
}
