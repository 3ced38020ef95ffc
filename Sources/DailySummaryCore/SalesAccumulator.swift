/// Sales of one currency: count, exact total, extremes, and every distinct amount with
/// its count, which is what exact percentiles need.
///
/// Keeping a histogram instead of the amounts makes memory grow with distinct amounts,
/// which prices keep small, rather than with orders.
struct SalesAccumulator: Sendable {
    private(set) var orders = 0
    private(set) var total: Int128 = 0
    private(set) var minimum = Int64.max
    private(set) var maximum = Int64.min
    private var histogram: [Int64: Int] = [:]

    @inline(__always)
    mutating func add(_ cents: Int64) {
        orders += 1
        total += Int128(cents)
        minimum = min(minimum, cents)
        maximum = max(maximum, cents)
        histogram[cents, default: 0] += 1
    }

    mutating func merge(_ other: SalesAccumulator) {
        orders += other.orders
        total += other.total
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
        histogram.merge(other.histogram, uniquingKeysWith: +)
    }

    /// The nearest-rank percentiles for `fractions`, in the order given.
    ///
    /// The rank is computed as PostgreSQL's `percentile_disc` computes it,
    /// `ceil(fraction * count)` in double precision, so that both agree on every count.
    func percentiles(_ fractions: [Double]) -> [Int64] {
        precondition(orders > 0, "percentiles of no sales")
        let ranks = fractions.map { max(1, Int((($0 * Double(orders))).rounded(.up))) }
        var results = Array(repeating: maximum, count: fractions.count)
        var seen = 0
        var pending = Array(ranks.indices).sorted { ranks[$0] < ranks[$1] }[...]
        for (amount, count) in histogram.sorted(by: { $0.key < $1.key }) {
            seen += count
            while let next = pending.first, ranks[next] <= seen {
                results[next] = amount
                pending = pending.dropFirst()
            }
            if pending.isEmpty { break }
        }
        return results
    }
}
