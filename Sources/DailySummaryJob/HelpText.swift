/// The text of `--help`: every flag, every environment variable with its default, and
/// the exit statuses.
enum HelpText {
    static var usage: String {
        """
        Usage: daily-summary [--date YYYY-MM-DD] [--timezone TZ] [--dry-run] [--output PATH|-]
                             [--no-notify] [--max-rejected N] [--parallel N]
                             [--log-format json|text] [--help] [--version]

        Summarises one day of orders from PostgreSQL into a JSON report, uploads it to S3 and
        announces it on SNS.

        Options:
          --date YYYY-MM-DD     Local day to report (default: yesterday in the time zone)
          --timezone TZ         IANA time zone of the day (default: $REPORT_TIMEZONE)
          --dry-run             Print the report on stdout; touch no AWS service
          --output PATH|-       Also write the report to PATH (- for stdout)
          --no-notify           Upload, but publish nothing to SNS
          --max-rejected N      Accept up to N rows that break the input contract (default 0)
          --parallel N          Read over N connections in one snapshot (default 1, max 64)
          --log-format FORMAT   json or text (default: text on a terminal, json otherwise)
          --help                Show this help
          --version             Show the version

        Environment:
          DATABASE_URL          libpq connection URI; PGHOST, PGPORT, PGUSER, PGPASSWORD,
                                PGDATABASE and the other PG* variables fill in the rest
          ORDERS_RELATION       Table or view to read, name or schema.name (default orders)
          REPORT_TIMEZONE       Time zone of the report day (default Asia/Tokyo)
          SALES_STATUSES        Comma list of statuses that count as sales (default completed)
          REPORTS_BUCKET        S3 bucket for the report (required unless --dry-run)
          REPORTS_PREFIX        Key prefix (default reports/)
          REPORTS_KMS_KEY_ID    KMS key for SSE-KMS (default: none, the bucket's default)
          SNS_TOPIC_ARN         Topic to notify (required unless --dry-run or --no-notify)
          AWS_REGION            Region (or AWS_DEFAULT_REGION; required unless --dry-run)
          AWS_ENDPOINT_URL      Endpoint override for every service; AWS_ENDPOINT_URL_S3 and
                                AWS_ENDPOINT_URL_SNS override one service
          AWS_MAX_ATTEMPTS      Attempts per AWS request, retries included (default 3)
          AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE,
          AWS_SHARED_CREDENTIALS_FILE, AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
          AWS_CONTAINER_CREDENTIALS_FULL_URI, AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE)
                                Credentials, looked up in the AWS SDKs' order
          DB_CONNECT_TIMEOUT    Seconds to keep retrying a refused connection (default 60)
          DB_READ_ATTEMPTS      Times to read the day when the connection drops (default 3)
          LOG_LEVEL             DEBUG, INFO, WARN, ERROR or FATAL (default INFO)
          SOURCE_DATE_EPOCH     Fixed generated_at, in Unix seconds, for reproducible output

        Exit statuses:
        \(exitStatuses)
        """
    }

    private static var exitStatuses: String {
        ExitStatus.allCases.map { status in
            let code = String(status.rawValue)
            return "  " + code + String(repeating: " ", count: 5 - code.count) + status.meaning
        }.joined(separator: "\n")
    }
}
