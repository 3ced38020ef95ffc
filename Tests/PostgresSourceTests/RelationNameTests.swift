import PostgresSource
import Testing

@Suite("Relation names")
struct RelationNameTests {
    @Test(arguments: [
        ("orders", "\"orders\""), ("sales.orders", "\"sales\".\"orders\""),
        ("Sales.Orders", "\"Sales\".\"Orders\""),
        ("o\"; DROP TABLE x; --", "\"o\"\"; DROP TABLE x; --\""),
    ])
    func quotesEveryPartAsAnIdentifier(_ text: String, _ quoted: String) throws {
        #expect(try #require(RelationName(text)).quoted == quoted)
    }

    @Test(arguments: ["", ".", "a.", ".a", "a.b.c", "a\0b"])
    func refusesWhatCannotNameARelation(_ text: String) {
        #expect(RelationName(text) == nil)
    }
}
