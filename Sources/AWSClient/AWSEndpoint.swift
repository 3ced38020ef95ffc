import Foundation

/// Where one service is reached: scheme, host, port, and whether S3 uses path-style
/// addressing (always with an endpoint override, as local S3 servers expect).
public struct AWSEndpoint: Sendable, Equatable {
    public let scheme: String
    public let host: String
    public let port: Int?
    public let isOverride: Bool

    /// Parses an override such as `http://127.0.0.1:9000`, or returns nil unless it is an
    /// http or https URL with a host and nothing after the authority but an optional `/`.
    public init?(overrideURL text: String) {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
            url.path.isEmpty || url.path == "/", url.query == nil, url.fragment == nil,
            url.user == nil
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = url.port
        self.isOverride = true
    }

    /// The public AWS endpoint of `service` in `region`.
    public init(service: String, region: String) {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        scheme = "https"
        host = "\(service).\(region).\(suffix)"
        port = nil
        isOverride = false
    }
}

/// Region, endpoints and retry settings from the standard AWS environment variables.
public struct AWSConfiguration: Sendable {
    public let region: String
    public let s3Endpoint: AWSEndpoint
    public let snsEndpoint: AWSEndpoint
    public let retry: RetryStrategy

    /// Reads `AWS_REGION` (or `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL`,
    /// `AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_SNS` and `AWS_MAX_ATTEMPTS`.
    /// - Throws: `AWSConfigurationError` listing every problem found.
    public init(environment: [String: String]) throws(AWSConfigurationError) {
        var problems: [String] = []
        let region =
            environment["AWS_REGION"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["AWS_DEFAULT_REGION"] ?? ""
        if region.isEmpty {
            problems.append("AWS_REGION is not set")
        } else if !AWSConfiguration.isRegion(region) {
            problems.append("AWS_REGION \"\(region)\" is not a region name like us-east-1")
        }

        func endpoint(_ service: String, _ variable: String) -> AWSEndpoint {
            let override =
                environment[variable].flatMap { $0.isEmpty ? nil : ($0, variable) }
                ?? environment["AWS_ENDPOINT_URL"].flatMap {
                    $0.isEmpty ? nil : ($0, "AWS_ENDPOINT_URL")
                }
            guard let (text, name) = override else {
                return AWSEndpoint(service: service, region: region)
            }
            guard let parsed = AWSEndpoint(overrideURL: text) else {
                problems.append("\(name) \"\(text)\" is not an http(s) URL with a host")
                return AWSEndpoint(service: service, region: region)
            }
            return parsed
        }
        let s3Endpoint = endpoint("s3", "AWS_ENDPOINT_URL_S3")
        let snsEndpoint = endpoint("sns", "AWS_ENDPOINT_URL_SNS")

        var attempts = 3
        if let text = environment["AWS_MAX_ATTEMPTS"], !text.isEmpty {
            if let value = Int(text), (1...20).contains(value) {
                attempts = value
            } else {
                problems.append("AWS_MAX_ATTEMPTS \"\(text)\" must be a whole number from 1 to 20")
            }
        }
        guard problems.isEmpty else { throw AWSConfigurationError(problems: problems) }
        self.region = region
        self.s3Endpoint = s3Endpoint
        self.snsEndpoint = snsEndpoint
        self.retry = RetryStrategy(maxAttempts: attempts)
    }

    /// `us-east-1`, `ap-northeast-1`, `us-gov-west-1`: lower-case words and a number.
    static func isRegion(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let number = parts.last, number.allSatisfy(\.isNumber) else {
            return false
        }
        return parts.dropLast().allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isLowercase }
        }
    }
}

/// AWS settings in the environment that are wrong; every problem is listed.
public struct AWSConfigurationError: Error, Sendable, CustomStringConvertible {
    public let problems: [String]

    public var description: String { problems.joined(separator: "; ") }
}
