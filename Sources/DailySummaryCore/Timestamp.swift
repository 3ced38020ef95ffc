/// An instant as PostgreSQL's binary `timestamptz` carries it: microseconds since
/// 2000-01-01 00:00:00 UTC.
///
/// The reducer compares these integers directly, so that no per-row date arithmetic is
/// needed; Foundation is only used once per run, to find the day's boundaries.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Seconds between the Unix epoch and PostgreSQL's epoch, 2000-01-01.
    public static let postgresEpochInUnixSeconds: Int64 = 946_684_800

    public let microsecondsSincePostgresEpoch: Int64

    public init(microsecondsSincePostgresEpoch: Int64) {
        self.microsecondsSincePostgresEpoch = microsecondsSincePostgresEpoch
    }

    public init(unixSeconds: Int64) {
        self.microsecondsSincePostgresEpoch =
            (unixSeconds - Timestamp.postgresEpochInUnixSeconds) * 1_000_000
    }

    /// Whole seconds since the Unix epoch, rounded toward negative infinity.
    public var unixSeconds: Int64 {
        let (seconds, remainder) = microsecondsSincePostgresEpoch.quotientAndRemainder(
            dividingBy: 1_000_000)
        let floored = remainder < 0 ? seconds - 1 : seconds
        return floored + Timestamp.postgresEpochInUnixSeconds
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSincePostgresEpoch < rhs.microsecondsSincePostgresEpoch
    }

    /// ISO 8601 with a numeric offset, such as `2025-01-15T00:00:00+09:00`, or with `Z`
    /// when `utcOffsetSeconds` is nil. Sub-second parts are dropped.
    public func iso8601(utcOffsetSeconds: Int?) -> String {
        let local = unixSeconds + Int64(utcOffsetSeconds ?? 0)
        let (days, secondOfDay) = floorDivide(local, by: 86_400)
        let day = ReportDay(daysSinceUnixEpoch: Int(days))
        let hour = Int(secondOfDay / 3600)
        let minute = Int(secondOfDay % 3600 / 60)
        let second = Int(secondOfDay % 60)
        let time =
            CivilCalendar.pad(hour, 2) + ":" + CivilCalendar.pad(minute, 2) + ":"
            + CivilCalendar.pad(second, 2)
        return "\(day)T\(time)" + Timestamp.offsetSuffix(utcOffsetSeconds)
    }

    private static func offsetSuffix(_ offset: Int?) -> String {
        guard let offset else { return "Z" }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        let hours = CivilCalendar.pad(magnitude / 3600, 2)
        let minutes = CivilCalendar.pad(magnitude % 3600 / 60, 2)
        return sign + hours + ":" + minutes
    }

    private func floorDivide(_ value: Int64, by divisor: Int64) -> (Int64, Int64) {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}
