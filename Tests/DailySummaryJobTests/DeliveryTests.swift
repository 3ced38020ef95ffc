import Foundation
import Testing
import TestSupport

/// The binary, without `--dry-run`, against PostgreSQL, moto (S3 with SSE-KMS, SNS, SQS)
/// and rclone: what lands in the bucket and the queue, and what does not when a step fails.
@Suite("Delivery", .serialized)
struct DeliveryTests {
    static func motoEnvironment() throws -> [String: String] {
        [
            "AWS_REGION": "us-east-1",
            "AWS_ACCESS_KEY_ID": try TestServices.require("MOTO_ACCESS_KEY_ID"),
            "AWS_SECRET_ACCESS_KEY": try TestServices.require("MOTO_SECRET_ACCESS_KEY"),
            "AWS_ENDPOINT_URL": try TestServices.require("DS_TEST_MOTO_ENDPOINT"),
            "REPORTS_BUCKET": "reports",
            "REPORTS_PREFIX": "delivery/",
            "SNS_TOPIC_ARN": try TestServices.require("MOTO_TOPIC_ARN"),
            "REPORTS_KMS_KEY_ID": try TestServices.require("MOTO_KMS_KEY_ID"),
            "AWS_MAX_ATTEMPTS": "2",
        ]
    }

    static func database() throws -> TestDatabase {
        let database = try TestDatabase("delivery")
        try database.generate(["--seed", "3", "--start", "2025-01-14", "--days", "3", "--per-day", "2000"])
        return database
    }

    /// The object as moto stores it, read back with boto3.
    static func motoObject(_ key: String) throws -> String? {
        let program = """
            import os, sys, boto3
            s3 = boto3.client("s3", endpoint_url=os.environ["DS_TEST_MOTO_ENDPOINT"],
                region_name="us-east-1", aws_access_key_id=os.environ["MOTO_ACCESS_KEY_ID"],
                aws_secret_access_key=os.environ["MOTO_SECRET_ACCESS_KEY"])
            try:
                sys.stdout.write(s3.get_object(Bucket="reports", Key=sys.argv[1])["Body"].read().decode())
            except s3.exceptions.NoSuchKey:
                sys.exit(3)
            """
        let result = try ProcessResult.run("/usr/bin/env", ["python3", "-c", program, key])
        return result.status == 0 ? result.stdout : nil
    }

    static func deleteMotoObject(_ key: String) throws {
        let program = """
            import os, sys, boto3
            boto3.client("s3", endpoint_url=os.environ["DS_TEST_MOTO_ENDPOINT"],
                region_name="us-east-1", aws_access_key_id=os.environ["MOTO_ACCESS_KEY_ID"],
                aws_secret_access_key=os.environ["MOTO_SECRET_ACCESS_KEY"]
            ).delete_object(Bucket="reports", Key=sys.argv[1])
            """
        _ = try ProcessResult.run("/usr/bin/env", ["python3", "-c", program, key])
    }

    @Test func fullRunLeavesTheReportInTheBucketAndTheMessageInTheQueue() throws {
        let database = try Self.database()
        let (result, messages) = try MotoQueue.withExclusiveAccess {
            _ = try MotoQueue.drain()
            let result = try TestServices.runJob(
                ["--date", "2025-01-15", "--log-format", "json"], database: database.name,
                environment: try Self.motoEnvironment())
            return (result, try MotoQueue.drain())
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")

        let dryRun = try TestServices.runJob(["--dry-run", "--date", "2025-01-15"], database: database.name)
        #expect(try Self.motoObject("delivery/daily-summary-2025-01-15.json") == dryRun.stdout)

        #expect(messages.count == 1)
        let envelope = try #require(
            try JSONSerialization.jsonObject(with: Data((messages.first ?? "").utf8)) as? [String: Any])
        let body = try #require(envelope["Message"] as? String)
        let notification = try #require(
            try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(notification["orders"] as? Int == 2000)
        #expect(notification["s3_uri"] as? String == "s3://reports/delivery/daily-summary-2025-01-15.json")
        let attributes = try #require(envelope["MessageAttributes"] as? [String: [String: String]])
        #expect(attributes["order_count"]?["Value"] == "2000")

        let summary = try #require(result.stdoutLines.last)
        for field in ["\"msg\":\"run finished\"", "\"rows\":2000", "\"s3_uri\"", "\"sns_message_id\""] {
            #expect(summary.contains(field), "\(summary)")
        }
        let secret = try TestServices.require("MOTO_SECRET_ACCESS_KEY")
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
    }

    @Test func failedUploadPublishesNothing() throws {
        let database = try Self.database()
        var environment = try Self.motoEnvironment()
        environment["REPORTS_BUCKET"] = "no-such-bucket"
        let (result, messages) = try MotoQueue.withExclusiveAccess {
            _ = try MotoQueue.drain()
            let result = try TestServices.runJob(
                ["--date", "2025-01-15", "--log-format", "json"], database: database.name,
                environment: environment)
            return (result, try MotoQueue.drain())
        }
        #expect(result.status == 73)
        #expect(result.stdoutLines.last?.contains("NoSuchBucket") == true, "\(result.stdout)")
        #expect(messages.isEmpty)
    }

    @Test func failedNotificationNamesTheObjectAndARerunOverwritesIt() throws {
        let database = try Self.database()
        let key = "delivery/daily-summary-2025-01-14.json"
        try Self.deleteMotoObject(key)
        var environment = try Self.motoEnvironment()
        environment["SNS_TOPIC_ARN"] = "arn:aws:sns:us-east-1:123456789012:no-such-topic"
        let failed = try TestServices.runJob(
            ["--date", "2025-01-14", "--log-format", "json"], database: database.name,
            environment: environment)
        #expect(failed.status == 75)
        let last = try #require(failed.stdoutLines.last)
        #expect(last.contains("\"level\":\"FATAL\"") && last.contains("s3://reports/\(key)"))
        #expect(try Self.motoObject(key) != nil)

        try database.execute("DELETE FROM orders WHERE id % 2 = 0")
        let rerun = try TestServices.runJob(
            ["--date", "2025-01-14", "--no-notify"], database: database.name,
            environment: try Self.motoEnvironment())
        #expect(rerun.status == 0)
        let stored = try #require(try Self.motoObject(key))
        #expect(stored.contains("\"rows_read\": 1000"))
    }

    @Test func unicodePrefixLandsUnderTheRightNameInRclone() throws {
        let database = try Self.database()
        let result = try TestServices.runJob(
            ["--date", "2025-01-15", "--no-notify"], database: database.name,
            environment: [
                "AWS_REGION": "us-east-1",
                "AWS_ACCESS_KEY_ID": try TestServices.require("DS_TEST_RCLONE_ACCESS_KEY"),
                "AWS_SECRET_ACCESS_KEY": try TestServices.require("DS_TEST_RCLONE_SECRET_KEY"),
                "AWS_ENDPOINT_URL_S3": try TestServices.require("DS_TEST_RCLONE_ENDPOINT"),
                "REPORTS_BUCKET": "reports", "REPORTS_PREFIX": "日報 reports+x/",
            ])
        #expect(result.status == 0, "\(result.stdout)")
        let root = try TestServices.require("DS_TEST_S3_ROOT")
        let path = "\(root)/reports/日報 reports+x/daily-summary-2025-01-15.json"
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
