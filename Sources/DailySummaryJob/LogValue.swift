import DailySummaryCore

/// A structured log field's value.
public enum LogValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    var json: String {
        switch self {
        case .string(let text): JSONWriter.quoted(text)
        case .int(let number): String(number)
        case .double(let number): number.isFinite ? String(number) : "null"
        case .bool(let flag): flag ? "true" : "false"
        }
    }

    var text: String {
        switch self {
        case .string(let text):
            text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
                ? JSONWriter.quoted(text) : text
        case .int, .double, .bool: json
        }
    }
}
