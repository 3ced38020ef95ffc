import DailySummaryCore
import Foundation

/// Collects the reducers of parallel slices, each written once from its own thread.
final class SliceResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<SummaryReducer, any Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    func store(_ result: Result<SummaryReducer, any Error>, at index: Int) {
        lock.withLock { results[index] = result }
    }

    /// Every slice's result, in slice order; call after all slices finished.
    var all: [Result<SummaryReducer, any Error>] {
        lock.withLock { results.compactMap { $0 } }
    }
}

/// Hands values that are not `Sendable` to `concurrentPerform`, where each thread touches
/// only its own element and the caller waits for all of them.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
