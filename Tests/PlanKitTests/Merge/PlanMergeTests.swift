import Testing
@testable import PlanKit

/// The three-way merge of plan files by structure.
@Suite("PlanMerge")
struct PlanMergeTests {
    static let base = Recommendation(
        number: 5, addressee: "HM Prison and Probation Service", theme: "Leadership",
        text: "Review the Part B risk assessment process.", status: .agreed,
        actions: [
            Action(id: "5.1", text: "Run a pilot with the Parole Board.", owners: ["Deputy Director, Public Protection Group"],
                   target: PlanDate("2021-07"), updates: [Update(date: PlanDate("2021-06")!, text: "Pilot agreed.")]),
            Action(id: "5.2", text: "Publish revised guidance.", owners: ["Head of Policy"], target: PlanDate("2021-09")),
        ])

    static func merge(_ ours: (inout Recommendation) -> Void, _ theirs: (inout Recommendation) -> Void) -> MergeResult<Recommendation> {
        var o = base, t = base
        ours(&o)
        theirs(&t)
        return PlanMerge.merge(base: base, ours: o, theirs: t)
    }

    @Test("changes to different fields on each side are all kept, without conflict")
    func disjointFields() {
        let result = Self.merge({ $0.addressee = "Ministry of Justice"; $0.actions[0].target = PlanDate("2022-03") },
                                { $0.status = .partlyAgreed; $0.actions[0].owners = ["Head of Policy"]; $0.actions[1].note = "TBC" })
        #expect(result.isClean, "\(result.conflicts)")
        var expected = Self.base
        expected.addressee = "Ministry of Justice"
        expected.status = .partlyAgreed
        expected.actions[0].target = PlanDate("2022-03")
        expected.actions[0].owners = ["Head of Policy"]
        expected.actions[1].note = "TBC"
        #expect(result.value == expected)
    }

