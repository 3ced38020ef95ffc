import AWSClient
import Foundation
import TestSupport
import Testing

/// Real servers that check signatures: rclone's S3 server and moto, both on loopback.
@Suite("S3 and SNS against real servers", .serialized)
struct S3AndSNSIntegrationTests {
    final class RetryLog: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [RetryEvent] = []
        var count: Int { lock.withLock { events.count } }
        func record(_ event: RetryEvent) { lock.withLock { events.append(event) } }
    }

    static func rcloneEnvironment(
        secret: String? = nil, endpoint: String? = nil
    ) throws
        -> [String: String]
    {
        var environment = try TestServices.rcloneEnvironment()
        if let secret { environment["AWS_SECRET_ACCESS_KEY"] = secret }
        if let endpoint { environment["AWS_ENDPOINT_URL_S3"] = endpoint }
        return environment
    }

    static func s3(_ environment: [String: String], log: RetryLog = RetryLog()) throws -> S3Client {
        let configuration = try AWSConfiguration(environment: environment)
        return S3Client(
            client: AWSServiceClient(
                service: "s3", configuration: configuration, endpoint: configuration.s3Endpoint,
                credentials: CredentialChain(environment: environment), onRetry: { log.record($0) })
        )
    }

    static func storedObject(_ key: String) throws -> [UInt8] {
        let root = try TestServices.require("DS_TEST_S3_ROOT")
        return Array(try Data(contentsOf: URL(fileURLWithPath: "\(root)/reports/\(key)")))
    }

    @Test(arguments: [
        "plain/report.json", "日報 reports+x/daily-summary-2025-01-15.json", "a@b:c=d&e,f;g$h.json",
    ])
    func putObjectStoresTheExactBytesUnderTheExactKey(_ key: String) throws {
        let body = Array("{\"key\": \"\(key)\"}\n".utf8)
        let result = try Self.s3(try Self.rcloneEnvironment()).putObject(
            bucket: "reports", key: key, body: body, contentType: "application/json", kmsKeyID: nil)
        #expect(result.eTag == "\"\(Digest.hex(Digest.md5(body)))\"")
        #expect(try Self.storedObject(key) == body)
    }

    @Test func wrongSecretIsRefusedAndNotRetried() throws {
        let log = RetryLog()
        let client = try Self.s3(try Self.rcloneEnvironment(secret: "not-the-secret"), log: log)
        let error = try #require(throws: AWSServiceError.self) {
            _ = try client.putObject(
                bucket: "reports", key: "never.json", body: [1], contentType: "application/json",
                kmsKeyID: nil)
        }
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.status == 403)
        #expect(error.attempts == 1)
        #expect(log.count == 0)
        #expect(!error.description.contains("not-the-secret"))
    }

    @Test func serviceUnavailableIsRetriedThenSucceeds() throws {
        let upstream = try TestServices.require("DS_TEST_RCLONE_ENDPOINT")
        let proxy = try BackgroundProcess(
            helper: "fault_proxy.py", arguments: [upstream, "2", "503", "SlowDown"])
        let log = RetryLog()
        var environment = try Self.rcloneEnvironment(endpoint: proxy.url)
        environment["AWS_MAX_ATTEMPTS"] = "3"
        let body = Array("retried".utf8)
        _ = try Self.s3(environment, log: log).putObject(
            bucket: "reports", key: "retried.json", body: body, contentType: "application/json",
            kmsKeyID: nil)
        #expect(log.count == 2)
        #expect(try Self.storedObject("retried.json") == body)
        withExtendedLifetime(proxy) {}
    }

    @Test func persistentFailureGivesUpAfterMaxAttempts() throws {
        let upstream = try TestServices.require("DS_TEST_RCLONE_ENDPOINT")
        let proxy = try BackgroundProcess(
            helper: "fault_proxy.py", arguments: [upstream, "100", "500", "InternalError"])
        var environment = try Self.rcloneEnvironment(endpoint: proxy.url)
        environment["AWS_MAX_ATTEMPTS"] = "2"
        let error = try #require(throws: AWSServiceError.self) {
            _ = try Self.s3(environment).putObject(
                bucket: "reports", key: "never.json", body: [1], contentType: "application/json",
                kmsKeyID: nil)
        }
        #expect(error.attempts == 2)
        #expect(error.code == "InternalError")
        withExtendedLifetime(proxy) {}
    }

    @Test func containerCredentialsWithSessionTokenAreUsed() throws {
        let keys = try Self.rcloneEnvironment()
        let server = try BackgroundProcess(
            helper: "credentials_server.py", arguments: ["good", "token-123"],
            environment: keys.merging(["AWS_SESSION_TOKEN": "session-token"]) { $1 })
        let environment = [
            "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL_S3": keys["AWS_ENDPOINT_URL_S3"] ?? "",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/creds",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "token-123",
        ]
        let chain = CredentialChain(environment: environment)
        #expect(try chain.credentials().sessionToken == "session-token")
        _ = try Self.s3(environment).putObject(
            bucket: "reports", key: "container.json", body: [1, 2], contentType: "application/json",
            kmsKeyID: nil)
        #expect(try Self.storedObject("container.json") == [1, 2])
        withExtendedLifetime(server) {}
    }

    @Test(arguments: ["slow", "garbage"])
    func brokenCredentialsEndpointFailsClearlyWithoutHanging(_ mode: String) throws {
        let server = try BackgroundProcess(helper: "credentials_server.py", arguments: [mode, "t"])
        let chain = CredentialChain(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": server.url + "/",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN": "t",
        ])
        let started = Date()
        let error = try #require(throws: CredentialsError.self) { _ = try chain.credentials() }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error.description.contains("container endpoint"))
        withExtendedLifetime(server) {}
    }

    @Test func fullURIToAForeignPlainHTTPHostIsRefused() {
        let chain = CredentialChain(environment: [
            "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://203.0.113.9/creds"
        ])
        #expect(throws: CredentialsError.self) { _ = try chain.credentials() }
    }

    @Test func snsPublishReachesTheSubscribedQueue() throws {
        let environment = try TestServices.motoEnvironment()
        let configuration = try AWSConfiguration(environment: environment)
        let sns = SNSClient(
            client: AWSServiceClient(
                service: "sns", configuration: configuration, endpoint: configuration.snsEndpoint,
                credentials: CredentialChain(environment: environment), onRetry: { _ in }))
        let marker = UUID().uuidString
        let topicARN = try TestServices.require("MOTO_TOPIC_ARN")
        let (messageID, received) = try MotoQueue.withExclusiveAccess {
            let messageID = try sns.publish(
                topicARN: topicARN,
                messages: ["default": "{\"marker\":\"\(marker)\"}", "email": "a person's text"],
                subject: String(repeating: "s", count: 150),
                attributes: [.init(name: "report_date", type: .string, value: "2025-01-15")])
            return (messageID, try MotoQueue.drain())
        }
        let message = try #require(received.first { $0.contains(marker) })
        #expect(message.contains(messageID))
        #expect(message.contains("2025-01-15"))
    }

    @Test func sseKMSIsAppliedWhenAKeyIsGiven() throws {
        let environment = try TestServices.motoEnvironment()
        let keyID = try TestServices.require("MOTO_KMS_KEY_ID")
        let result = try Self.s3(environment).putObject(
            bucket: "reports", key: "encrypted.json", body: [1], contentType: "application/json",
            kmsKeyID: keyID)
        #expect(result.serverSideEncryption == "aws:kms")
        #expect(result.kmsKeyID?.hasSuffix(keyID) == true)
    }
}

@Suite("SNS signatures checked by moto")
struct SNSSignatureTests {
    @Test func wrongSecretIsRefusedBySNS() throws {
        var environment = try TestServices.motoEnvironment()
        environment["AWS_SECRET_ACCESS_KEY"] = "wrong"
        let configuration = try AWSConfiguration(environment: environment)
        let sns = SNSClient(
            client: AWSServiceClient(
                service: "sns", configuration: configuration, endpoint: configuration.snsEndpoint,
                credentials: CredentialChain(environment: environment), onRetry: { _ in }))
        let error = try #require(throws: AWSServiceError.self) {
            _ = try sns.publish(
                topicARN: try TestServices.require("MOTO_TOPIC_ARN"), messages: ["default": "x"],
                subject: "s", attributes: [])
        }
        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.attempts == 1)
    }
}
