import Foundation

/// The SQS queue subscribed to the moto SNS topic, read with boto3.
public enum MotoQueue {
    private static let lock = NSLock()

    /// Runs `body` while no other test publishes to or drains the queue; tests run in
    /// parallel and would otherwise read each other's messages.
    public static func withExclusiveAccess<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Receives and deletes every message waiting in the queue; returns their raw bodies,
    /// which are the SNS notification envelopes.
    public static func drain() throws -> [String] {
        let program = """
            import json, os, boto3
            sqs = boto3.client("sqs", endpoint_url=os.environ["DS_TEST_MOTO_ENDPOINT"],
                region_name="us-east-1", aws_access_key_id=os.environ["MOTO_ACCESS_KEY_ID"],
                aws_secret_access_key=os.environ["MOTO_SECRET_ACCESS_KEY"])
            url = os.environ["MOTO_QUEUE_URL"]
            bodies = []
            while True:
                batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10,
                    WaitTimeSeconds=0).get("Messages", [])
                if not batch:
                    break
                for message in batch:
                    bodies.append(message["Body"])
                    sqs.delete_message(QueueUrl=url, ReceiptHandle=message["ReceiptHandle"])
            print(json.dumps(bodies))
            """
        let result = try ProcessResult.run("/usr/bin/env", ["python3", "-c", program])
        guard result.status == 0 else { throw PSQLFailure(output: result.stderr) }
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }
}
