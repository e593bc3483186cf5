// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "rmq-doctor",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "rmq-doctor", targets: ["rmq-doctor"]),
    .executable(name: "rmq-doctor-mcp", targets: ["rmq-doctor-mcp"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", exact: "0.12.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
  ],
  targets: [
    // The C library cmark from Debian's libcmark-dev, declared as a system library.
    .systemLibrary(
      name: "Ccmark",
      pkgConfig: "libcmark",
      providers: [.apt(["libcmark-dev"])]
    ),
    // The only module that imports cmark: parses Markdown into Swift values and renders it.
    .target(name: "CommonMark", dependencies: ["Ccmark"]),
    // Error search: normalising pasted errors, matching signatures, ranking; no I/O.
    // Internal helper: a map over all the cores that keeps the order.
    .target(name: "_Parallel"),
    .target(name: "ErrorSearch", dependencies: ["_Parallel"]),
    // Internal helper: writes a file the user named without replacing what the path points at.
    .target(name: "_SafeWrite"),
    // Whether an argument vector may run: each allowed program's options parsed as it parses
    // them, launchers refused; shared by lint and the runner. No I/O.
    .target(name: "ArgvPolicy"),
    // Whether a management HTTP API request may be sent: GET only, declared paths and query
    // keys only; shared by lint and the management API client. No I/O.
    .target(name: "RequestPolicy"),
    // Guides: model, loading, front-matter, extraction, validation (lint).
    .target(
      name: "GuideKit",
      dependencies: [
        "CommonMark", "ErrorSearch", "ArgvPolicy", "RequestPolicy", "_Parallel",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // zlib from Debian's zlib1g-dev, for reading .gz logs.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    // Log triage: streams logs, joins multi-line entries, classifies and counts error entries.
    .target(name: "LogScan", dependencies: ["ErrorSearch", "CZlib"]),
    // The troubleshooter: walks a guide's decision tree with answers and facts; no terminal code.
    .target(name: "TroubleshootingEngine", dependencies: ["GuideKit"]),
    // Runs a program directly (no shell) with a time limit, an output limit and its own
    // process group.
    .target(name: "CommandRunner", dependencies: ["ArgvPolicy"]),
    .target(name: "Diagnostics", dependencies: ["GuideKit", "LogScan"]),
    // The RabbitMQ management HTTP API client: read-only GETs of allow-listed paths with a time
    // limit, a size cap, no redirects, verified TLS; errors as one line each.
    .target(
      name: "ManagementAPI",
      dependencies: [
        "RequestPolicy",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    // Doctor mode: which diagnostics run here, running them, and the report of what they found
    // (live or from evidence); shared by `diagnose`, the wizard and the MCP server.
    .target(
      name: "DoctorMode",
      dependencies: [
        "GuideKit", "Diagnostics", "TroubleshootingEngine", "CommandRunner", "LogScan",
        "ManagementAPI", "_SafeWrite",
      ]
    ),
    // The Model Context Protocol server (`rmq-doctor mcp`): tools and resources over stdio that
    // call the same libraries as the CLI.
    .target(
      name: "MCPServer",
      dependencies: [
        "GuideKit", "ErrorSearch", "TroubleshootingEngine", "Diagnostics", "DoctorMode", "LogScan",
        .product(name: "MCP", package: "swift-sdk"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    // The static HTML site: pages through Mustache templates (escaping by default), the
    // browser's copy of the search, the troubleshooter as linked pages, atomic writing.
    .target(
      name: "SiteExport",
      dependencies: [
        "GuideKit", "CommonMark", "ErrorSearch", "_Parallel",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      // The site's style sheet and scripts, as the files they are, compiled into the binary
      // (`PackageResources`), so the program needs no resource bundle beside it.
      resources: [
        .embedInCode("Assets/site.css"), .embedInCode("Assets/site.js"),
        .embedInCode("Assets/search.js"), .embedInCode("Assets/troubleshooter.js"),
        .embedInCode("Assets/theme.js"),
      ]
    ),
    // What both programs' command lines share: the --content option, finding the shipped
    // content, the saved search index, the version.
    .target(
      name: "CommandLineSupport",
      dependencies: [
        "GuideKit", "ErrorSearch", "LogScan", "_SafeWrite",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The thin command-line layer. It does not link the MCP server: the MCP library brings
    // libcurl and its thirty shared libraries, which every start would map.
    .executableTarget(
      name: "rmq-doctor",
      dependencies: [
        "CommandLineSupport", "GuideKit", "CommonMark", "ErrorSearch", "TroubleshootingEngine",
        "CommandRunner",
        "Diagnostics", "LogScan", "SiteExport", "DoctorMode", "_SafeWrite", "ManagementAPI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The MCP server's program, which `rmq-doctor mcp` replaces itself with.
    .executableTarget(
      name: "rmq-doctor-mcp",
      dependencies: [
        "CommandLineSupport", "MCPServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What the benchmarks share: timing, and running programs as a shell would.
    .target(name: "BenchmarkSupport", path: "Benchmarks/Support"),
    // The search benchmark: `Benchmarks/run search`.
    .executableTarget(
      name: "search-benchmark",
      dependencies: ["GuideKit", "ErrorSearch", "BenchmarkSupport"],
      path: "Benchmarks/SearchBenchmark"
    ),
    // The scan benchmark: `Benchmarks/run scan`.
    .executableTarget(
      name: "scan-benchmark",
      dependencies: ["BenchmarkSupport"],
      path: "Benchmarks/ScanBenchmark"
    ),
    // Where the tests find their data, all of it in Tests/Fixtures.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark", "TestSupport"]),
    .testTarget(name: "GuideKitTests", dependencies: ["GuideKit", "TestSupport"]),
    .testTarget(name: "ErrorSearchTests", dependencies: ["ErrorSearch", "TestSupport"]),
    .testTarget(name: "CommandRunnerTests", dependencies: ["CommandRunner", "ArgvPolicy"]),
    .testTarget(
      name: "DoctorModeTests",
      dependencies: ["DoctorMode", "GuideKit", "Diagnostics", "CommandRunner", "TestSupport"]),
    .testTarget(
      name: "ManagementAPITests", dependencies: ["ManagementAPI", "RequestPolicy", "TestSupport"]),
    .testTarget(name: "SafeWriteTests", dependencies: ["_SafeWrite"]),
    .testTarget(
      name: "ArgvPolicyTests",
      dependencies: ["ArgvPolicy", "GuideKit", "CommandRunner", "TestSupport"]),
    .testTarget(
      name: "TroubleshootingEngineTests", dependencies: ["TroubleshootingEngine", "GuideKit"]),
    .testTarget(
      name: "DiagnosticsTests",
      dependencies: ["Diagnostics", "GuideKit", "LogScan", "ErrorSearch", "TestSupport"]),
    .testTarget(
      name: "LogScanTests", dependencies: ["LogScan", "GuideKit", "ErrorSearch", "TestSupport"]),
    // The exported site in a browser: headless chromium, and Selenium with axe-core driven by
    // Browser/site_check.py (.ci/site-python).
    .testTarget(
      name: "SiteExportTests",
      dependencies: [
        "SiteExport", "GuideKit", "ErrorSearch", "TestSupport",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      exclude: ["Browser"]
    ),
    .testTarget(name: "CLITests", dependencies: ["rmq-doctor", "rmq-doctor-mcp", "TestSupport"]),
    // rmq-doctor against a live RabbitMQ with real pika clients (Clients/): .ci/with-broker.
    .testTarget(
      name: "LiveBrokerTests", dependencies: ["rmq-doctor", "TestSupport"], exclude: ["Clients"]),
    // The MCP server end to end: the official Python client (.ci/mcp-python) against the binary.
    .testTarget(
      name: "MCPServerTests",
      dependencies: [
        "rmq-doctor", "rmq-doctor-mcp", "TestSupport", "ErrorSearch", "GuideKit",
        "TroubleshootingEngine", "DoctorMode",
        "LogScan",
      ],
      exclude: ["Client"]
    ),
    // Search accuracy on the shipped guides against Tests/Fixtures/eval, the labelled real-world lines.
    .testTarget(
      name: "SearchAccuracyTests", dependencies: ["GuideKit", "ErrorSearch", "TestSupport"]),
    // What the fuzz targets share: the content loaded once, `require`, the replay program.
    .target(name: "FuzzSupport", dependencies: ["GuideKit"], path: "Fuzz/Support"),
    // Fuzz target (libFuzzer, `.ci/fuzz`): the content loader and lint on a guide/YAML file.
    .executableTarget(
      name: "fuzz-front-matter", dependencies: ["FuzzSupport", "GuideKit", "ErrorSearch"],
      path: "Fuzz/FrontMatter"),
    // Fuzz target (libFuzzer, `.ci/fuzz`): query normalising, the search, the saved index.
    .executableTarget(
      name: "fuzz-search", dependencies: ["FuzzSupport", "GuideKit", "ErrorSearch"],
      path: "Fuzz/Search"),
    // Fuzz target (libFuzzer, `.ci/fuzz`): the log scan (line headers, entry assembly, report).
    .executableTarget(
      name: "fuzz-log-scan", dependencies: ["FuzzSupport", "GuideKit", "ErrorSearch", "LogScan"],
      path: "Fuzz/LogScan"),
    // Fuzz target (libFuzzer, `.ci/fuzz`): the gzip reader of the log scan.
    .executableTarget(
      name: "fuzz-gzip", dependencies: ["FuzzSupport", "GuideKit", "ErrorSearch", "LogScan"],
      path: "Fuzz/Gzip"),
    // Fuzz target (libFuzzer, `.ci/fuzz`): every diagnostics parser through OutputReader.
    .executableTarget(
      name: "fuzz-diagnostics",
      dependencies: ["FuzzSupport", "GuideKit", "ErrorSearch", "LogScan", "Diagnostics"],
      path: "Fuzz/Diagnostics"),
  ]
)
