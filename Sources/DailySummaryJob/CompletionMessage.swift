import AWSClient
import DailySummaryCore

/// The SNS announcement of a finished report: compact JSON for programs, a few lines
/// for people reading email, and attributes for subscription filters.
struct CompletionMessage {
    let summary: DailySummary
    let s3URI: String
    let durationMilliseconds: Int

    var subject: String {
        "daily-summary \(summary.window.day): \(summary.orderCount) orders"
    }

    var bodies: [String: String] { ["default": compactJSON, "email": emailText] }

    var attributes: [SNSClient.Attribute] {
        [
            .init(name: "report_date", type: .string, value: summary.window.day.description),
            .init(name: "order_count", type: .number, value: String(summary.orderCount)),
        ]
    }

    private var compactJSON: String {
        let sales = summary.salesTotals.map {
            "\(JSONWriter.quoted($0.currency)):\(JSONWriter.quoted($0.total))"
        }
        let members = [
            "\"report_date\":\(JSONWriter.quoted(summary.window.day.description))",
            "\"status\":\"succeeded\"",
            "\"orders\":\(summary.orderCount)",
            "\"rows_read\":\(summary.rowsRead)",
            "\"rows_rejected\":\(summary.rowsRejected)",
            "\"sales\":{\(sales.joined(separator: ","))}",
            "\"s3_uri\":\(JSONWriter.quoted(s3URI))",
            "\"duration_ms\":\(durationMilliseconds)",
        ]
        return "{" + members.joined(separator: ",") + "}"
    }

    private var emailText: String {
        let sales =
            summary.sales.isEmpty
            ? ["  (no sales)"]
            : summary.sales.map { "  \($0.currency): \($0.total) from \($0.orders) orders" }
        let lines =
            [
                "The daily summary for \(summary.window.day) "
                    + "(\(summary.window.timeZoneIdentifier)) is ready.",
                "",
                "Orders: \(summary.orderCount) (rows rejected: \(summary.rowsRejected))",
                "Sales:",
            ] + sales + [
                "Users: \(summary.users.unique) unique, \(summary.users.buyers) buyers",
                "",
                "Report: \(s3URI)",
                "Took \(Double(durationMilliseconds) / 1000) s.",
            ]
        return lines.joined(separator: "\n")
    }
}
