import Foundation

/// The three UTC time formats the AWS protocols use, formatted and parsed with a plain
/// Gregorian calendar: `20150830T123600Z` (SigV4), `2030-01-01T00:00:00Z` (credential
/// expiry) and `Wed, 03 Dec 2026 16:27:11 GMT` (HTTP `Date`).
///
/// `DateFormatter` and `ISO8601DateFormatter` are avoided: on Linux they are not safe to
/// use from several threads at once, and these formats are fixed.
enum UTCTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
    private static let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// `YYYYMMDD'T'HHMMSS'Z'`.
    static func amzDate(_ date: Date) -> String {
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: date)
        let fields = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
        let widths = [4, 2, 2, 2, 2, 2]
        let digits = zip(fields, widths).map { value, width in
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits[0...2].joined() + "T" + digits[3...5].joined() + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; nil for anything else.
    static func parseISO8601(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard separators.allSatisfy({ bytes[$0.0] == $0.1.asciiValue }) else { return nil }
        let fraction = bytes[19..<(bytes.count - 1)]
        guard
            fraction.isEmpty
                || (fraction.first == UInt8(ascii: ".") && fraction.dropFirst().allSatisfy(isDigit))
        else { return nil }
        let numbers = [0..<4, 5..<7, 8..<10, 11..<13, 14..<16, 17..<19].map { number(bytes[$0]) }
        guard numbers.allSatisfy({ $0 != nil }) else { return nil }
        return date(numbers.map { $0 ?? 0 })
    }

    /// Parses an HTTP date, `Wed, 03 Dec 2026 16:27:11 GMT`; nil for anything else.
    static func parseHTTPDate(_ text: String) -> Date? {
        let words = text.split(separator: " ")
        guard words.count == 6, words[5] == "GMT",
            let month = months.firstIndex(of: String(words[2]))
        else { return nil }
        let time = words[4].split(separator: ":")
        guard time.count == 3 else { return nil }
        let numbers = [words[3], words[1]] + time
        let parsed = numbers.map { number(Array($0.utf8)[...]) }
        guard parsed.allSatisfy({ $0 != nil }) else { return nil }
        let values = parsed.map { $0 ?? 0 }
        return date([values[0], month + 1, values[1], values[2], values[3], values[4]])
    }

    private static func date(_ values: [Int]) -> Date? {
        let components = DateComponents(
            year: values[0], month: values[1], day: values[2], hour: values[3],
            minute: values[4], second: values[5])
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), values[3] < 24,
            values[4] < 60, values[5] < 61
        else { return nil }
        return calendar.date(from: components)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(isDigit) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
