import Foundation

/// The ECS task-role endpoint, `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` against
/// 169.254.170.2 or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, as the AWS SDKs read it.
struct ContainerCredentialsEndpoint: Sendable {
    static let ecsHost = "169.254.170.2"
    /// The hosts the SDKs accept in a plain-http full URI: ECS, EKS, and loopback.
    static let allowedHTTPHosts: Set<String> = [
        "169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost", "::1",
    ]

    let url: URLComponents
    let authorization: String?

    /// The endpoint named by the environment, nil when none is, or an error for a full URI
    /// that the SDKs would refuse.
    static func from(
        _ environment: [String: String]
    ) throws(CredentialsError)
        -> ContainerCredentialsEndpoint?
    {
        let source = "container endpoint"
        let url: URLComponents
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"], !relative.isEmpty {
            guard let parsed = URLComponents(string: "http://\(ecsHost)\(relative)") else {
                throw CredentialsError(source: source, message: "relative URI is malformed")
            }
            url = parsed
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"], !full.isEmpty {
            guard let parsed = URLComponents(string: full), let host = parsed.host,
                parsed.scheme == "https" || (parsed.scheme == "http" && isAllowed(host))
            else {
                throw CredentialsError(
                    source: source,
                    message: "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to "
                        + "loopback or the ECS/EKS link-local hosts")
            }
            url = parsed
        } else {
            return nil
        }
        return ContainerCredentialsEndpoint(
            url: url, authorization: try authorization(environment, source: source))
    }

    private static func isAllowed(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return allowedHTTPHosts.contains(bare) || bare.hasPrefix("127.")
    }

    private static func authorization(
        _ environment: [String: String], source: String
    )
        throws(CredentialsError) -> String?
    {
        if let file = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"], !file.isEmpty {
            guard let token = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CredentialsError(source: source, message: "cannot read token file \(file)")
            }
            return token.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Fetches credentials; the client's timeouts bound a slow or silent endpoint.
    func fetch(using client: HTTPClient) throws(CredentialsError) -> AWSCredentials {
        let source = "container endpoint"
        guard let scheme = url.scheme, let host = url.host else {
            throw CredentialsError(source: source, message: "URI has no host")
        }
        var request = HTTPRequest(
            method: "GET", scheme: scheme, host: host, port: url.port,
            encodedPath: url.percentEncodedPath.isEmpty ? "/" : url.percentEncodedPath,
            query: url.queryItems?.map { ($0.name, $0.value ?? "") } ?? [])
        if let authorization { request.headers.append(("Authorization", authorization)) }

        let response: HTTPResponse
        do {
            response = try client.send(request)
        } catch {
            throw CredentialsError(source: source, message: error.description)
        }
        guard response.status == 200 else {
            throw CredentialsError(source: source, message: "HTTP \(response.status)")
        }
        return try ContainerCredentialsEndpoint.decode(response.body)
    }

    /// Reads `{"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}`.
    static func decode(_ body: [UInt8]) throws(CredentialsError) -> AWSCredentials {
        let source = "container endpoint"
        let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
        guard let object, let keyID = object["AccessKeyId"] as? String, !keyID.isEmpty,
            let secret = object["SecretAccessKey"] as? String, !secret.isEmpty
        else {
            throw CredentialsError(
                source: source, message: "response is not a JSON credentials document")
        }
        var expiration: Date?
        if let text = object["Expiration"] as? String {
            guard let parsed = UTCTime.parseISO8601(text) else {
                throw CredentialsError(source: source, message: "Expiration is not ISO 8601")
            }
            expiration = parsed
        }
        return AWSCredentials(
            accessKeyID: keyID, secretAccessKey: secret, sessionToken: object["Token"] as? String,
            expiration: expiration, source: source)
    }
}
