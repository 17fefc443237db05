import Testing
@testable import PlanKit

/// Lint keeps positions rather than copies, each action's reading rather than its words, and
/// lets each file's bytes go once parsed: none of this may change what it finds.
@Suite struct LintKeepsLessTests {
    static let vague = HistoryFixture.recommendation(1, actions: [
        HistoryFixture.action("1.1", text: "Continue to work with partners"),
        HistoryFixture.action("1.2", state: "dropped", text: "Explore options"),
        HistoryFixture.action("1.3", text: "Review current arrangements by May 2024"),
    ])
    static let none = HistoryFixture.recommendation(2, actions: [])
    static let one = HistoryFixture.recommendation(3, text: "See 1.2 above and recommendation 9", actions: [HistoryFixture.action("3.1")])

    @Test func actionsAreEveryActionOfEverySiteWithItsPath() {
        let loaded = PlanLoader.load(LintFixture.planFiles([Self.vague, Self.none, Self.one]))
        let context = LintContext(info: loaded.info?.value, planPath: "plan.yaml", planSourceMap: SourceMap(),
                                  recommendations: loaded.recommendations.map {
                                      RecommendationSite(recommendation: $0.parsed.value!, path: $0.path, sourceMap: $0.parsed.sourceMap)
                                  },
                                  configuration: LintConfiguration(), asOf: LintFixture.asOf)
        // What the context listed when it copied every action with its site.
        let copied = context.recommendations.flatMap { site in
            site.recommendation.actions.enumerated().map { (site.path, $0.element.id, "actions[\($0.offset)]") }
        }
        let listed = context.actions.map { ($0.site.path, $0.action.id, $0.path) }
        #expect(listed.map(\.0) == copied.map(\.0))
        #expect(listed.map(\.1) == ["1.1", "1.2", "1.3", "3.1"])
        #expect(listed.map(\.1) == copied.map(\.1))
        #expect(listed.map(\.2) == copied.map(\.2))
        #expect(context.actions.count == context.actionTexts.count)
        // The readings: 1.1 is vague and names nothing measurable; 1.3 names a month.
        #expect(context.actionTexts.map { $0.vaguePhrase?.joined(separator: " ") } == ["continue to", nil, nil, nil])
        #expect(context.actionTexts.map(\.namesSomethingMeasurable) == [false, true, true, true])
    }

    /// A plan with every kind of file the reader treats apart: a directive, a file that does not
    /// parse, one misnamed, one unreadable.
    static func files() -> PlanFiles {
        let directive = "# plantool: disable-file=action-specific\n"
            + HistoryFixture.recommendation(4, actions: [HistoryFixture.action("4.1", text: "Continue to work with partners")])
        var files = LintFixture.planFiles([Self.vague, Self.none, Self.one, directive],
                                          files: [("recommendations/05.yaml", "number: 5\ntext: [unclosed\n"),
                                                  ("recommendations/6.yaml", HistoryFixture.recommendation(6, actions: []))])
        files.recommendationFiles.append(PlanFiles.File(path: "recommendations/07.yaml", contents: .failure(PlanFileError("cannot read the file"))))
        return files
    }

    @Test func lettingBytesGoFindsTheSame() {
        let kept = Self.files()
        var released = Self.files()
        let base = BasePlan.compare(name: "HEAD", base: PlanListing(files: LintFixture.planFiles([Self.none])),
                                    read: { _ in .failure(PlanFileError("not stored")) }, with: released)
        let loadedKept = PlanLoader.load(kept)
        let loadedReleased = PlanLoader.load(releasingBytesOf: &released)
        #expect(loadedReleased.diagnostics == loadedKept.diagnostics)
        #expect(loadedReleased.recommendations.map(\.path) == loadedKept.recommendations.map(\.path))
        // The same model and places, though names are shared and the maps made small.
        #expect(loadedReleased.recommendations.map(\.parsed.value) == loadedKept.recommendations.map(\.parsed.value))
        #expect(loadedReleased.recommendations.map(\.parsed.sourceMap) == loadedKept.recommendations.map(\.parsed.sourceMap))
        let found = Linter.lint(loadedReleased, asOf: LintFixture.asOf, base: base)
        #expect(found == Linter.lint(loadedKept, asOf: LintFixture.asOf, base: base))
        #expect(found.of("action-specific").map(\.path) == ["recommendations/01.yaml"])  // 04's is silenced
        #expect(found.contains { $0.path == "recommendations/05.yaml" })
        // The files keep their paths and read errors, not their bytes.
        #expect(released.recommendationFiles.map(\.path) == kept.recommendationFiles.map(\.path))
        for file in released.recommendationFiles {
            switch file.contents {
            case .success(let bytes): #expect(bytes.isEmpty)
            case .failure(let error): #expect(error.message == "cannot read the file")
            }
        }
    }

