import Foundation

/// Percent-encoding as SigV4 defines it: every byte except `A-Z a-z 0-9 - _ . ~` becomes
/// `%XX` with upper-case hex, over the UTF-8 bytes.
public enum URIEncoding {
    /// Encodes one query key or value, or one path segment.
    public static func encode(_ text: String) -> String {
        encode(bytes: Array(text.utf8), keepingSlash: false)
    }

    /// Encodes a key or value of an `application/x-www-form-urlencoded` body: as `encode`,
    /// but a space becomes `+`, which is how the AWS SDKs write Query API bodies (and what
    /// servers that re-encode a parsed form, such as moto, hash).
    public static func encodeFormComponent(_ text: String) -> String {
        encode(text).replacingOccurrences(of: "%20", with: "+")
    }

    /// Encodes a path, each segment on its own, keeping the `/` between them.
    public static func encodePath(_ path: String) -> String {
        encode(bytes: Array(path.utf8), keepingSlash: true)
    }

    static func encode(bytes: [UInt8], keepingSlash: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
