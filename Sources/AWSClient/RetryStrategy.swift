import Foundation

/// The AWS SDKs' "standard" retry mode: a bounded number of attempts, exponential backoff
/// with full jitter capped at 20 s, and retries only for failures that can pass.
public struct RetryStrategy: Sendable {
    /// Error codes that mean "slow down": the request was fine, the service was busy.
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]
    /// Error codes for failures on the service's side that a new attempt may not meet.
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "ServiceUnavailable",
    ]
    /// Error codes that a wrong local clock causes; retried once the skew is corrected.
    static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException",
        "SignatureDoesNotMatch", "AuthFailure", "RequestInTheFuture",
    ]
    static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    public let maxAttempts: Int
    public let maxBackoff: TimeInterval
    public let baseDelay: TimeInterval

    public init(maxAttempts: Int = 3, maxBackoff: TimeInterval = 20, baseDelay: TimeInterval = 1) {
        self.maxAttempts = maxAttempts
        self.maxBackoff = maxBackoff
        self.baseDelay = baseDelay
    }

    /// Why a failed response should be tried again, or nil when it should not.
    func retryReason(status: Int, code: String?, clockSkewCorrected: Bool) -> String? {
        if let code, RetryStrategy.throttlingCodes.contains(code) { return "throttled: \(code)" }
        if let code, RetryStrategy.transientCodes.contains(code) { return "transient: \(code)" }
        if RetryStrategy.transientStatuses.contains(status) { return "HTTP \(status)" }
        if clockSkewCorrected, let code, RetryStrategy.clockSkewCodes.contains(code) {
            return "clock skew corrected: \(code)"
        }
        return nil
    }

    /// The pause before attempt `attempt + 1`: uniformly random up to 2^(attempt-1) base
    /// delays, capped at `maxBackoff`.
    func delay(afterAttempt attempt: Int) -> TimeInterval {
        let ceiling = min(maxBackoff, baseDelay * pow(2, Double(attempt - 1)))
        return Double.random(in: 0...ceiling)
    }
}
