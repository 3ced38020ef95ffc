import DailySummaryCore
import Foundation
import TestSupport
import Testing

@testable import PostgresSource

/// Mutated binary COPY messages must decode or be refused with an error, never crash or
/// read out of bounds (run the suite under `-sanitize=address` to check the latter too).
@Suite("Binary COPY fuzzing")
struct CopyStreamFuzzTests {
    static func field(_ bytes: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: Int32(bytes.count).bigEndian, Array.init) + bytes
    }

    static func int64(_ value: Int64) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian, Array.init)
    }

    /// A header and one tuple of the contract's six columns, as PostgreSQL sends them.
    static var validMessage: [UInt8] {
        let numeric: [UInt8] = [0, 2, 0, 0, 0, 0, 0, 2, 0x04, 0xD2, 0x15, 0xE0]  // 1234.56
        let orderedAt = Int64(790_000_000) * 1_000_000
        return CopyTupleCursor.signature + [0, 0, 0, 0, 0, 0, 0, 0] + [0, 6]
            + field(int64(1)) + field(int64(2)) + field(Array("completed".utf8))
            + field(numeric) + field(Array("JPY".utf8)) + field(int64(orderedAt))
    }

    static func reducer() -> SummaryReducer {
        let window = ReportWindow(
            day: ReportDay(year: 2025, month: 1, day: 15)!, timeZone: TimeZone(identifier: "UTC")!)
        return SummaryReducer(window: window, salesStatuses: ["completed"])
    }

    @Test func theValidMessageDecodes() throws {
        var reducer = Self.reducer()
        let more = try Self.validMessage.withUnsafeBytes {
            try OrderRowDecoder.decodeMessage($0, isFirst: true, into: &reducer)
        }
        #expect(more)
        #expect(reducer.rowsRead == 1)
    }

    @Test func mutatedMessagesNeverCrash() {
        var generator = SeededGenerator(seed: 20_250_115)
        var refused = 0
        for _ in 0..<50_000 {
            let bytes = generator.mutate(Self.validMessage)
            var reducer = Self.reducer()
            do {
                _ = try bytes.withUnsafeBytes {
                    try OrderRowDecoder.decodeMessage($0, isFirst: true, into: &reducer)
                }
            } catch {
                refused += 1
            }
        }
        // Most mutations hit a length or the header and must be refused, not accepted.
        #expect(refused > 10_000)
    }
}
