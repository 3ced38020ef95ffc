/// Distinct users of a day, with whether each ordered more than once and bought anything.
///
/// An open-addressing hash table of `Int64` keys and one flag byte per slot: about
/// 13 bytes per user at the highest load, against 40 or more for `Dictionary<Int64, _>`.
/// Memory therefore grows with distinct users only, never with orders.
public struct UserTally: Sendable {
    private static let occupied: UInt8 = 1
    private static let repeatFlag: UInt8 = 2
    private static let buyerFlag: UInt8 = 4

    private var keys: [Int64]
    private var flags: [UInt8]
    private var mask: Int
    public private(set) var uniqueUsers = 0
    public private(set) var repeatUsers = 0
    public private(set) var buyers = 0

    public init(capacity: Int = 1024) {
        var slots = 16
        while slots < capacity * 2 { slots <<= 1 }
        keys = Array(repeating: 0, count: slots)
        flags = Array(repeating: 0, count: slots)
        mask = slots - 1
    }

    /// Records one order by `user`; `bought` says whether it counts as a sale.
    @inline(__always)
    public mutating func record(user: Int64, bought: Bool) {
        let slot = find(user)
        let previous = flags[slot]
        var updated = previous | UserTally.occupied | (bought ? UserTally.buyerFlag : 0)
        if previous & UserTally.occupied != 0 { updated |= UserTally.repeatFlag }
        guard updated != previous else { return }
        store(user, flags: updated, previous: previous, at: slot)
    }

    /// Adds another tally's users, as if all their orders had been recorded here.
    public mutating func merge(_ other: UserTally) {
        for slot in other.flags.indices where other.flags[slot] & UserTally.occupied != 0 {
            let user = other.keys[slot]
            let target = find(user)
            let previous = flags[target]
            var updated = previous | other.flags[slot]
            if previous & UserTally.occupied != 0 { updated |= UserTally.repeatFlag }
            if updated != previous { store(user, flags: updated, previous: previous, at: target) }
        }
    }

    @inline(__always)
    private func find(_ user: Int64) -> Int {
        // Fibonacci hashing spreads sequential ids, which are the common case.
        let hash = (UInt64(bitPattern: user) &* 0x9E37_79B9_7F4A_7C15) >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        while flags[slot] & UserTally.occupied != 0, keys[slot] != user {
            slot = (slot + 1) & mask
        }
        return slot
    }

    private mutating func store(_ user: Int64, flags updated: UInt8, previous: UInt8, at slot: Int)
    {
        let changed = updated ^ previous
        if changed & UserTally.occupied != 0 { uniqueUsers += 1 }
        if changed & UserTally.repeatFlag != 0 { repeatUsers += 1 }
        if changed & UserTally.buyerFlag != 0 { buyers += 1 }
        keys[slot] = user
        flags[slot] = updated
        if changed & UserTally.occupied != 0, uniqueUsers * 10 > keys.count * 7 { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldFlags = flags
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        flags = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for slot in oldFlags.indices where oldFlags[slot] & UserTally.occupied != 0 {
            let target = find(oldKeys[slot])
            keys[target] = oldKeys[slot]
            flags[target] = oldFlags[slot]
        }
    }
}
