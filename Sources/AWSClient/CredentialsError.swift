/// No usable credentials were found, or a source answered with something unusable.
public struct CredentialsError: Error, Sendable, CustomStringConvertible {
    public let source: String
    public let message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "credentials from \(source): \(message)" }
}
