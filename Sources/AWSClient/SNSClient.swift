import Foundation

/// SNS operations this job needs: `Publish`, through the Query API.
public struct SNSClient: Sendable {
    /// A message attribute that subscribers can filter on.
    public struct Attribute: Sendable {
        public enum DataType: String, Sendable {
            case string = "String"
            case number = "Number"
        }

        public let name: String
        public let type: DataType
        public let value: String

        public init(name: String, type: DataType, value: String) {
            self.name = name
            self.type = type
            self.value = value
        }
    }

    /// SNS refuses subjects over 100 characters.
    public static let maxSubjectLength = 100

    let client: AWSServiceClient

    public init(client: AWSServiceClient) {
        self.client = client
    }

    /// Publishes a message with one body per protocol (`MessageStructure=json`).
    /// - Parameters:
    ///   - messages: Protocol to body; must include `default`.
    ///   - subject: Cut to SNS's 100-character limit.
    /// - Returns: The `MessageId` SNS assigned.
    public func publish(
        topicARN: String, messages: [String: String], subject: String, attributes: [Attribute]
    ) throws(AWSServiceError) -> String {
        let structure =
            (try? JSONSerialization.data(withJSONObject: messages, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var form: [(String, String)] = [
            ("Action", "Publish"), ("Version", "2010-03-31"), ("TopicArn", topicARN),
            ("MessageStructure", "json"), ("Message", structure),
            ("Subject", String(subject.prefix(SNSClient.maxSubjectLength))),
        ]
        for (index, attribute) in attributes.enumerated() {
            let prefix = "MessageAttributes.entry.\(index + 1)"
            form += [
                ("\(prefix).Name", attribute.name),
                ("\(prefix).Value.DataType", attribute.type.rawValue),
                ("\(prefix).Value.StringValue", attribute.value),
            ]
        }
        let body = form.map {
            URIEncoding.encodeFormComponent($0.0) + "=" + URIEncoding.encodeFormComponent($0.1)
        }
        .joined(separator: "&")

        let endpoint = client.endpoint
        let request = HTTPRequest(
            method: "POST", scheme: endpoint.scheme, host: endpoint.host, port: endpoint.port,
            encodedPath: "/",
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Array(body.utf8))
        let response = try client.send(request, operation: "Publish")
        guard let messageID = XMLLeafValues.first(of: ["MessageId"], in: response.body)["MessageId"]
        else {
            throw AWSServiceError(
                service: client.service, operation: "Publish", status: response.status,
                code: "MalformedResponse", message: "no MessageId in the response",
                requestID: nil, attempts: 1)
        }
        return messageID
    }
}
