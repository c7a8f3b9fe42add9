import AnswerModel
import Testing

@Suite struct ModelLocationTests {
    static let files = ModelLocation.requiredFiles

    func files(in folder: String) -> Set<String> { Set(Self.files.map { folder + "/" + $0 }) }

    @Test func environmentComesFirstAndIsTheOnlyPlaceLookedWhenSet() {
        let present = files(in: "/models/mini").union(files(in: "/opt/x/.build/answer-model"))
        let found = ModelLocation.find(
            environment: ["REHEARSE_MODEL": "/models/mini"], executablePath: "/opt/x/.build/debug/rehearse",
            isFile: present.contains)
        #expect(found.folder == "/models/mini" && found.source == .environment)

        let wrong = ModelLocation.find(
            environment: ["REHEARSE_MODEL": "/models/empty"], executablePath: "/opt/x/.build/debug/rehearse",
            isFile: present.contains)
        #expect(wrong.folder == nil)
        #expect(wrong.reason.contains("REHEARSE_MODEL is /models/empty"))
        #expect(wrong.reason.contains("model.safetensors"))
    }

    @Test func installedPrefixBesideTheBinary() {
        let found = ModelLocation.find(
            environment: [:], executablePath: "/usr/local/bin/rehearse",
            isFile: files(in: "/usr/local/share/rehearse/model").contains)
        #expect(found.folder == "/usr/local/share/rehearse/model" && found.source == .installed)
    }

    @Test func sourceCheckoutFromDebugAndReleaseBuilds() {
        for binary in ["/src/rehearse/.build/debug/rehearse",
                       "/src/rehearse/.build/x86_64-unknown-linux-gnu/release/rehearse"] {
            let found = ModelLocation.find(
                environment: [:], executablePath: binary,
                isFile: files(in: "/src/rehearse/.build/answer-model").contains)
            #expect(found.folder == "/src/rehearse/.build/answer-model" && found.source == .checkout, "\(binary)")
        }
    }

    @Test func aFolderMissingOneFileIsPassedOver() {
        var present = files(in: "/usr/share/rehearse/model")
        present.remove("/usr/share/rehearse/model/tokenizer.json")
        present.formUnion(files(in: "/src/.build/answer-model"))
        let found = ModelLocation.find(environment: [:], executablePath: "/src/.build/debug/rehearse", isFile: present.contains)
        #expect(found.folder == "/src/.build/answer-model")
    }

    @Test func nothingFoundSaysWhereItLookedAndWhatToDo() {
        let found = ModelLocation.find(environment: [:], executablePath: "/nowhere/bin/rehearse", isFile: { _ in false })
        #expect(found.folder == nil && found.source == nil)
        #expect(found.reason.contains("/nowhere/share/rehearse/model"))
        #expect(found.reason.contains("run `make`"))
        #expect(found.reason.contains("REHEARSE_MODEL"))
        let noBinary = ModelLocation.find(environment: [:], executablePath: nil, isFile: { _ in true })
        #expect(noBinary.folder == nil)
    }

    @Test func theCheckoutsOwnModelIsFoundOnDisk() throws {
        // The real file system: tests run from this checkout, where `make` unpacked the model.
        let found = ModelLocation.find(environment: [:], executablePath: #filePath)
        #expect(found.folder != nil, "\(found.reason)")
        #expect(found.folder?.hasSuffix(".build/answer-model") == true)
    }
}
