/// Exact money arithmetic in whole cents (hundredths of a currency unit).
///
/// Amounts of single orders fit `Int64`; totals use `Int128`, so that a day of any size
/// cannot overflow. Nothing here touches floating point.
public enum Cents {
    /// Renders cents as a decimal string with exactly two fractional digits: `-12.05`.
    public static func decimalString(_ cents: Int128) -> String {
        let magnitude = cents.magnitude
        let units = magnitude / 100
        let fraction = Int(magnitude % 100)
        let sign = cents < 0 ? "-" : ""
        return sign + String(units) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Renders cents held in an `Int64`.
    public static func decimalString(_ cents: Int64) -> String {
        decimalString(Int128(cents))
    }

    /// Parses a plain decimal such as `12`, `12.5`, `-0.05` or `10.1200` into cents.
    ///
    /// Returns nil for anything else, including digits beyond the cents that are not zero
    /// (`10.125`), exponents, and values outside `Int64`.
    public static func parse(_ text: String) -> Int64? {
        var rest = Array(text.utf8)[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(
            separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let integerDigits = parts[0]
        let fractionDigits = parts.count == 2 ? parts[1] : []
        guard !integerDigits.isEmpty, parts.count == 1 || !fractionDigits.isEmpty else {
            return nil
        }
        guard fractionDigits.dropFirst(2).allSatisfy({ $0 == UInt8(ascii: "0") }) else {
            return nil
        }

        let centDigits = fractionDigits.prefix(2) + repeatElement(UInt8(ascii: "0"), count: 2)
        var cents: Int64 = 0
        for byte in integerDigits + centDigits.prefix(2) {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = cents.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            cents = sum
        }
        return negative ? -cents : cents
    }

    /// `total / count` rounded half away from zero to whole cents.
    public static func average(total: Int128, count: Int) -> Int128 {
        precondition(count > 0, "an average needs at least one value")
        let divisor = Int128(count)
        let (quotient, remainder) = total.quotientAndRemainder(dividingBy: divisor)
        guard remainder.magnitude * 2 >= divisor.magnitude else { return quotient }
        return total < 0 ? quotient - 1 : quotient + 1
    }
}
