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

    /// `total / count` rounded half away from zero to whole cents.
    public static func average(total: Int128, count: Int) -> Int128 {
        precondition(count > 0, "an average needs at least one value")
        let divisor = Int128(count)
        let (quotient, remainder) = total.quotientAndRemainder(dividingBy: divisor)
        guard remainder.magnitude * 2 >= divisor.magnitude else { return quotient }
        return total < 0 ? quotient - 1 : quotient + 1
    }
}
