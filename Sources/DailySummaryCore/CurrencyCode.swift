/// An ISO 4217 style currency code: exactly three ASCII letters A-Z, packed into an integer
/// so that rows compare and hash currencies without building strings.
public struct CurrencyCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    let packed: UInt32

    /// Reads a code from raw bytes, or returns nil unless they are exactly three of A-Z.
    @inline(__always)
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 3 else { return nil }
        var packed: UInt32 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") else { return nil }
            packed = packed << 8 | UInt32(byte)
        }
        self.packed = packed
    }

    /// Reads a code from text, or returns nil unless it is exactly three of A-Z.
    public init?(_ text: String) {
        var text = text
        guard let code = text.withUTF8({ CurrencyCode(bytes: UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        self = code
    }

    public var description: String {
        let bytes = [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)]
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool {
        lhs.packed < rhs.packed
    }
}
