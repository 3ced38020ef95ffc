import Foundation
import TestSupport
import Testing

/// The binary, without `--dry-run`, against PostgreSQL, moto (S3 with SSE-KMS, SNS, SQS)
/// and rclone: what lands in the bucket and the queue, and what does not when a step fails.
@Suite("Delivery", .serialized)
struct DeliveryTests {
    static func motoEnvironment() throws -> [String: String] {
        try TestServices.motoEnvironment().merging([
            "REPORTS_BUCKET": "reports",
            "REPORTS_PREFIX": "delivery/",
            "SNS_TOPIC_ARN": try TestServices.require("MOTO_TOPIC_ARN"),
            "REPORTS_KMS_KEY_ID": try TestServices.require("MOTO_KMS_KEY_ID"),
            "AWS_MAX_ATTEMPTS": "2",
        ]) { $1 }
    }

    static func database() throws -> TestDatabase {
        let database = try TestDatabase("delivery")
        try database.generate([
            "--seed", "3", "--start", "2025-01-14", "--days", "3", "--per-day", "2000",
        ])
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
                body = s3.get_object(Bucket="reports", Key=sys.argv[1])["Body"]
                sys.stdout.write(body.read().decode())
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

        let dryRun = try TestServices.runJob(
            ["--dry-run", "--date", "2025-01-15"], database: database.name)
        #expect(try Self.motoObject("delivery/daily-summary-2025-01-15.json") == dryRun.stdout)

        #expect(messages.count == 1)
        let envelope = try #require(
            try JSONSerialization.jsonObject(with: Data((messages.first ?? "").utf8))
                as? [String: Any])
        let body = try #require(envelope["Message"] as? String)
        let notification = try #require(
            try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(notification["orders"] as? Int == 2000)
        #expect(
            notification["s3_uri"] as? String
                == "s3://reports/delivery/daily-summary-2025-01-15.json")
        let attributes = try #require(envelope["MessageAttributes"] as? [String: [String: String]])
        #expect(attributes["order_count"]?["Value"] == "2000")

        let summary = try #require(result.stdoutLines.last)
        for field in [
            "\"msg\":\"run finished\"", "\"rows\":2000", "\"s3_uri\"", "\"sns_message_id\"",
        ] {
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
            environment: try TestServices.rcloneEnvironment().merging([
                "REPORTS_BUCKET": "reports", "REPORTS_PREFIX": "日報 reports+x/",
            ]) { $1 })
        #expect(result.status == 0, "\(result.stdout)")
        let root = try TestServices.require("DS_TEST_S3_ROOT")
        let path = "\(root)/reports/日報 reports+x/daily-summary-2025-01-15.json"
        #expect(FileManager.default.fileExists(atPath: path))
    }
}

/// A fault-injecting proxy in front of moto's S3: throttling that passes, and failure that
/// does not.
@Suite("Delivery through S3 faults", .serialized)
struct DeliveryFaultTests {
    func run(failures: Int, key: String) throws -> (ProcessResult, [String]) {
        let database = try TestDatabase("delivery_faults")
        try database.generate(["--start", "2025-01-15", "--days", "1", "--per-day", "500"])
        let moto = try TestServices.require("DS_TEST_MOTO_ENDPOINT")
        let proxy = try BackgroundProcess(
            helper: "fault_proxy.py", arguments: [moto, String(failures)])
        var environment = try DeliveryTests.motoEnvironment()
        environment["AWS_ENDPOINT_URL_S3"] = proxy.url
        environment["AWS_MAX_ATTEMPTS"] = "3"
        environment["REPORTS_PREFIX"] = key
        let outcome = try MotoQueue.withExclusiveAccess {
            _ = try MotoQueue.drain()
            let result = try TestServices.runJob(
                ["--date", "2025-01-15", "--log-format", "json"], database: database.name,
                environment: environment)
            return (result, try MotoQueue.drain())
        }
        withExtendedLifetime(proxy) {}
        return outcome
    }

    @Test func slowDownTwiceIsRetriedAndDeliveredOnce() throws {
        let (result, messages) = try run(failures: 2, key: "throttled/")
        #expect(result.status == 0, "\(result.stdout)")
        let retries = result.stdoutLines.filter { $0.contains("retrying AWS request") }
        #expect(retries.count == 2)
        #expect(retries.allSatisfy { $0.contains("SlowDown") })
        #expect(try DeliveryTests.motoObject("throttled/daily-summary-2025-01-15.json") != nil)
        #expect(messages.count == 1)
    }

    @Test func persistentSlowDownFailsTheUploadAndPublishesNothing() throws {
        let (result, messages) = try run(failures: 100, key: "refused/")
        #expect(result.status == 73)
        #expect(result.stdoutLines.last?.contains("after 3 attempt(s)") == true)
        #expect(try DeliveryTests.motoObject("refused/daily-summary-2025-01-15.json") == nil)
        #expect(messages.isEmpty)
    }
}

@Suite("Delivery with broken credentials")
struct BrokenCredentialsTests {
    @Test func garbageFromTheCredentialsEndpointFailsTheUploadClearly() throws {
        let database = try TestDatabase("delivery_credentials")
        let server = try BackgroundProcess(
            helper: "credentials_server.py", arguments: ["garbage", "t"])
        var environment = try DeliveryTests.motoEnvironment()
        environment["AWS_ACCESS_KEY_ID"] = ""
        environment["AWS_SECRET_ACCESS_KEY"] = ""
        environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = server.url + "/"
        environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "t"
        let result = try TestServices.runJob(
            ["--date", "2025-01-15", "--log-format", "json"], database: database.name,
            environment: environment)
        #expect(result.status == 73)
        let last = try #require(result.stdoutLines.last)
        #expect(
            last.contains("container endpoint") && last.contains("not a JSON credentials document"))
        withExtendedLifetime(server) {}
    }
}
