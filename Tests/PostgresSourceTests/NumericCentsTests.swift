import Testing

@testable import PostgresSource

/// Binary numerics built by hand in PostgreSQL's wire layout: digit count, weight, sign,
/// display scale, then base-10000 digits.
@Suite("Binary numeric to cents")
struct NumericCentsTests {
    static func numeric(
        weight: Int16, sign: UInt16 = 0, scale: Int16 = 2, _ digits: [UInt16]
    )
        -> [UInt8]
    {
        let words =
            [UInt16(digits.count), UInt16(bitPattern: weight), sign, UInt16(scale)] + digits
        return words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    static func decode(_ bytes: [UInt8]) -> NumericCents.Value? {
        bytes.withUnsafeBytes { NumericCents.decode($0) }
    }

    @Test func wholeAndFractionalValues() {
        // 1234.56 is [1234, 5600] at weight 0; 30000 is [3] at weight 1; 0.05 is [500] at -1.
        #expect(Self.decode(Self.numeric(weight: 0, [1234, 5600])) == .cents(123_456))
        #expect(Self.decode(Self.numeric(weight: 1, [3])) == .cents(3_000_000))
        #expect(Self.decode(Self.numeric(weight: -1, [500])) == .cents(5))
        #expect(Self.decode(Self.numeric(weight: 0, scale: 0, [])) == .cents(0))
        #expect(Self.decode(Self.numeric(weight: 0, sign: 0x4000, [7])) == .cents(-700))
        #expect(Self.decode(Self.numeric(weight: 0, scale: 4, [10, 1200])) == .cents(1012))
    }

    @Test func valuesTheContractRejects() {
        #expect(Self.decode(Self.numeric(weight: 0, [10, 1250])) == .fractionalCents)
        #expect(Self.decode(Self.numeric(weight: -2, [1])) == .fractionalCents)
        #expect(Self.decode(Self.numeric(weight: 0, sign: 0xC000, [])) == .notFinite)
        #expect(Self.decode(Self.numeric(weight: 0, sign: 0xD000, [])) == .notFinite)
        #expect(Self.decode(Self.numeric(weight: 4, [1])) == .outOfRange)
    }

    @Test func malformedBytesAreNotANumeric() {
        #expect(Self.decode([0, 1]) == nil)
        #expect(Self.decode(Array(Self.numeric(weight: 0, [1, 2]).dropLast())) == nil)
    }

    @Test func everyShortByteStringDecodesOrIsRefusedWithoutCrashing() {
        // A bounded exhaustive sweep over the header words with one digit.
        for weight in Int16(-3)...5 {
            for sign: UInt16 in [0, 0x4000, 0xC000, 0x1234] {
                for digit: UInt16 in [0, 1, 99, 100, 9999, 65535] {
                    _ = Self.decode(Self.numeric(weight: weight, sign: sign, [digit]))
                }
            }
        }
    }
}
