import Foundation
import InterviewCore
import Testing
@testable import RehearseCLI

/// The home screen lists guides by their counts alone, and reads a guide again when a session
/// is planned from it: the listing must agree with the guide read in full, and lead back to it.
@Suite struct HomeListingTests {
    static func catalog(_ data: TemporaryFolder, environment: [String: String] = [:]) -> BankCatalog {
        BankCatalog(environment: environment, dataDirectory: data.path, executablePath: RehearseBinary.path)
    }

    @Test func everyShippedGuideIsListedWithItsTitleCountsAndFile() throws {
        let data = try TemporaryFolder()
        let catalog = Self.catalog(data)
        let locations = catalog.all()
        #expect(locations.count == 8)
        let (listings, listed) = ScreenPractice.listings(catalog: catalog, extra: [])
        #expect(listings.map(\.name) == locations.map(\.name))
        for (listing, location) in zip(listings, locations) {
            let guide = try LoadedGuide.loading(location).get().guide
            #expect(listing.title == guide.title)
            #expect(listing.questionCount == guide.questions.count)
            #expect(listing.kinds == guide.questionCountsByKind)
            #expect(listing.kinds.values.reduce(0, +) == listing.questionCount)
            #expect(listed[listing.name] == location)
        }
        #expect(listings.map(\.questionCount).reduce(0, +) == 364)
    }

    @Test func aGuideNamedByPathIsListedUnderThatPath() throws {
        let data = try TemporaryFolder()
        let fixture = RehearseBinary.fixture("standard")
        let (listings, listed) = ScreenPractice.listings(catalog: Self.catalog(data), extra: [fixture])
        let listing = try #require(listings.last)
        #expect(listing.name == fixture)
        #expect(listed[fixture]?.path == fixture)
        let guide = try LoadedGuide.loading(try #require(listed[fixture])).get().guide
        #expect(listing.title == guide.title)
        #expect(listing.kinds == guide.questionCountsByKind)
    }

    /// A guide that cannot be read is left out, as before; the others are still listed.
    @Test func anUnreadableGuideIsLeftOut() throws {
        let data = try TemporaryFolder()
        let banks = data.path + "/banks"
        try FileManager.default.createDirectory(atPath: banks, withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x41, 0x00]).write(to: URL(fileURLWithPath: banks + "/broken.md"))
        let (listings, listed) = ScreenPractice.listings(catalog: Self.catalog(data), extra: [])
        #expect(!listings.contains { $0.name == "broken" })
        #expect(listed["broken"] == nil)
        #expect(listings.count == 8)
    }
}
