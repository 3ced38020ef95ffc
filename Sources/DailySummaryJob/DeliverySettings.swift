import AWSClient
import DailySummaryCore

/// Where the report goes when the run is not a dry run: the S3 object and the SNS topic.
struct DeliverySettings: Sendable {
    var bucket: String
    var key: String
    var kmsKeyID: String?
    var topicARN: String?
    var aws: AWSConfiguration
    var environment: [String: String]

    /// `s3://bucket/key`, as logs and the notification name the object.
    var s3URI: String { "s3://\(bucket)/\(key)" }

    static func resolve(
        _ environment: [String: String], day: ReportDay, notify: Bool, _ problems: inout [String]
    ) -> DeliverySettings? {
        let bucket = environment["REPORTS_BUCKET"] ?? ""
        if bucket.isEmpty {
            problems.append("REPORTS_BUCKET is not set (needed unless --dry-run)")
        } else if !isBucketName(bucket) {
            problems.append("REPORTS_BUCKET \"\(bucket)\" is not a valid S3 bucket name")
        }
        let prefix = environment["REPORTS_PREFIX"] ?? "reports/"
        let topic = environment["SNS_TOPIC_ARN"] ?? ""
        if notify, topic.isEmpty {
            problems.append("SNS_TOPIC_ARN is not set (needed unless --dry-run or --no-notify)")
        } else if notify, !isTopicARN(topic) {
            problems.append("SNS_TOPIC_ARN \"\(topic)\" is not an SNS topic ARN")
        }
        let kmsKeyID = environment["REPORTS_KMS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let aws: AWSConfiguration
        do {
            aws = try AWSConfiguration(environment: environment)
        } catch {
            problems += error.problems
            return nil
        }
        return DeliverySettings(
            bucket: bucket, key: "\(prefix)daily-summary-\(day).json", kmsKeyID: kmsKeyID,
            topicARN: notify ? topic : nil, aws: aws, environment: environment)
    }

    /// S3's rules for new buckets: 3 to 63 of a-z, 0-9, `.` and `-`, starting and ending
    /// with a letter or digit.
    static func isBucketName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
            isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
    }

    /// `arn:PARTITION:sns:REGION:ACCOUNT:NAME` with a 12-digit account and a name of
    /// letters, digits, `-` and `_` (and `.fifo` at the end of FIFO topics).
    static func isTopicARN(_ arn: String) -> Bool {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"), parts[2] == "sns",
            !parts[3].isEmpty, parts[4].count == 12, parts[4].allSatisfy(\.isNumber)
        else { return false }
        let name = parts[5].hasSuffix(".fifo") ? parts[5].dropLast(5) : parts[5]
        return (1...256).contains(name.count)
            && name.allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
            }
    }
}
