import AWSClient
import Foundation
import TestSupport
import Testing

@Suite("SigV4 signer")
struct SigV4SignerTests {
    static let docCredentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "test")
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The worked "GET Object" example of the S3 SigV4 documentation.
    @Test func matchesTheS3DocumentationExample() {
        let request = HTTPRequest(
            method: "GET", scheme: "https", host: "examplebucket.s3.amazonaws.com",
            encodedPath: "/test.txt",
            headers: [
                ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"),
                ("x-amz-content-sha256", Self.emptyHash), ("x-amz-date", "20130524T000000Z"),
            ])
        let signature = SigV4Signer(service: "s3", region: "us-east-1").signature(
            for: request, credentials: Self.docCredentials, payloadHash: Self.emptyHash,
            amzDate: "20130524T000000Z")
        #expect(signature.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        #expect(
            signature.signature
                == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    struct OracleCase: Sendable, CustomTestStringConvertible {
        let service: String
        let path: String
        let query: [String: String]
        let body: String
        var token: String? = nil
        var testDescription: String { "\(service) \(path)" }
    }

    static let oracleCases: [OracleCase] = [
        OracleCase(
            service: "s3", path: "reports/daily-summary-2025-01-15.json", query: [:], body: "{}"),
        OracleCase(service: "s3", path: "日報 reports+x/a b@c:d=e&f.json", query: [:], body: "x"),
        OracleCase(
            service: "s3", path: "~tilde/(paren)/%percent/", query: ["versionId": "a b+c"], body: ""
        ),
        OracleCase(
            service: "sns", path: "", query: [:],
            body: "Action=Publish&Message=hello+world%21&Version=2010-03-31",
            token: "session/token+=="),
        OracleCase(
            service: "sqs", path: "123/queue name", query: ["b": "2", "a": "1 1", "A": "é"],
            body: ""),
    ]

    /// botocore, the AWS SDK for Python's signer, as an independent oracle.
    @Test(arguments: oracleCases)
    func agreesWithBotocore(_ testCase: OracleCase) throws {
        let credentials = AWSCredentials(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            sessionToken: testCase.token, source: "test")
        let encodedPath = "/" + URIEncoding.encodePath(testCase.path)
        var request = HTTPRequest(
            method: "POST", scheme: "https", host: "service.us-west-2.amazonaws.com",
            encodedPath: encodedPath,
            query: testCase.query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            headers: [("Content-Type", "application/x-www-form-urlencoded;  charset=utf-8")],
            body: Array(testCase.body.utf8))
        let payloadHash = Digest.hex(Digest.sha256(request.body))
        if testCase.service == "s3" {
            request.headers.append(("X-Amz-Content-SHA256", payloadHash))
        }
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        SigV4Signer(service: testCase.service, region: "us-west-2").sign(
            &request, credentials: credentials, payloadHash: payloadHash, date: date)

        let signedHeaders = request.headers.filter { $0.0 != "Authorization" }
        let spec: [String: Any] = [
            "method": request.method, "url": request.url, "body": testCase.body,
            "headers": Dictionary(signedHeaders, uniquingKeysWith: { $1 }),
            "amz_date": "20150830T123600Z", "access_key": credentials.accessKeyID,
            "secret_key": credentials.secretAccessKey, "token": testCase.token as Any,
            "service": testCase.service, "region": "us-west-2",
        ]
        let json = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
        let oracle = TestServices.repositoryRoot.appendingPathComponent(
            "scripts/test-helpers/sigv4_oracle.py"
        ).path
        let result = try TestServices.python(oracle, [], input: json)
        #expect(result.status == 0, "\(result.stderr)")
        let authorization = try #require(request.header("Authorization"))
        #expect(
            authorization.hasSuffix(
                "Signature=" + result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func credentialsNeverPrintTheirSecret() {
        let credentials = AWSCredentials(
            accessKeyID: "AKID", secretAccessKey: "very-secret", sessionToken: "token-secret",
            source: "environment")
        #expect(!"\(credentials)".contains("secret"))
    }
}
