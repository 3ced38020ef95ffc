import CCurl
import Foundation

/// A blocking HTTP client over a libcurl easy handle; TLS peers are verified.
public struct HTTPClient: Sendable {
    /// Limits for one request.
    public struct Timeouts: Sendable {
        public var connect: TimeInterval
        public var total: TimeInterval

        public init(connect: TimeInterval, total: TimeInterval) {
            self.connect = connect
            self.total = total
        }
    }

    private static let globalInit: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
    }()

    public let timeouts: Timeouts

    public init(timeouts: Timeouts = Timeouts(connect: 5, total: 60)) {
        self.timeouts = timeouts
    }

    /// Sends `request` and returns whatever status the server answered.
    /// - Throws: `HTTPTransportError` when no response arrived: refused, timed out, reset.
    public func send(_ request: HTTPRequest) throws(HTTPTransportError) -> HTTPResponse {
        guard HTTPClient.globalInit, let handle = curl_easy_init() else {
            throw HTTPTransportError(code: CURLE_FAILED_INIT, message: "libcurl failed to start")
        }
        defer { curl_easy_cleanup(handle) }
        let sink = ResponseSink()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        // Without this curl adds "Expect: 100-continue" to larger bodies and waits a round
        // trip; and it would add its own content type to POST bodies.
        for (name, value) in request.headers + [("Expect", "")] {
            headerList = curl_slist_append(
                headerList, value.isEmpty ? "\(name):" : "\(name): \(value)")
        }
        _ = ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        _ = ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        _ = ccurl_setopt_pointer(handle, CURLOPT_HTTPHEADER, headerList)
        _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(timeouts.connect * 1000))
        _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeouts.total * 1000))
        _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = ccurl_setopt_callback(handle, CURLOPT_WRITEFUNCTION, collectBody)
        _ = ccurl_setopt_callback(handle, CURLOPT_HEADERFUNCTION, collectHeader)

        let code = withExtendedLifetime(sink) { () -> CURLcode in
            let context = Unmanaged.passUnretained(sink).toOpaque()
            _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
            _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
            return request.body.withUnsafeBytes { body in
                if request.method != "GET" && request.method != "HEAD" {
                    _ = ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE_LARGE, body.count)
                    _ = ccurl_setopt_pointer(
                        handle, CURLOPT_POSTFIELDS,
                        UnsafeMutableRawPointer(mutating: body.baseAddress))
                }
                return curl_easy_perform(handle)
            }
        }
        guard code == CURLE_OK else {
            throw HTTPTransportError(code: code, message: String(cString: curl_easy_strerror(code)))
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: sink.headers, body: sink.body)
    }
}

/// No HTTP response arrived: the connection was refused, timed out or broke.
public struct HTTPTransportError: Error, Sendable, CustomStringConvertible {
    let code: CURLcode
    public let message: String

    /// Timeouts, refusals and resets may pass on a later attempt; a malformed URL never will.
    public var isRetryable: Bool {
        switch code {
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_FAILED_INIT,
            CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return false
        default:
            return true
        }
    }

    public var isTimeout: Bool { code == CURLE_OPERATION_TIMEDOUT }

    public var description: String { "\(message) (curl error \(code.rawValue))" }
}

/// Collects a response as libcurl delivers it, through the C callbacks below.
private final class ResponseSink {
    var body: [UInt8] = []
    var headers: [(String, String)] = []

    func addHeaderLine(_ line: String) {
        // A new status line starts a new header block (after a redirect or 100 Continue).
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(
            in: .whitespacesAndNewlines)
        headers.append((name, value))
    }
}

private func collectBody(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    deliver(data, size * count, context) { sink, bytes in sink.body.append(contentsOf: bytes) }
}

private func collectHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
    _ context: UnsafeMutableRawPointer?
) -> Int {
    deliver(data, size * count, context) { sink, bytes in
        sink.addHeaderLine(String(decoding: bytes, as: UTF8.self))
    }
}

/// Hands bytes from a libcurl callback to the sink behind `context`; returns the count
/// consumed, which is how libcurl learns the callback succeeded.
private func deliver(
    _ data: UnsafeMutablePointer<CChar>?, _ length: Int, _ context: UnsafeMutableRawPointer?,
    _ body: (ResponseSink, UnsafeRawBufferPointer) -> Void
) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    body(sink, UnsafeRawBufferPointer(start: data, count: length))
    return length
}
