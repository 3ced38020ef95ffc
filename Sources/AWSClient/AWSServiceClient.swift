import Foundation

/// A retry, as reported to the caller's logger.
public struct RetryEvent: Sendable {
    public let service: String
    public let operation: String
    /// The attempt that failed, from 1.
    public let attempt: Int
    public let reason: String
    public let delay: TimeInterval
}

/// Signs, sends and retries requests to one AWS service.
public struct AWSServiceClient: Sendable {
    public let service: String
    public let signer: SigV4Signer
    public let endpoint: AWSEndpoint
    let credentials: CredentialChain
    let http: HTTPClient
    let retry: RetryStrategy
    let onRetry: @Sendable (RetryEvent) -> Void

    public init(
        service: String, configuration: AWSConfiguration, endpoint: AWSEndpoint,
        credentials: CredentialChain, http: HTTPClient = HTTPClient(),
        onRetry: @escaping @Sendable (RetryEvent) -> Void
    ) {
        self.service = service
        self.signer = SigV4Signer(service: service, region: configuration.region)
        self.endpoint = endpoint
        self.credentials = credentials
        self.http = http
        self.retry = configuration.retry
        self.onRetry = onRetry
    }

    /// Sends `request` until it succeeds (2xx) or cannot, signing every attempt afresh.
    /// - Throws: `AWSServiceError`, including credential failures as code `Credentials`.
    public func send(
        _ request: HTTPRequest, operation: String
    ) throws(AWSServiceError)
        -> HTTPResponse
    {
        // S3 requests carry their payload hash as a header already; hash only the others.
        let payloadHash =
            request.header("x-amz-content-sha256") ?? Digest.hex(Digest.sha256(request.body))
        var clockOffset: TimeInterval = 0
        var attempt = 1
        while true {
            let outcome = try attemptOnce(
                request, operation: operation, payloadHash: payloadHash, attempt: attempt,
                clockOffset: &clockOffset)
            switch outcome {
            case .success(let response):
                return response
            case .retryable(let reason, let error):
                guard attempt < retry.maxAttempts else { throw error }
                let delay = retry.delay(afterAttempt: attempt)
                onRetry(
                    RetryEvent(
                        service: service, operation: operation, attempt: attempt,
                        reason: reason, delay: delay))
                Thread.sleep(forTimeInterval: delay)
                attempt += 1
            }
        }
    }

    private enum Outcome {
        case success(HTTPResponse)
        case retryable(reason: String, AWSServiceError)
    }

    private func attemptOnce(
        _ request: HTTPRequest, operation: String, payloadHash: String, attempt: Int,
        clockOffset: inout TimeInterval
    ) throws(AWSServiceError) -> Outcome {
        var signed = request
        let credentials: AWSCredentials
        do {
            credentials = try self.credentials.credentials()
        } catch {
            throw failure(operation, nil, "Credentials", error.description, nil, attempt)
        }
        signer.sign(
            &signed, credentials: credentials, payloadHash: payloadHash,
            date: Date().addingTimeInterval(clockOffset))

        let response: HTTPResponse
        do {
            response = try http.send(signed)
        } catch {
            let failed = failure(operation, nil, "Transport", error.description, nil, attempt)
            guard error.isRetryable else { throw failed }
            return .retryable(reason: error.isTimeout ? "timeout" : "connection failed", failed)
        }
        if (200..<300).contains(response.status) { return .success(response) }

        let document = ErrorDocument(parsing: response.body)
        let requestID =
            document.requestID ?? response.header("x-amz-request-id")
            ?? response.header("x-amzn-requestid")
        let failed = failure(
            operation, response.status, document.code ?? "HTTP\(response.status)",
            document.message ?? "no message", requestID, attempt)
        let skew = AWSServiceClient.clockSkew(response)
        let skewCorrected = skew.map { abs($0 - clockOffset) > 240 } ?? false
        if skewCorrected, let skew { clockOffset = skew }
        guard
            let reason = retry.retryReason(
                status: response.status, code: document.code, clockSkewCorrected: skewCorrected)
        else { throw failed }
        return .retryable(reason: reason, failed)
    }

    private func failure(
        _ operation: String, _ status: Int?, _ code: String, _ message: String,
        _ requestID: String?, _ attempts: Int
    ) -> AWSServiceError {
        AWSServiceError(
            service: service, operation: operation, status: status, code: code, message: message,
            requestID: requestID, attempts: attempts)
    }

    /// Server time minus local time, from the response's `Date` header.
    private static func clockSkew(_ response: HTTPResponse) -> TimeInterval? {
        guard let text = response.header("date") else { return nil }
        return UTCTime.parseHTTPDate(text).map { $0.timeIntervalSinceNow }
    }
}
