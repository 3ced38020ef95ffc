/// Converts PostgreSQL's binary `numeric` into whole cents without going through text or
/// floating point.
///
/// The format is four 16-bit words (digit count, weight, sign, display scale) followed by
/// base-10000 digits, most significant first; `weight` is the power of 10000 of the first
/// digit, and trailing zero digits are not sent.
enum NumericCents {
    enum Value: Equatable {
        case cents(Int64)
        case fractionalCents
        case notFinite
        case outOfRange
    }

    private static let positive: UInt16 = 0x0000
    private static let negative: UInt16 = 0x4000

    /// Decodes `bytes`, or returns nil when they are not a well-formed binary numeric.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Value? {
        guard bytes.count >= 8 else { return nil }
        let digitCount = Int(word(bytes, 0))
        let weight = Int(Int16(bitPattern: word(bytes, 1)))
        let sign = word(bytes, 2)
        guard digitCount <= 1000, bytes.count == 8 + 2 * digitCount else { return nil }
        guard sign == positive || sign == negative else { return .notFinite }
        guard digitCount > 0 else { return .cents(0) }
        // Below 10000^4 units, cents stay under 10^18 and no step below can overflow Int64;
        // the contract's numeric(14,2) ends at 10^12 units.
        guard weight <= 3 else { return .outOfRange }

        var units: Int64 = 0
        if weight >= 0 {
            for power in 0...weight {
                let digit = power < digitCount ? Int64(word(bytes, 4 + power)) : 0
                units = units * 10_000 + digit
            }
        }
        var cents = units * 100

        // Digits after the decimal point: the one at 10000^-1 holds the cents in its upper
        // half; anything below that must be zero for a whole number of cents.
        for index in min(max(0, weight + 1), digitCount)..<digitCount {
            let digit = Int64(word(bytes, 4 + index))
            let power = weight - index
            if power == -1, digit % 100 == 0 {
                cents += digit / 100
            } else if digit != 0 {
                return .fractionalCents
            }
        }
        return .cents(sign == negative ? -cents : cents)
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt16 {
        UInt16(bigEndian: bytes.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))
    }
}
