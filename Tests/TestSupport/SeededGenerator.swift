/// A deterministic random number generator (SplitMix64), so that a property test that
/// finds a failure finds it again on the next run.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// `bytes` with a few random bytes overwritten, inserted or removed.
    public mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            let position = Int.random(in: 0...result.count, using: &self)
            switch Int.random(in: 0..<3, using: &self) {
            case 0 where position < result.count:
                result[position] = UInt8.random(in: 0...255, using: &self)
            case 1: result.insert(UInt8.random(in: 0...255, using: &self), at: position)
            default: if position < result.count { result.remove(at: position) }
            }
        }
        return result
    }
}
