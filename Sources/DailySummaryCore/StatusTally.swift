import Glibc

/// Orders of one status: how many, and their amounts per currency.
struct StatusTally: Sendable {
    let name: String
    let bytes: [UInt8]
    let isSales: Bool
    private(set) var orders = 0
    private(set) var amounts = CurrencyTotals()

    init(bytes: [UInt8], isSales: Bool) {
        self.name = String(decoding: bytes, as: UTF8.self)
        self.bytes = bytes
        self.isSales = isSales
    }

    @inline(__always)
    func matches(_ candidate: UnsafeRawBufferPointer) -> Bool {
        guard candidate.count == bytes.count else { return false }
        // memcmp, not elementsEqual: this runs for every row and the generic byte loop
        // cost 6% of the job's instructions in callgrind.
        return bytes.withUnsafeBytes { stored in
            guard let left = stored.baseAddress, let right = candidate.baseAddress else {
                return stored.isEmpty
            }
            return memcmp(left, right, stored.count) == 0
        }
    }

    @inline(__always)
    mutating func add(_ cents: Int64, in currency: CurrencyCode) {
        orders += 1
        amounts.add(Int128(cents), to: currency)
    }

    mutating func merge(_ other: StatusTally) {
        orders += other.orders
        amounts.merge(other.amounts)
    }
}

/// Exact totals keyed by currency; a day has few currencies, so a linear scan over two
/// small arrays beats hashing on the per-row path.
struct CurrencyTotals: Sendable {
    private(set) var currencies: [CurrencyCode] = []
    private(set) var totals: [Int128] = []

    @inline(__always)
    mutating func add(_ cents: Int128, to currency: CurrencyCode) {
        if let index = currencies.firstIndex(of: currency) {
            totals[index] += cents
        } else {
            currencies.append(currency)
            totals.append(cents)
        }
    }

    mutating func merge(_ other: CurrencyTotals) {
        for (currency, total) in zip(other.currencies, other.totals) { add(total, to: currency) }
    }

    /// The totals as decimal strings, sorted by currency code.
    var sortedDecimalStrings: [(CurrencyCode, String)] {
        zip(currencies, totals).sorted { $0.0 < $1.0 }.map { ($0.0, Cents.decimalString($0.1)) }
    }
}
