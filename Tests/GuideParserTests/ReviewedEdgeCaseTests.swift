import Foundation
import InterviewCore
import Testing
@testable import GuideParser

/// Cases found by trying Rehearse as a new user would.
@Suite struct ReviewedEdgeCaseTests {
    @Test func anOverviewHeadingWordedLikeAQuestionStaysInTheBriefing() {
        let guide = GuideLoader.parse("""
            ---
            term: "Team Lead"
            ---

            ## Overview

            Leads are hired for judgement.

            ### What they look for
            - **Ownership**: You finish what you start.

            ### Explain the role
            - **Scope**: Five to eight engineers.

            ## Leadership Questions

            ### Describe a time you disagreed with your manager

            - **Reasoning and Best Practices**:
              - **Disagree and commit**: Say how you moved on.
            - **Follow-up Points**:
              - What would you do differently?
            """, bank: "team-lead")
        #expect(guide.introduction == ["Leads are hired for judgement."])
        #expect(guide.briefing.map(\.heading) == ["What they look for", "Explain the role"])
        #expect(guide.categories.map(\.name) == ["Leadership Questions"])
        #expect(guide.questions.map(\.title) == ["Describe a time you disagreed with your manager"])
        #expect(guide.diagnostics.isEmpty)
    }

    @Test func proseInsideABriefingSectionStaysWithIt() throws {
        let guide = try Fixtures.guide("standard")
        #expect(guide.introduction == ["Robotics teams hire for a blend of software craft and physical intuition."])
        #expect(guide.briefing.count == 3)
        let withProse = GuideLoader.parse("### Certifications\n- **None**: Not required.\n\nPortfolios matter more.\n\n### Technical Questions\n\n#### What?\n\nText.\n", bank: "x")
        #expect(withProse.briefing == [BriefingSection(heading: "Certifications", items: ["None: Not required.", "Portfolios matter more."])])
    }

    @Test func unclosedFrontMatterIsOneErrorAndTheQuestionsAreStillRead() throws {
        let text = try Fixtures.text("standard").replacingOccurrences(of: "revision: 3\n---\n", with: "revision: 3\n\n")
        let guide = GuideLoader.parse(text, bank: "standard")
        #expect(guide.errors.map(\.line) == [1])
        #expect(guide.errors.first?.message.contains("never closed") == true)
        #expect(guide.questions.count == 5)
        #expect(guide.questions.first?.line == 37)
    }

    @Test func numberedCategoryNamesLoseTheirNumbers() {
        let guide = GuideLoader.parse("## 1. Leadership Questions\n\n### Tell me about a hard call?\n\nI made it.\n", bank: "x")
        #expect(guide.categories.map(\.name) == ["Leadership Questions"])
    }

    @Test func utf16IsNamedAsSuch() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("windows.md", Data([0xFF, 0xFE, 0x23, 0x00, 0x20, 0x00]))
        #expect(throws: GuideLoadError.utf16) { try GuideLoader.load(contentsOf: path) }
    }
}

/// Plain YAML scalars take the types Yams' default rules would give them.
@Suite struct FrontMatterTypeTests {
    @Test func plainScalarsAreTypedQuotedOnesStayText() {
        let guide = GuideLoader.parse("---\nterm: \"T\"\nyes: yes\nint: 12\nhex: 0x1F\nfloat: 1.5\nnull: ~\ndate: 2024-01-05\ntime: 4:30\nquoted: \"12\"\nlist: [1, two, false]\nbig: 1_000\ninfinite: .inf\n---\n\n### Technical Questions\n\n#### What?\n\nText.\n", bank: "t")
        #expect(guide.metadata["yes"] == .bool(true))
        #expect(guide.metadata["int"] == .number(12))
        #expect(guide.metadata["hex"] == .number(31))
        #expect(guide.metadata["float"] == .number(1.5))
        #expect(guide.metadata["null"] == .null)
        #expect(guide.metadata["date"] == .string("2024-01-05"))
        #expect(guide.metadata["time"] == .number(270))
        #expect(guide.metadata["quoted"] == .string("12"))
        #expect(guide.metadata["list"] == .array([.number(1), .string("two"), .bool(false)]))
        #expect(guide.metadata["big"] == .number(1000))
        #expect(guide.metadata["infinite"] == .string(".inf")) // JSON has no infinity
    }
}
