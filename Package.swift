// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: InterviewCore <- GuideParser, TranscriptStore, TerminalUI <- RehearseCLI <- rehearse;
// NcursesTerminal (TerminalUI <- NcursesTerminal <- RehearseCLI) is the only code that imports ncurses.
// InterviewCore knows no terminal, no file and no clock.
let package = Package(
    name: "Rehearse",
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "InterviewCore"),
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // A bump allocator for libcmark's documents (see its header).
        .target(name: "CCmarkArena", dependencies: ["CCmark"]),
        .target(
            name: "GuideParser",
            dependencies: [
                "InterviewCore",
                "CCmark",
                "CCmarkArena",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // zlib, to store the guide's questions and each session's plan compressed.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "TranscriptStore",
            dependencies: ["InterviewCore", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Screens drawn into a cell buffer: no terminal library, so tests read them as text.
        .target(name: "TerminalUI", dependencies: ["InterviewCore"]),
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that talks to ncurses.
        .target(name: "NcursesTerminal", dependencies: ["TerminalUI", "CNcurses"]),
        .target(
            name: "RehearseCLI",
            dependencies: [
                "InterviewCore",
                "GuideParser",
                "TranscriptStore",
                "TerminalUI",
                "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // The sentence-embedding model: tokenizer and BERT forward pass over memory-mapped weights.
        // Optimized in debug builds too: unoptimized SIMD code is ~100 times slower, which would
        // make `make run`'s debug binary take seconds to judge one answer.
        .target(
            name: "AnswerModel",
            dependencies: ["InterviewCore", "COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(name: "rehearse", dependencies: ["RehearseCLI"]),
        .executableTarget(
            name: "rehearse-bench",
            dependencies: ["GuideParser", "InterviewCore", "CCmark"],
            path: "Benchmarks/ParseBenchmark"
        ),
        .executableTarget(
            name: "rehearse-screen-bench",
            dependencies: ["TerminalUI", "GuideParser", "InterviewCore", "TranscriptStore"],
            path: "Benchmarks/ScreenBenchmark"
        ),
        .executableTarget(
            name: "rehearse-store-bench",
            dependencies: ["TranscriptStore", "InterviewCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/StoreBenchmark"
        ),
        .executableTarget(
            name: "rehearse-practice-bench",
            dependencies: ["TranscriptStore", "GuideParser", "InterviewCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/PracticeBenchmark"
        ),
        .executableTarget(
            name: "rehearse-model-bench",
            dependencies: ["AnswerModel", "COpenBLAS", "GuideParser", "InterviewCore"],
            path: "Benchmarks/ModelBenchmark"
        ),
        .testTarget(name: "InterviewCoreTests", dependencies: ["InterviewCore"]),
        .testTarget(name: "AnswerModelTests", dependencies: ["AnswerModel", "InterviewCore"]),
        .testTarget(name: "GuideParserTests", dependencies: ["GuideParser", "InterviewCore"]),
        .testTarget(name: "TranscriptStoreTests", dependencies: ["TranscriptStore", "InterviewCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "InterviewCore", "GuideParser"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "TerminalUI"]),
        .testTarget(
            name: "RehearseCLITests",
            dependencies: ["RehearseCLI", "rehearse", "InterviewCore", "TranscriptStore"]
        ),
    ]
)
