import Foundation
import TestSupport
import Testing

/// Validates a report against `reports-schema/daily-summary.v1.schema.json` with the
/// `jsonschema` package, the reference implementation of JSON Schema 2020-12 for Python.
enum SchemaValidation {
    static func validate(
        _ document: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let schema = TestServices.repositoryRoot.appendingPathComponent(
            "reports-schema/daily-summary.v1.schema.json"
        ).path
        let program = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.Draft202012Validator(schema).validate(json.load(sys.stdin))
            """
        let result = try ProcessResult.run(
            "/usr/bin/env", ["python3", "-c", program, schema], input: document)
        #expect(
            result.status == 0, "schema validation failed: \(result.stderr)",
            sourceLocation: sourceLocation)
    }
}