    @Test("actions added on both sides are all kept, in id order")
    func bothAddActions() {
        let result = Self.merge({ $0.actions.append(Action(id: "5.4", text: "Ours.")) },
                                { $0.actions.append(Action(id: "5.3", text: "Theirs.")); $0.actions.append(Action(id: "5.10", text: "Tenth.")) })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.actions.map(\.id) == ["5.1", "5.2", "5.3", "5.4", "5.10"])
        // The same the other way round.
        let swapped = PlanMerge.merge(base: Self.base, ours: { var t = Self.base; t.actions += [Action(id: "5.3", text: "Theirs."), Action(id: "5.10", text: "Tenth.")]; return t }(),
                                      theirs: { var o = Self.base; o.actions.append(Action(id: "5.4", text: "Ours.")); return o }())
        #expect(swapped.value == result.value)
    }

    @Test("updates added to the same action on both sides are all kept, in date order")
    func bothAddUpdates() {
        let result = Self.merge({ $0.actions[0].updates.append(Update(date: PlanDate("2021-12")!, text: "Ours, December.", target: PlanDate("2022-03"))) },
                                { $0.actions[0].updates.append(Update(date: PlanDate("2021-09")!, text: "Theirs, September."))
                                  $0.actions[0].updates.append(Update(date: PlanDate("2021-12")!, text: "Theirs, December.")) })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.actions[0].updates.map(\.text) == ["Pilot agreed.", "Theirs, September.", "Ours, December.", "Theirs, December."])
        #expect(result.value.actions[0].currentTarget == PlanDate("2022-03"))
    }

    @Test("an update edited in two different ways is a conflict on its field")
    func updateEditedTwice() {
        let result = Self.merge({ $0.actions[0].updates[0].text = "Pilot agreed in June." },
                                { $0.actions[0].updates[0].text = "Pilot agreed with the Board." })
        #expect(result.conflicts == [MergeConflict(recommendation: 5, field: "actions[5.1].updates[2021-06].text",
                                                   ours: "Pilot agreed in June.", theirs: "Pilot agreed with the Board.")])
        #expect(result.value.actions[0].updates[0].text == "Pilot agreed in June.")
    }

    @Test("an action deleted on one side and changed on the other is a conflict, and the changed action is kept")
    func deleteAgainstChange() throws {
        let result = Self.merge({ $0.actions.remove(at: 1) }, { $0.actions[1].target = PlanDate("2021-12") })
        #expect(result.conflicts.count == 1)
        let conflict = try #require(result.conflicts.first)
        #expect(conflict.recommendation == 5)
        #expect(conflict.field == "actions[5.2]")
        #expect(conflict.ours == nil)
        #expect(conflict.theirs?.contains("Publish revised guidance.") == true)
        #expect(result.value.actions.map(\.id) == ["5.1", "5.2"])
        #expect(result.value.actions[1].target == PlanDate("2021-12"))
        // Deleted on one side and untouched on the other: it goes, cleanly.
        let clean = Self.merge({ $0.actions.remove(at: 1) }, { $0.addressee = "Ministry of Justice" })
        #expect(clean.isClean)
        #expect(clean.value.actions.map(\.id) == ["5.1"])
    }

    @Test("the same change on both sides is no conflict")
    func sameChange() {
        let result = Self.merge({ $0.actions[0].target = PlanDate("2022-03"); $0.theme = nil },
                                { $0.actions[0].target = PlanDate("2022-03"); $0.theme = nil; $0.response = "More." })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.actions[0].target == PlanDate("2022-03"))
        #expect(result.value.theme == nil)
        #expect(result.value.response == "More.")
    }

    @Test("a field changed in two different ways is a conflict naming the recommendation, the field and both values; ours is kept")
    func conflictingField() {
        let result = Self.merge({ $0.actions[0].target = PlanDate("2021-09") }, { $0.actions[0].target = PlanDate("2021-10"); $0.theme = "Staff" })
        #expect(result.conflicts == [MergeConflict(recommendation: 5, field: "actions[5.1].target", ours: "2021-09", theirs: "2021-10")])
        #expect(result.conflicts[0].description == "Recommendation 5: actions[5.1].target: ours \"2021-09\", theirs \"2021-10\"")
        #expect(result.value.actions[0].target == PlanDate("2021-09"))
        #expect(result.value.theme == "Staff")
        // A field removed on one side and changed on the other.
        let removed = Self.merge({ $0.theme = nil }, { $0.theme = "Staff" })
        #expect(removed.conflicts == [MergeConflict(recommendation: 5, field: "theme", ours: nil, theirs: "Staff")])
    }

    @Test("a recommendation renumbered on one side (with its action ids) merges with changes on the other")
    func renumbered() {
        let result = Self.merge({ $0.actions[0].target = PlanDate("2022-03"); $0.actions.append(Action(id: "5.3", text: "New.")) },
                                { rec in
                                    rec.number = 6
                                    for i in rec.actions.indices { rec.actions[i].id = "6." + rec.actions[i].id.dropFirst(2) }
                                    rec.actions[1].state = .completed
                                })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.number == 6)
        #expect(result.value.actions.map(\.id) == ["6.1", "6.2", "6.3"])
        #expect(result.value.actions[0].target == PlanDate("2022-03"))
        #expect(result.value.actions[1].state == .completed)
    }

    @Test("with no base (both sides added the file) equal fields agree and different ones conflict")
    func noBase() {
        var o = Self.base, t = Self.base
        o.response = "Ours."
        t.response = "Theirs."
        t.actions.append(Action(id: "5.3", text: "Theirs."))
        let result = PlanMerge.merge(base: nil, ours: o, theirs: t)
        #expect(result.conflicts.map(\.field) == ["response"])
        #expect(result.value.actions.map(\.id) == ["5.1", "5.2", "5.3"])
    }

    @Test("plan.yaml: revisions added on both sides are kept in date order; a changed title conflicts")
    func planInfo() throws {
        let base = PlanInfo(title: "A plan", organisation: "HMPPS", inspectorate: "HM Inspectorate of Probation",
                            report: Report(title: "A report"), submitted: Day("2020-12-07"))
        var o = base, t = base
        o.revisions = [Revision(submitted: Day("2022-12-01")!, title: "Second update")]
        t.revisions = [Revision(submitted: Day("2021-12-07")!, title: "Action Plan Update")]
        t.report.url = "https://example.org/report"
        let clean = PlanMerge.merge(base: base, ours: o, theirs: t)
        #expect(clean.isClean)
        #expect(clean.value.revisions.map(\.title) == ["Action Plan Update", "Second update"])
        #expect(clean.value.report.url == "https://example.org/report")
        o.title = "Ours"
        t.title = "Theirs"
        let conflicting = PlanMerge.merge(base: base, ours: o, theirs: t)
        #expect(conflicting.conflicts == [MergeConflict(recommendation: nil, field: "title", ours: "Ours", theirs: "Theirs")])
        let text = PlanMerge.text(of: conflicting, ours: PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(o).utf8), path: "plan.yaml"))
        let parsed = PlanFormat.parsePlanInfo(Array(text.utf8), path: "plan.yaml")
        #expect(parsed.value == conflicting.value)
        #expect(parsed.directives.compactMap(\.conflict) == ["title: ours \"Ours\", theirs \"Theirs\""])
        #expect(PlanFormatter.format(Array(text.utf8), path: "plan.yaml", kind: .plan) == .unchanged)
    }

    @Test("the merged text is canonical, keeps our directives and marks each conflict so it still reads and fmt keeps it")
    func mergedText() throws {
        var o = Self.base, t = Self.base
        o.actions[0].target = PlanDate("2021-09")
        t.actions[0].target = PlanDate("2021-10")
        t.actions[1].text = "Publish revised guidance,\nwith \"quotes\" and a line break."
        var ourText = CanonicalWriter.write(o)
        ourText = ourText.replacingOccurrences(of: "  - id: \"5.2\"\n", with: "  - id: \"5.2\"  # plantool: disable=action-measurable\n")
        let ours = PlanFormat.parseRecommendation(Array(ourText.utf8), path: "05.yaml")
        try #require(ours.value == o)
        let result = PlanMerge.merge(base: Self.base, ours: o, theirs: t)
        let text = PlanMerge.text(of: result, ours: ours)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == CanonicalWriter.defaultRecommendationModeline)
        #expect(lines[1] == "# plantool: conflict actions[5.1].target: ours \"2021-09\", theirs \"2021-10\"")
        #expect(lines.contains("  - id: \"5.2\"  # plantool: disable=action-measurable"), "\(text)")
        let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "05.yaml")
        #expect(parsed.value == result.value)
        #expect(parsed.directives.count == 2)
        #expect(PlanFormatter.format(Array(text.utf8), path: "05.yaml", kind: .recommendation) == .unchanged)
        // A conflict over text with line breaks and quotes stays on one comment line.
        var o2 = Self.base
        o2.text = "Ours:\n- one\n- two"
        var t2 = Self.base
        t2.text = "Theirs \"quoted\"\tand\u{7}odd"
        let both = PlanMerge.merge(base: Self.base, ours: o2, theirs: t2)
        let text2 = PlanMerge.text(of: both, ours: PlanFormat.parseRecommendation(Array(CanonicalWriter.write(o2).utf8), path: "05.yaml"))
        let parsed2 = PlanFormat.parseRecommendation(Array(text2.utf8), path: "05.yaml")
        #expect(parsed2.value == both.value, "\(parsed2.diagnostics)")
        #expect(parsed2.directives.compactMap(\.conflict) == ["text: ours \"Ours:\\n- one\\n- two\", theirs \"Theirs \\\"quoted\\\"\\tand\\x07odd\""])
    }

    @Test("the merge-conflict rule reports each marker at the field it names")
    func lintRule() throws {
        var o = Self.base, t = Self.base
        o.actions[1].updates = [Update(date: PlanDate("2021-12")!, text: "Ours.")]
        t.actions[1].updates = [Update(date: PlanDate("2021-12")!, text: "Theirs.")]
        o.actions[1].state = .completed
        t.actions[1].state = .dropped
        var b = Self.base
        b.actions[1].updates = [Update(date: PlanDate("2021-12")!, text: "Base.")]
        let result = PlanMerge.merge(base: b, ours: o, theirs: t)
        #expect(result.conflicts.map(\.field) == ["actions[5.2].state", "actions[5.2].updates[2021-12].text"])
        let text = PlanMerge.text(of: result, ours: PlanFormat.parseRecommendation(Array(CanonicalWriter.write(o).utf8), path: "05.yaml"))
        let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "recommendations/05.yaml")
        let site = RecommendationSite(recommendation: try #require(parsed.value), path: "recommendations/05.yaml",
                                      sourceMap: parsed.sourceMap, directives: parsed.directives)
        let context = LintContext(info: nil, planPath: "plan.yaml", planSourceMap: SourceMap(), recommendations: [site],
                                  configuration: LintConfiguration(), asOf: Day("2022-01-01")!)
        var report = LintReport(rule: MergeConflictMarker())
        MergeConflictMarker().check(context, &report)
        #expect(report.diagnostics.map(\.rule) == ["merge-conflict", "merge-conflict"])
        #expect(report.diagnostics.allSatisfy { $0.severity == .error })
        #expect(report.diagnostics.map(\.location) == [parsed.sourceMap.location(of: "actions[1].state"),
                                                       parsed.sourceMap.location(of: "actions[1].updates[0].text")])
        #expect(report.diagnostics[0].message.contains("actions[5.2].state: ours \"completed\", theirs \"dropped\""))
    }
}
