import Foundation

/// An access key pair, with a session token and expiry for temporary credentials.
///
/// `description` shows the key id only: the secret and token must never reach a log.
public struct AWSCredentials: Sendable, CustomStringConvertible {
    public let accessKeyID: String
    public let secretAccessKey: String
    public let sessionToken: String?
    public let expiration: Date?
    /// Where these came from, such as `environment` or `container endpoint`.
    public let source: String

    public init(
        accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
        expiration: Date? = nil, source: String
    ) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// True when the credentials expire within `margin` of `now`.
    public func expires(within margin: TimeInterval, of now: Date) -> Bool {
        guard let expiration else { return false }
        return expiration.timeIntervalSince(now) < margin
    }

    public var description: String { "credentials \(accessKeyID) from \(source)" }
}
