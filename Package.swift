// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "daily-summary",
    products: [
        .executable(name: "daily-summary", targets: ["daily-summary"])
    ],
    targets: [
        // C libraries from Debian's -dev packages, reached through module maps.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),

        // The report's domain: days and windows, rows, the reducer, the document. No I/O.
        .target(name: "DailySummaryCore"),

        // Streaming a day of orders out of PostgreSQL with binary COPY.
        .target(name: "PostgresSource", dependencies: ["CLibPQ", "DailySummaryCore"]),

        // A small AWS client that knows nothing of reports: SigV4, credentials, S3, SNS.
        .target(name: "AWSClient", dependencies: ["CCurl", "COpenSSL"]),

        // Flags, settings, logging and the run itself; the executable only calls it.
        .target(
            name: "DailySummaryJob",
            dependencies: ["DailySummaryCore", "PostgresSource", "AWSClient"]
        ),
        .executableTarget(
            name: "daily-summary",
            dependencies: ["DailySummaryJob"],
            linkerSettings: [.linkedLibrary("m")]
        ),

        // Shared test helpers: locating services started by scripts/test.sh, running the
        // binary, loading fixtures into PostgreSQL.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "DailySummaryCoreTests", dependencies: ["DailySummaryCore"]),
        .testTarget(
            name: "PostgresSourceTests",
            dependencies: ["PostgresSource", "TestSupport"]
        ),
        .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "TestSupport"]),
        .testTarget(
            name: "DailySummaryJobTests",
            dependencies: ["DailySummaryJob", "TestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
    ]
)
