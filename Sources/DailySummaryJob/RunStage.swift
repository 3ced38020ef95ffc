import Foundation

/// The step a run is in, for the log line that a signal leaves.
final class RunStage: @unchecked Sendable {
    private let lock = NSLock()
    private var name = "starting"

    var current: String { lock.withLock { name } }

    func enter(_ stage: String) {
        lock.withLock { name = stage }
    }
}
