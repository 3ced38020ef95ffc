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

/// Finds the text of the first leaf element with each of the given names, at any depth.
///
/// A small scanner rather than FoundationXML's `XMLParser`: fuzzing found inputs that crash
/// `XMLParser` on Linux, and a malformed error body must never bring the job down. AWS
/// error and result documents use plain elements without attributes or CDATA, which is
/// all this reads; anything else yields no value.
enum XMLLeafValues {
    static func first(of names: Set<String>, in body: [UInt8]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            let open = Array("<\(name)>".utf8)
            let close = Array("</\(name)>".utf8)
            guard let start = body.firstRange(of: open)?.upperBound,
                let end = body[start...].firstRange(of: close)?.lowerBound,
                !body[start..<end].contains(UInt8(ascii: "<")),
                let text = decodeEntities(body[start..<end])
            else { continue }
            values[name] = text
        }
        return values
    }

    /// Replaces the five predefined entities and numeric character references; nil when
    /// the text holds an entity that is neither.
    static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { return nil }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            guard let decoded = decodeEntity(entity) else { return nil }
            result.append(decoded)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func decodeEntity(_ entity: Substring) -> Character? {
        switch entity {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let digits = entity.dropFirst()
            let value =
                digits.hasPrefix("x")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
