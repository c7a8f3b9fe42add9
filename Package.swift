// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The release binary carries the Swift runtime and Foundation in itself: only the code it uses
/// is mapped (the shared libraries were 19 MB of the full-screen app's resident memory), the
/// loader binds no Swift library at start, and an installed binary runs without the toolchain.
/// Debug builds, which the tests run, link the shared libraries.
let selfContainedRelease: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib"]
        // The modules were compiled against the shared Foundation, whose link entries leave
        // out its C parts: name them.
        + ["CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections"].flatMap { ["-Xlinker", "-l" + $0] }
        // lld, where glibc (2.36 or later) loads what it packs:
        + (loaderReadsPackedRelocations ? [
            // the binary's 85,000 relative relocations packed into 16 KB (DT_RELR), where gold
            // writes 2 MB that the loader reads at every start;
            "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
            // the functions a session runs placed first and together (Benchmarks/hot-code-order.sh):
            // 2 MB of the binary's 18 MB of code, which the kernel would otherwise map in 64 KB
            // windows, or whole 2 MB folios, around each page touched. Functions it does not
            // name go after them.
            "-Xlinker", "--symbol-ordering-file=" + Context.packageDirectory + "/Sources/rehearse/hot-code.order",
            "-Xlinker", "--no-warn-symbol-ordering",
        ] : []),
        .when(configuration: .release)),
]

/// Whether this machine's glibc reads packed relocations (2.36, Debian 12, and later).
var loaderReadsPackedRelocations: Bool {
    #if os(Linux)
    var buffer = [CChar](repeating: 0, count: 32)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return false }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version = text.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    return version.count >= 2 && (version[0], version[1]) >= (2, 36)
    #else
    return false
    #endif
}

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
                "AnswerModel",
                "GuideParser",
                "TranscriptStore",
                "TerminalUI",
                "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // OpenBLAS, opened when the answer model is first used (see its header).
        .target(name: "CBlas", linkerSettings: [.linkedLibrary("dl")]),
        // The sentence-embedding model: tokenizer and BERT forward pass over memory-mapped weights.
        // Optimized in debug builds too: unoptimized SIMD code is ~100 times slower, which would
        // make `make run`'s debug binary take seconds to judge one answer.
        .target(
            name: "AnswerModel",
            dependencies: ["InterviewCore", "CBlas"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .executableTarget(name: "rehearse", dependencies: ["RehearseCLI"], exclude: ["hot-code.order"], linkerSettings: selfContainedRelease),
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
        // The labelled answers judging is measured on, and the measuring (tests and benchmark).
        .target(name: "JudgingEvaluation", dependencies: ["InterviewCore"], path: "Benchmarks/JudgingEvaluation"),
        .executableTarget(
            name: "rehearse-judge-bench",
            dependencies: ["JudgingEvaluation", "AnswerModel", "GuideParser", "InterviewCore"],
            path: "Benchmarks/JudgeBenchmark"
        ),
        .executableTarget(
            name: "rehearse-store-bench",
            dependencies: ["TranscriptStore", "GuideParser", "InterviewCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/StoreBenchmark"
        ),
        // Memory and start-up of the full-screen app against nano: drives the release binary.
        .executableTarget(
            name: "rehearse-footprint-bench",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/FootprintBenchmark"
        ),
        .executableTarget(
            name: "rehearse-practice-bench",
            dependencies: ["TranscriptStore", "GuideParser", "InterviewCore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/PracticeBenchmark"
        ),
        .executableTarget(
            name: "rehearse-model-bench",
            dependencies: ["AnswerModel", "CBlas", "GuideParser", "InterviewCore"],
            path: "Benchmarks/ModelBenchmark"
        ),
        .testTarget(name: "InterviewCoreTests", dependencies: ["InterviewCore"]),
        .testTarget(name: "AnswerModelTests", dependencies: ["AnswerModel", "InterviewCore"]),
        .testTarget(name: "JudgingTests", dependencies: ["JudgingEvaluation", "AnswerModel", "GuideParser", "InterviewCore"]),
        .testTarget(
            name: "GuideParserTests",
            dependencies: ["GuideParser", "InterviewCore", .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(name: "TranscriptStoreTests", dependencies: ["TranscriptStore", "InterviewCore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "InterviewCore", "GuideParser"]),
        .testTarget(name: "NcursesTerminalTests", dependencies: ["NcursesTerminal", "TerminalUI"]),
        .testTarget(
            name: "RehearseCLITests",
            dependencies: ["RehearseCLI", "rehearse", "InterviewCore", "TranscriptStore", "GuideParser"]
        ),
    ]
)
