import Foundation

/// AWS Signature Version 4 for any service and region.
///
/// The signer adds `X-Amz-Date`, `X-Amz-Security-Token` when the credentials carry one,
/// and `Authorization`; every header already on the request is signed, so callers decide
/// what is covered by setting it before signing.
public struct SigV4Signer: Sendable {
    public let service: String
    public let region: String

    public init(service: String, region: String) {
        self.service = service
        self.region = region
    }

    /// The parts of a signature, exposed for tests against published examples.
    public struct Signature: Sendable {
        public let canonicalRequest: String
        public let stringToSign: String
        public let signedHeaders: String
        public let signature: String
        public let authorization: String
    }

    /// Signs `request` in place.
    /// - Parameters:
    ///   - payloadHash: Hex SHA-256 of the body; S3 also sends it as
    ///     `x-amz-content-sha256`, which the caller sets.
    ///   - date: The signing time; retries after clock skew pass a corrected one.
    public func sign(
        _ request: inout HTTPRequest, credentials: AWSCredentials, payloadHash: String,
        date: Date
    ) {
        let amzDate = SigV4Signer.amzDate(date)
        request.headers.removeAll {
            ["authorization", "x-amz-date", "x-amz-security-token"].contains($0.0.lowercased())
        }
        request.headers.append(("X-Amz-Date", amzDate))
        if let token = credentials.sessionToken {
            request.headers.append(("X-Amz-Security-Token", token))
        }
        if request.header("host") == nil { request.headers.append(("Host", request.hostHeader)) }
        let parts = signature(
            for: request, credentials: credentials, payloadHash: payloadHash, amzDate: amzDate)
        request.headers.append(("Authorization", parts.authorization))
    }

    /// Computes the signature of a request that already carries `X-Amz-Date` (as `amzDate`)
    /// and every header to sign.
    public func signature(
        for request: HTTPRequest, credentials: AWSCredentials, payloadHash: String,
        amzDate: String
    ) -> Signature {
        let (signedHeaders, canonicalHeaders) = SigV4Signer.canonicalHeaders(request.headers)
        let canonicalRequest = [
            request.method, canonicalURI(request.encodedPath),
            SigV4Signer.canonicalQuery(request.query), canonicalHeaders, signedHeaders,
            payloadHash,
        ].joined(separator: "\n")

        let day = String(amzDate.prefix(8))
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope,
            Digest.hex(Digest.sha256(Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")

        var key = Array("AWS4\(credentials.secretAccessKey)".utf8)
        for part in [day, region, service, "aws4_request"] {
            key = Digest.hmacSHA256(key: key, message: Array(part.utf8))
        }
        let signature = Digest.hex(Digest.hmacSHA256(key: key, message: Array(stringToSign.utf8)))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signedHeaders: signedHeaders, signature: signature, authorization: authorization)
    }

    /// `YYYYMMDD'T'HHMMSS'Z'` in UTC.
    public static func amzDate(_ date: Date) -> String { UTCTime.amzDate(date) }

    /// S3 signs the path as sent; every other service signs it encoded a second time.
    private func canonicalURI(_ encodedPath: String) -> String {
        let path = encodedPath.isEmpty ? "/" : encodedPath
        return service == "s3" ? path : URIEncoding.encodePath(path)
    }

    private static func canonicalQuery(_ query: [(String, String)]) -> String {
        let encoded: [(key: String, value: String)] = query.map {
            (URIEncoding.encode($0.0), URIEncoding.encode($0.1))
        }
        let sorted = encoded.sorted { ($0.key, $0.value) < ($1.key, $1.value) }
        return sorted.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    /// Lower-cased names, sorted; values trimmed with inner runs of spaces folded; a name
    /// that repeats gets its values joined by commas in the order sent.
    private static func canonicalHeaders(_ headers: [(String, String)]) -> (String, String) {
        var values: [String: [String]] = [:]
        for (name, value) in headers {
            let folded = value.split(separator: " ", omittingEmptySubsequences: true)
                .joined(separator: " ")
            values[name.lowercased(), default: []].append(folded)
        }
        let names = values.keys.sorted()
        let canonical = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }
        return (names.joined(separator: ";"), canonical.joined())
    }
}
