/// The program's name and version, as `--version`, the report's `generator` and
/// PostgreSQL's `application_name` show them.
enum Generator {
    static let name = "daily-summary"
    static let version = "1.0.0"
}
