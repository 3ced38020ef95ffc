import Foundation

/// S3 operations this job needs: `PutObject`.
public struct S3Client: Sendable {
    /// What S3 said about a stored object.
    public struct PutObjectResult: Sendable {
        public let eTag: String?
        public let versionID: String?
        public let serverSideEncryption: String?
        public let kmsKeyID: String?
    }

    let client: AWSServiceClient

    public init(client: AWSServiceClient) {
        self.client = client
    }

    /// Stores `body` at `bucket`/`key`, replacing any object there.
    ///
    /// `Content-MD5` lets S3 refuse a body damaged on the way (`BadDigest`), and
    /// `x-amz-content-sha256` carries the payload hash the signature covers.
    /// - Parameters:
    ///   - key: The object key, unencoded; each path segment is encoded once.
    ///   - kmsKeyID: When set, the object is encrypted with SSE-KMS under this key.
    public func putObject(
        bucket: String, key: String, body: [UInt8], contentType: String, kmsKeyID: String?
    ) throws(AWSServiceError) -> PutObjectResult {
        var request = objectRequest(method: "PUT", bucket: bucket, key: key)
        request.body = body
        request.headers += [
            ("Content-Type", contentType),
            ("Content-Length", String(body.count)),
            ("Content-MD5", Data(Digest.md5(body)).base64EncodedString()),
            ("x-amz-content-sha256", Digest.hex(Digest.sha256(body))),
        ]
        if let kmsKeyID {
            request.headers += [
                ("x-amz-server-side-encryption", "aws:kms"),
                ("x-amz-server-side-encryption-aws-kms-key-id", kmsKeyID),
            ]
        }
        let response = try client.send(request, operation: "PutObject")
        return PutObjectResult(
            eTag: response.header("etag"), versionID: response.header("x-amz-version-id"),
            serverSideEncryption: response.header("x-amz-server-side-encryption"),
            kmsKeyID: response.header("x-amz-server-side-encryption-aws-kms-key-id"))
    }

    /// Path-style (`host/bucket/key`) with an endpoint override, as local servers expect;
    /// virtual-hosted (`bucket.host/key`) on AWS itself.
    func objectRequest(method: String, bucket: String, key: String) -> HTTPRequest {
        let endpoint = client.endpoint
        let encodedKey = URIEncoding.encodePath(key)
        let pathStyle = endpoint.isOverride || bucket.contains(".")
        return HTTPRequest(
            method: method, scheme: endpoint.scheme,
            host: pathStyle ? endpoint.host : "\(bucket).\(endpoint.host)", port: endpoint.port,
            encodedPath: pathStyle ? "/\(bucket)/\(encodedKey)" : "/\(encodedKey)")
    }
}
