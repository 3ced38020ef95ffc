import DailySummaryCore

/// A structured log field's value.
enum LogValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)

    var json: String {
        switch self {
        case .string(let text): JSONWriter.quoted(text)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        }
    }

    var text: String {
        switch self {
        case .string(let text):
            text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" })
                ? JSONWriter.quoted(text) : text
        case .int, .bool: json
        }
    }
}
