/// An HTTP request as it goes on the wire, with the body in memory.
public struct HTTPRequest: Sendable {
    public var method: String
    /// `http` or `https`.
    public var scheme: String
    public var host: String
    public var port: Int?
    /// The path exactly as sent, already percent-encoded.
    public var encodedPath: String
    /// Query parameters, not yet encoded.
    public var query: [(String, String)]
    /// Header fields in the order set; a name may repeat.
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(
        method: String, scheme: String, host: String, port: Int? = nil, encodedPath: String,
        query: [(String, String)] = [], headers: [(String, String)] = [], body: [UInt8] = []
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.encodedPath = encodedPath
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The `Host` header's value: the host, and the port when it is not the scheme's own.
    public var hostHeader: String {
        guard let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80)
        else { return host }
        return "\(host):\(port)"
    }

    /// The full URL, with the query encoded as SigV4 encodes it.
    public var url: String {
        let bracketedHost = host.contains(":") ? "[\(host)]" : host
        let authority = port.map { "\(bracketedHost):\($0)" } ?? bracketedHost
        let queryText = query.map { URIEncoding.encode($0.0) + "=" + URIEncoding.encode($0.1) }
            .joined(separator: "&")
        return "\(scheme)://\(authority)\(encodedPath)" + (queryText.isEmpty ? "" : "?" + queryText)
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// A response: status, headers (names lower-cased) and the whole body.
public struct HTTPResponse: Sendable {
    public let status: Int
    public let headers: [(String, String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(String, String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.0 == lowered }?.1
    }
}
