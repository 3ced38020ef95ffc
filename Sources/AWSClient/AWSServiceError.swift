/// A request an AWS service answered with an error, or that never got an answer.
public struct AWSServiceError: Error, Sendable, CustomStringConvertible {
    public let service: String
    public let operation: String
    /// The HTTP status, or nil when no response arrived.
    public let status: Int?
    /// The service's error code, such as `SignatureDoesNotMatch`, or a transport failure.
    public let code: String
    public let message: String
    public let requestID: String?
    /// How many attempts were made before giving up.
    public let attempts: Int

    public init(
        service: String, operation: String, status: Int?, code: String, message: String,
        requestID: String?, attempts: Int
    ) {
        self.service = service
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.attempts = attempts
    }

    public var description: String {
        let statusText = status.map { "HTTP \($0) " } ?? ""
        let request = requestID.map { ", request id \($0)" } ?? ""
        return "\(service) \(operation) failed after \(attempts) attempt(s): \(statusText)"
            + "\(code): \(message)\(request)"
    }
}