    @Test func sharedNamesKeepTheirOwnBytes() throws {
        // Equal as Swift strings, not byte for byte: each file must keep the owner it spells.
        let composed = "Head of Caf\u{E9} Services", decomposed = "Head of Cafe\u{301} Services"
        func recommendation(_ number: Int, owner: String) -> String {
            HistoryFixture.recommendation(number, actions: [HistoryFixture.action("\(number).1")])
                .replacingOccurrences(of: "Head of Public Protection", with: owner)
        }
        var files = LintFixture.planFiles([recommendation(1, owner: composed), recommendation(2, owner: decomposed),
                                           recommendation(3, owner: composed)])
        let loaded = PlanLoader.load(releasingBytesOf: &files)
        let owners = try loaded.recommendations.map { try #require($0.parsed.value?.actions.first?.owners.first) }
        #expect(owners.map { Array($0.utf8) } == [composed, decomposed, composed].map { Array($0.utf8) })
    }

    @Test func ownerListsAreSharedWhereTheyAreTheSameBytes() throws {
        // An update that names new owners: its list is shared with the actions' lists too.
        let update = HistoryFixture.update("2024-01", "Handed over")
            + "        owners:\n          - Head of Public Protection\n"
        let withUpdate = HistoryFixture.recommendation(2, actions: [HistoryFixture.action("2.1", updates: [update]),
                                                                    HistoryFixture.action("2.2")])
        var files = LintFixture.planFiles([Self.vague, withUpdate])
        let kept = PlanLoader.load(files)
        let loaded = PlanLoader.load(releasingBytesOf: &files)
        #expect(loaded.recommendations.map(\.parsed.value) == kept.recommendations.map(\.parsed.value))
        let actions = try loaded.recommendations.flatMap { try #require($0.parsed.value).actions }
        let lists = actions.map(\.owners) + [try #require(actions[3].updates.first?.owners)]
        #expect(lists.count == 6)
        let buffers = Set(lists.map { $0.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) } })
        #expect(buffers.count == 1)
        #expect(lists.allSatisfy { $0 == ["Head of Public Protection"] })
    }

    @Test func sitesAreInTheOrderOfTheirNumbersThenOfTheirFiles() {
        // Files listed 03, 01, then two files giving number 2 (the second misnamed): the first
        // place of a repeated action id is the earliest by number, then by file.
        let two = HistoryFixture.recommendation(2, actions: [HistoryFixture.action("9.1")])
        let files = PlanFiles(displayRoot: "", planFile: nil, recommendationFiles: [
            PlanFiles.File(path: "recommendations/03.yaml", contents: .success(Array(HistoryFixture.recommendation(3, actions: [HistoryFixture.action("9.1")]).utf8))),
            PlanFiles.File(path: "recommendations/01.yaml", contents: .success(Array(HistoryFixture.recommendation(1, actions: []).utf8))),
            PlanFiles.File(path: "recommendations/02.yaml", contents: .success(Array(two.utf8))),
            PlanFiles.File(path: "recommendations/2.yaml", contents: .success(Array(two.utf8))),
        ])
        let found = Linter.lint(PlanLoader.load(files), asOf: LintFixture.asOf).of("action-id-unique")
        #expect(found.map(\.path).sorted() == ["recommendations/03.yaml", "recommendations/2.yaml"])
        #expect(found.allSatisfy { $0.message.contains("first at recommendations/02.yaml:") })
    }

    @Test func crossReferencesAreLookedForOnlyWhereTheirWordsCouldBe() {
        #expect(CrossReference.mentions("see", in: "(SEE 3.1 above)"))
        #expect(CrossReference.mentions("see", in: "overseen by the board"))
        #expect(CrossReference.mentions("recommendation", in: "as Recommendations 3 and 5 ask"))
        #expect(!CrossReference.mentions("recommendation", in: "we recommend it"))
        #expect(!CrossReference.mentions("see", in: "sée"))
        #expect(!CrossReference.mentions("see", in: "se"))
        #expect(CrossReference.references(in: "See Recommendation 4 and see 2.1 above").recommendations == [4])
        #expect(CrossReference.references(in: "See Recommendation 4 and see 2.1 above").actions == ["2.1"])
        #expect(CrossReference.references(in: "Publish the guidance").actions.isEmpty)
    }
}
