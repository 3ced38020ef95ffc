import Foundation

/// Finds credentials in the order the AWS SDKs use, as far as it fits a container:
/// environment variables, the ECS container endpoint, then the shared credentials file.
///
/// Credentials are cached and fetched again five minutes before they expire, so a long
/// run keeps working on temporary task-role credentials.
public final class CredentialChain: @unchecked Sendable {
    static let refreshMargin: TimeInterval = 300

    private let environment: [String: String]
    private let client: HTTPClient
    private let lock = NSLock()
    private var cached: AWSCredentials?

    /// - Parameters:
    ///   - client: Used for the container endpoint; its short timeouts keep a slow
    ///     endpoint from hanging the run.
    public init(
        environment: [String: String],
        client: HTTPClient = HTTPClient(timeouts: .init(connect: 2, total: 5))
    ) {
        self.environment = environment
        self.client = client
    }

    /// Current credentials, fetched when none are cached or the cached ones expire soon.
    public func credentials() throws(CredentialsError) -> AWSCredentials {
        lock.lock()
        defer { lock.unlock() }
        if let cached, !cached.expires(within: CredentialChain.refreshMargin, of: Date()) {
            return cached
        }
        let fresh = try resolve()
        cached = fresh
        return fresh
    }

    private func resolve() throws(CredentialsError) -> AWSCredentials {
        let keyID = environment["AWS_ACCESS_KEY_ID"] ?? ""
        let secret = environment["AWS_SECRET_ACCESS_KEY"] ?? ""
        if !keyID.isEmpty || !secret.isEmpty {
            guard !keyID.isEmpty, !secret.isEmpty else {
                throw CredentialsError(
                    source: "environment",
                    message: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together")
            }
            let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
            return AWSCredentials(
                accessKeyID: keyID, secretAccessKey: secret, sessionToken: token,
                source: "environment")
        }
        if let endpoint = try ContainerCredentialsEndpoint.from(environment) {
            return try endpoint.fetch(using: client)
        }
        if let shared = try SharedCredentialsFile.load(environment) { return shared }
        throw CredentialsError(
            source: "any source",
            message: "none found in the environment, a container endpoint or a shared file")
    }
}
