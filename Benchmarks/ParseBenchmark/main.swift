// Parse benchmark: libcmark's parse of a ~10 MB guide alone, against Rehearse's full load of
// the same file (read, front matter, parse, model, rubric). Run with `make bench`.
import CCmark
import Foundation
import GuideParser
import InterviewCore

// `rehearse-bench [MB] [RUNS]`: the guide's size and how many timed runs (defaults 10 and 9).
// `rehearse-bench --write PATH [MB]` only writes the generated guide, for whole-process runs.
let writePath: String? = {
    let all = Array(CommandLine.arguments.dropFirst())
    guard let flag = all.firstIndex(of: "--write"), flag + 1 < all.count else { return nil }
    return all[flag + 1]
}()
let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
/// glibc's malloc_trim, from malloc.h, which the Glibc module does not import.
@_silgen_name("malloc_trim")
func malloc_trim(_ pad: Int) -> Int32

let targetBytes = (arguments.first ?? 10) * 1_048_576
let runs = arguments.dropFirst().first ?? 9

/// A guide in the reference shape, grown until it reaches `targetBytes`.
func generatedGuide() -> String {
    var text = """
        ---
        term: "Benchmark Guide"
        description: "A generated guide for measuring parse speed."
        tags: ["benchmark"]
        ---

        ## Overview

        ### Background
        - **Degree**: Any engineering field.
        - **Experience**: Shipping software to real users.

        ## Interview Questions and Comprehensive Answers

        """
    let kinds = ["Technical", "Behavioral", "Situational", "Problem-Solving"]
    var number = 0
    while text.utf8.count < targetBytes {
        text += "\n### \(kinds[number / 25 % kinds.count]) Questions\n"
        for _ in 0..<25 {
            number += 1
            text += """

                #### How would you approach design problem number \(number) under a tight latency budget?

                **Answer:**
                - **Definition and Context**:
                  - **Latency budget**: The time allowed from input to result, split across stages.
                  - **Throughput**: How many requests complete per second at that latency.

                - **Examples and Context**:
                  - **Scenario**: A camera pipeline that must answer within 33 ms to keep up with 30 frames per second.

                - **Reasoning and Best Practices**:
                  - **Measure first**: Profile each stage on the target hardware before changing anything.
                  - **Budget each stage**: Give capture, pre-processing, inference and post-processing a share.
                  - **Watch the tail**: Track p99 latency, not only the mean, because users feel the slow cases.

                - **Alternative Considerations**:
                  - **Batching**: Trades latency for throughput when requests can wait.

                - **Pitfalls to Avoid**:
                  - **Optimising blind**: Changing code without a profile often speeds up the wrong stage.
                  - **Lab-only numbers**: Thermal throttling in the field can double latency.

                - **Follow-up Points**:
                  - How would you measure p99 latency on the device?
                  - What would you cut first if the budget shrank by half?

                """
        }
    }
    return text + "\nThat is the end of the generated guide.\n"
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

if let writePath {
    try generatedGuide().write(toFile: writePath, atomically: true, encoding: .utf8)
    exit(0)
}

let path = NSTemporaryDirectory() + "rehearse-bench-\(getpid()).md"
try generatedGuide().write(toFile: path, atomically: true, encoding: .utf8)
defer { try? FileManager.default.removeItem(atPath: path) }

// Each side's result (libcmark's tree, Rehearse's guide) is released outside the timer;
// Rehearse frees libcmark's tree as part of its load, since for it the tree is scratch.
// After each release, malloc_trim settles glibc's heap outside the timer too: otherwise the
// next side's first large allocation pays for consolidating the million small chunks the
// other side just freed, which a fresh process never does.
let clock = ContinuousClock()
var cmarkTimes: [Double] = []
var loadTimes: [Double] = []
var questions = 0
for run in 0...runs {
    var tree: OpaquePointer?
    let cmark = clock.measure {
        let data = FileManager.default.contents(atPath: path)!
        tree = data.withUnsafeBytes { buffer in
            cmark_parse_document(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), buffer.count, CMARK_OPT_DEFAULT)
        }
    }
    cmark_node_free(tree)
    _ = malloc_trim(0)
    var guide: Guide?
    let load = try clock.measure {
        guide = try GuideLoader.load(contentsOf: path)
    }
    questions = guide?.questions.count ?? 0
    guide = nil
    _ = malloc_trim(0)
    if run > 0 { // the first run warms the caches
        cmarkTimes.append(milliseconds(cmark))
        loadTimes.append(milliseconds(load))
    }
}

let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
let cmarkMedian = median(cmarkTimes)
let loadMedian = median(loadTimes)
print("Guide: \(String(format: "%.1f", Double(size) / 1_048_576)) MB, \(questions) questions; medians of \(runs) runs")
print(String(format: "libcmark parse alone:   %8.1f ms", cmarkMedian))
print(String(format: "Rehearse full load:     %8.1f ms", loadMedian))
print(String(format: "Ratio (load / libcmark): %7.2fx", loadMedian / cmarkMedian))

var usage = rusage()
getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
print("Peak resident memory:   \(usage.ru_maxrss / 1024) MB (the whole benchmark process)")
