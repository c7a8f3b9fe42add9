import Foundation
import Testing

/// Line mode under the faults of the world: signals, a store that goes away, a huge answer.
@Suite struct LineModeReliabilityTests {
    static let start = ["practice", "--questions", "2", "--seed", "6", "--category", "technical", "--think-time", "0", "--no-follow-ups"]

    @Test(arguments: [SIGTERM, SIGHUP])
    func aStopSignalKeepsTheLastLineTyped(signal: Int32) throws {
        for run in 0..<6 {
            let session = try InteractiveSession(Self.start)
            session.waitFor("answer> ")
            session.send("A line typed just before the signal, run \(run).")
            Thread.sleep(forTimeInterval: 0.3)
            session.send(signal: signal)
            session.waitFor("the session stops here, saved as it stands.")
            session.waitFor("is saved: go on with it with `rehearse practice --resume ")
            #expect(session.finish() == 128 + signal)
            let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: session.home)
            #expect(export.stdout.contains("A line typed just before the signal, run \(run)."), "run \(run)")
            let history = try RehearseBinary.run(["history", "--json"], home: session.home)
            #expect((try RehearseBinary.json(history.stdout) as? [[String: Any]])?.first?["state"] as? String == "interrupted")
        }
    }

    @Test func aStoreDeletedMidSessionIsWrittenAgainAndNothingIsFalselySaved() throws {
        let session = try InteractiveSession(Self.start)
        session.waitFor("answer> ")
        session.send("Typed before the store went away.")
        Thread.sleep(forTimeInterval: 1.2)
        try FileManager.default.removeItem(atPath: session.home + "/data")
        session.send("And after.", ".")
        session.review(ticks: "1")
        session.waitFor("answer> ")
        session.send("Second answer.", ".")
        session.review(ticks: "")
        session.waitFor("Saved as session ")
        #expect(session.finish() == 0)
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: session.home)
        #expect(export.status == 0)
        #expect(export.stdout.contains("Typed before the store went away.\\nAnd after."))
        #expect(export.stdout.contains("Second answer."))
    }

    /// A 256 KB tmpfs (the suite runs as root, as CI does) that fills up mid-session.
    @Test func aFullDiskNeverSaysSavedAndTheAnswerComesBack() throws {
        let home = try TemporaryFolder()
        let disk = home.path + "/disk"
        let spare = home.path + "/spare"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: true)
        let mount = try RehearseBinary.run(["-t", "tmpfs", "-o", "size=256k", "tmpfs", disk], executable: "/bin/mount")
        try #require(mount.status == 0, "mounting a small tmpfs needs root: \(mount.stderr)")
        defer { _ = try? RehearseBinary.run([disk], executable: "/bin/umount") }
        let environment = ["REHEARSE_HOME": disk + "/data", "TMPDIR": spare]
        let session = try InteractiveSession(Self.start, home: home.path, environment: environment)
        session.waitFor("answer> ")
        // Fill the disk to the last byte.
        _ = try RehearseBinary.run(["if=/dev/zero", "of=\(disk)/filler", "bs=4k"], executable: "/bin/dd")
        session.send("An answer typed onto a full disk.", ".")
        session.review(ticks: "1")
        session.waitFor("answer> ")
        session.send("The second answer.", ".")
        session.review(ticks: "")
        let status = session.finish()
        let transcript = session.transcript
        // The store may find room again (SQLite gives back the journal's pages after a failed
        // write): then "Saved again" follows the last "NOT SAVED", and the session ends saved.
        let lastFailure = transcript.range(of: "NOT SAVED", options: .backwards)
        let recovered = lastFailure.map { failure in
            transcript.range(of: "Saved again: the session is in the store.", options: .backwards).map { $0.lowerBound > failure.lowerBound } ?? false
        } ?? false
        #expect(!transcript.contains("Saved as session") || lastFailure == nil || recovered, "never saved while not saved")
        try FileManager.default.removeItem(atPath: disk + "/filler")
        if lastFailure != nil, !recovered {
            // Never "saved": the output names the recovery file, which brings the session back.
            #expect(status == 3)
            #expect(!transcript.contains("Saved as session"))
            let named = try #require(transcript.range(of: "`rehearse practice --resume "))
            let path = String(transcript[named.upperBound...].prefix { $0 != "`" })
            #expect(path.hasPrefix(spare), "a full data folder sends the recovery file to TMPDIR")
            let back = try RehearseBinary.run(["practice", "--resume", path, "--plain"], home: home.path, environment: environment)
            #expect(back.status == 0, "\(back.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path), "the recovery file goes once the store has the session")
        } else {
            #expect(status == 0, "saved in the reserved space of the journal")
        }
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: home.path, environment: environment)
        #expect(export.stdout.contains("An answer typed onto a full disk."))
        #expect(export.stdout.contains("The second answer."))
    }

    @Test func aHugeAnswerInManyLinesArrivesWhole() throws {
        let lines = (0..<18_000).map { "line \($0) of a long pasted answer about quantization" }
        let session = try InteractiveSession(Self.start + ["--questions", "1"])
        session.waitFor("answer> ")
        session.send(["A huge answer follows."] + lines + ["."])
        session.waitFor("rubric> ", seconds: 60)
        session.send("")
        if session.waitForAny(["accept> ", "pitfalls> "], seconds: 20) == "accept> " {
            session.send("")
            session.waitFor("pitfalls> ")
        }
        session.send("")
        session.waitFor("Saved as session ")
        #expect(session.finish() == 0)
        let export = try RehearseBinary.run(["export", "latest", "--format", "json"], home: session.home)
        let document = try #require(try RehearseBinary.json(export.stdout) as? [String: Any])
        let answer = try #require((document["questions"] as? [[String: Any]])?.first?["answer"] as? String)
        #expect(answer == (["A huge answer follows."] + lines).joined(separator: "\n"))
    }
}
