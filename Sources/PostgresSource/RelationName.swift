/// A table or view name from configuration, such as `orders` or `sales.orders`, quoted as
/// SQL identifiers so that no configured text is ever spliced into a statement.
///
/// Each part is taken literally and case-sensitively: `Sales.Orders` names the relation
/// created as `"Sales"."Orders"`.
public struct RelationName: Sendable, Equatable, CustomStringConvertible {
    public let schema: String?
    public let name: String

    /// Parses `name` or `schema.name`; returns nil for empty parts, more than one dot, or
    /// a NUL character, none of which can name a relation.
    public init?(_ text: String) {
        guard !text.contains("\0") else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        schema = parts.count == 2 ? String(parts[0]) : nil
        name = String(parts[parts.count - 1])
    }

    /// The name as SQL: each part in double quotes, embedded quotes doubled.
    public var quoted: String {
        let quotedName = RelationName.quote(name)
        return schema.map { RelationName.quote($0) + "." + quotedName } ?? quotedName
    }

    /// The name as configured.
    public var description: String { schema.map { "\($0).\(name)" } ?? name }

    private static func quote(_ identifier: String) -> String {
        let doubled = identifier.split(separator: "\"", omittingEmptySubsequences: false)
            .joined(separator: "\"\"")
        return "\"" + doubled + "\""
    }
}
