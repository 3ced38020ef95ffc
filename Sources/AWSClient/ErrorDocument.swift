import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The `Code`, `Message` and `RequestId` of an AWS XML error body, S3's `<Error>` and the
/// Query API's `<ErrorResponse>` alike; also reads single values such as `MessageId`.
public struct ErrorDocument: Sendable, Equatable {
    public let code: String?
    public let message: String?
    public let requestID: String?

    /// Parses `body`; fields that are absent, or a body that is not XML, give nils.
    public init(parsing body: [UInt8]) {
        let values = XMLLeafValues.first(of: ["Code", "Message", "RequestId"], in: body)
        code = values["Code"]
        message = values["Message"]
        requestID = values["RequestId"]
    }
}

/// Finds the text of the first element with each of the given names, at any depth.
enum XMLLeafValues {
    static func first(of names: Set<String>, in body: [UInt8]) -> [String: String] {
        let parser = XMLParser(data: Data(body))
        let collector = Collector(names: names)
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        return collector.values
    }

    private final class Collector: NSObject, XMLParserDelegate {
        let names: Set<String>
        var values: [String: String] = [:]
        private var current: String?
        private var text = ""

        init(names: Set<String>) {
            self.names = names
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            current = names.contains(elementName) && values[elementName] == nil ? elementName : nil
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if current != nil { text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName: String?
        ) {
            if current == elementName { values[elementName] = text }
            current = nil
        }
    }
}
