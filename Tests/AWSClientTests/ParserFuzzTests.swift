import Foundation
import TestSupport
import Testing

@testable import AWSClient

/// The parsers of what AWS and the credentials endpoint send: garbage in, a clear "no"
/// out, never a crash.
@Suite("Parser fuzzing")
struct ParserFuzzTests {
    static let errorXML = Array(
        """
        <?xml version="1.0"?><ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>\
        <Message>Rate exceeded</Message></Error><RequestId>abc-123</RequestId></ErrorResponse>
        """.utf8)

    static let credentialsJSON = Array(
        """
        {"AccessKeyId":"AKID","SecretAccessKey":"secret","Token":"token",\
        "Expiration":"2030-01-01T00:00:00Z"}
        """.utf8)

    @Test func errorDocumentReadsTheQueryAPIShape() {
        let document = ErrorDocument(parsing: Self.errorXML)
        #expect(document == ErrorDocument(parsing: Self.errorXML))
        #expect(
            [document.code, document.message, document.requestID]
                == ["Throttling", "Rate exceeded", "abc-123"])
    }

    @Test func mutatedErrorDocumentsNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            _ = ErrorDocument(parsing: generator.mutate(Self.errorXML))
        }
        #expect(ErrorDocument(parsing: Array("not xml".utf8)).code == nil)
    }

    @Test func credentialsDocumentDecodes() throws {
        let credentials = try ContainerCredentialsEndpoint.decode(Self.credentialsJSON)
        #expect(credentials.sessionToken == "token")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))
    }

    @Test func mutatedCredentialsDocumentsDecodeOrAreRefused() {
        var generator = SeededGenerator(seed: 11)
        var refused = 0
        for _ in 0..<5_000 {
            do {
                _ = try ContainerCredentialsEndpoint.decode(generator.mutate(Self.credentialsJSON))
            } catch {
                #expect(error.description.contains("container endpoint"))
                refused += 1
            }
        }
        #expect(refused > 0)
    }
}

@Suite("UTC time formats")
struct UTCTimeTests {
    @Test func formatsAndParsesTheAWSFormats() throws {
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        #expect(UTCTime.amzDate(date) == "20150830T123600Z")
        #expect(UTCTime.parseISO8601("2015-08-30T12:36:00Z") == date)
        #expect(UTCTime.parseISO8601("2015-08-30T12:36:00.123Z") == date)
        #expect(UTCTime.parseHTTPDate("Sun, 30 Aug 2015 12:36:00 GMT") == date)
    }

    @Test(arguments: [
        "2015-08-30 12:36:00Z", "2015-13-30T12:36:00Z", "2015-08-30T12:36:00+09:00", "",
    ])
    func refusesOtherISO8601Shapes(_ text: String) {
        #expect(UTCTime.parseISO8601(text) == nil)
    }
}

@Suite("XML leaf values")
struct XMLLeafValuesTests {
    @Test func decodesEntitiesAndSkipsNonLeaves() {
        let body = Array(
            "<Error><Code>A&amp;B</Code><Message>x &lt; y &#233;&#x3042;</Message></Error>".utf8)
        let values = XMLLeafValues.first(of: ["Code", "Message", "Error", "RequestId"], in: body)
        #expect(values == ["Code": "A&B", "Message": "x < y éあ"])
    }

    @Test func unknownEntitiesGiveNoValue() {
        let values = XMLLeafValues.first(of: ["Code"], in: Array("<Code>&bogus;</Code>".utf8))
        #expect(values.isEmpty)
    }
}
