import DailySummaryCore

/// What the final summary line of a run says.
struct RunOutcome {
    let summary: DailySummary
    var s3URI: String?
    var messageID: String?

    init(summary: DailySummary) {
        self.summary = summary
    }

    var fields: [(String, LogValue)] {
        var fields: [(String, LogValue)] = [
            ("rows", .int(summary.rowsRead)), ("rows_rejected", .int(summary.rowsRejected)),
            ("orders", .int(summary.orderCount)),
        ]
        for (currency, total) in summary.salesTotals {
            fields.append(("sales_\(currency)", .string(total)))
        }
        if let s3URI { fields.append(("s3_uri", .string(s3URI))) }
        if let messageID { fields.append(("sns_message_id", .string(messageID))) }
        return fields
    }
}
