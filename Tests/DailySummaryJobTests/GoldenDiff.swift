/// A line diff of two texts short enough to read in a failing test's output.
enum GoldenDiff {
    static func describe(expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var differences: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
            let right = index < actualLines.count ? String(actualLines[index]) : "<none>"
            if left != right {
                differences.append("line \(index + 1):\n  - \(left)\n  + \(right)")
            }
            if differences.count == 20 { break }
        }
        return "differences from the golden file (set UPDATE_GOLDEN=1 to re-record):\n"
            + differences.joined(separator: "\n")
    }
}
