/// Writes JSON text with keys in exactly the order they are written, indented by two
/// spaces, so that the same values always give the same bytes.
///
/// Foundation's `JSONEncoder` is avoided on purpose: its key order and number formatting
/// are not part of any contract, and the report's bytes are.
public struct JSONWriter {
    private enum Container { case object, array }

    public private(set) var text = ""
    private var stack: [(container: Container, count: Int)] = []

    public init() {}

    public mutating func beginObject(_ key: String? = nil) { open(key, "{", .object) }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[", .array) }
    public mutating func endArray() { close("]") }

    /// Writes a string member (or array element when `key` is nil).
    public mutating func string(_ key: String?, _ value: String) {
        member(key)
        JSONWriter.appendQuoted(value, to: &text)
    }

    /// Writes an integer member (or array element when `key` is nil).
    public mutating func integer(_ key: String?, _ value: Int) {
        member(key)
        text += String(value)
    }

    private mutating func open(_ key: String?, _ bracket: String, _ container: Container) {
        member(key)
        text += bracket
        stack.append((container, 0))
    }

    private mutating func close(_ bracket: String) {
        let (_, count) = stack.removeLast()
        if count > 0 { newline() }
        text += bracket
        if stack.isEmpty { text += "\n" }
    }

    private mutating func member(_ key: String?) {
        guard !stack.isEmpty else { return }
        if stack[stack.count - 1].count > 0 { text += "," }
        stack[stack.count - 1].count += 1
        newline()
        if let key {
            JSONWriter.appendQuoted(key, to: &text)
            text += ": "
        }
    }

    private mutating func newline() {
        text += "\n" + String(repeating: "  ", count: stack.count)
    }

    /// `value` as a JSON string literal, quotes included.
    public static func quoted(_ value: String) -> String {
        var text = ""
        appendQuoted(value, to: &text)
        return text
    }

    static func appendQuoted(_ value: String, to text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
