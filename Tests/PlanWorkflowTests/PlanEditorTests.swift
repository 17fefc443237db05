import Foundation
import PlanKit
import PlanWorkflow
import TestSupport
import Testing

/// The editing core on a copy of the example plan outside git: each edit rewrites only the
/// files it names, canonically, and is refused with the reason when the result would not lint.
@Suite("Plan editor: edits written canonically and checked as lint checks")
struct PlanEditorTests {
    /// The day the tests judge the plan on: after the December 2022 round they record.
    static let asOf = Day(year: 2022, month: 12, day: 31)!

    /// Every file of the plan folder, by relative path.
    static func snapshot(_ plan: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: plan.appendingPathComponent("recommendations").path)
        for name in names { files["recommendations/" + name] = try Data(contentsOf: plan.appendingPathComponent("recommendations/" + name)) }
        files["plan.yaml"] = try Data(contentsOf: plan.appendingPathComponent("plan.yaml"))
        return files
    }

    static func withPlan(_ body: (URL) throws -> Void) throws {
        try withTemporaryFolder { folder in
            let plan = folder.appendingPathComponent("plan")
            try Examples.copyPlan(to: plan)
            try body(plan)
        }
    }

    /// The paths whose bytes differ between two snapshots.
    static func changed(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    static func isCanonical(_ url: URL) throws -> Bool {
        let bytes = [UInt8](try Data(contentsOf: url))
        return PlanFormatter.format(bytes, path: url.lastPathComponent, kind: PlanFileKind(fileName: url.lastPathComponent)) == .unchanged
    }

    @Test("action update adds a dated update with a new target to 5.1 and rewrites 05.yaml alone, canonically")
    func updateAction() throws {
        try Self.withPlan { plan in
            let before = try Self.snapshot(plan)
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            let update = ActionUpdate(actionID: "5.1", text: "The pilot has ended; the timescale is now 15 days.",
                                      date: try EditDates.update("December 2022"), state: .inProgress,
                                      target: try EditDates.target("Q3 2023"))
            let edit = try editor.edit { try $0.apply(update) }
            #expect(edit.files.map(\.path) == ["recommendations/05.yaml"])
            // The plan's last revision is of December 2021: lint asks for the new round to be recorded.
            #expect(edit.warnings.map(\.rule) == ["update-after-revision"], "\(edit.warnings)")
            try editor.write(edit)
            #expect(Self.changed(before, try Self.snapshot(plan)) == ["recommendations/05.yaml"])
            #expect(try Self.isCanonical(plan.appendingPathComponent("recommendations/05.yaml")))
            let action = try #require(PlanEditor(folder: plan, asOf: Self.asOf).plan.recommendations[4].actions.first)
            #expect(action.updates.last == Update(date: .month(year: 2022, month: 12), text: "The pilot has ended; the timescale is now 15 days.",
                                                  state: .inProgress, target: .quarter(year: 2023, quarter: 3)))
            #expect(action.currentTarget == .quarter(year: 2023, quarter: 3))
        }
    }

    @Test("the edit's changes are what diff lists: one update added to action 5.1")
    func editChanges() throws {
        try Self.withPlan { plan in
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            let edit = try editor.edit { try $0.apply(ActionUpdate(actionID: "5.1", text: "Done.", date: .month(year: 2022, month: 12), state: .completed)) }
            let changes = edit.changes
            #expect(changes.count >= 1)
            #expect(changes.allSatisfy { $0.recommendation == 5 }, "\(changes)")
            #expect(changes.contains { $0.kind == .updateAdded }, "\(changes)")
        }
    }

    @Test("action add gives recommendation 8 the next free id, 8.2, after 8.1")
    func addAction() throws {
        try Self.withPlan { plan in
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            #expect(editor.plan.nextActionID(for: 8) == "8.2")
            var id = ""
            let edit = try editor.edit {
                id = try $0.add(NewAction(recommendation: 8, text: "Deliver recall refresher training to every probation region by March 2023.",
                                          owners: ["Deputy Director, Public Protection Group"], target: .month(year: 2023, month: 3)))
            }
            #expect(id == "8.2")
            #expect(edit.files.map(\.path) == ["recommendations/08.yaml"])
            #expect(edit.plan.recommendations[7].actions.map(\.id) == ["8.1", "8.2"])
            try editor.write(edit)
            #expect(try Self.isCanonical(plan.appendingPathComponent("recommendations/08.yaml")))
        }
    }

    @Test("unknown ids, recommendations, quarters as update dates and empty text are refused before anything is written")
    func badInputs() throws {
        try Self.withPlan { plan in
            let before = try Self.snapshot(plan)
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(ActionUpdate(actionID: "5.9", text: "x", date: .month(year: 2022, month: 12))) } }
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(ActionUpdate(actionID: "5.1", text: "x", date: .quarter(year: 2022, quarter: 4))) } }
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(ActionUpdate(actionID: "5.1", text: "  ", date: .month(year: 2022, month: 12))) } }
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.add(NewAction(recommendation: 42, text: "x")) } }
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(RecommendationChange(number: 42, status: .agreed)) } }
            #expect(throws: WorkflowError.self) { try EditDates.update("Q3 2024") }
            #expect(throws: WorkflowError.self) { try EditDates.target("soon") }
            #expect(throws: WorkflowError.self) { try PlanEditor(folder: plan.deletingLastPathComponent(), asOf: Self.asOf) }
            #expect(try Self.snapshot(plan) == before)
        }
    }

    @Test("an update the linter refuses (dated after the as-of day) is refused with the finding at its line, nothing written")
    func lintRefusal() throws {
        try Self.withPlan { plan in
            let before = try Self.snapshot(plan)
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            do {
                _ = try editor.edit { try $0.apply(ActionUpdate(actionID: "5.1", text: "Later.", date: .month(year: 2023, month: 6))) }
                Issue.record("the edit was not refused")
            } catch let error as WorkflowError {
                #expect(error.exitCode == 1)
                let finding = try #require(error.diagnostics.first { $0.rule == "update-in-future" })
                #expect(finding.path.hasSuffix("recommendations/05.yaml"))
                #expect(finding.location != nil)
            }
            #expect(try Self.snapshot(plan) == before)
        }
    }

    @Test("a plan with errors, or a file not in the canonical layout, is refused before any edit")
    func refusedPlans() throws {
        try Self.withPlan { plan in
            let file = plan.appendingPathComponent("recommendations/03.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\nstatus: agreed\n", with: "\nstatus: maybe\n").utf8).write(to: file)
            #expect(throws: WorkflowError.self) { try PlanEditor(folder: plan, asOf: Self.asOf) }
            try Data(text.utf8).write(to: file)

            let five = plan.appendingPathComponent("recommendations/05.yaml")
            let canonical = try Data(contentsOf: five)
            try Data(String(decoding: canonical, as: UTF8.self).replacingOccurrences(of: "status: agreed", with: "status:   agreed").utf8).write(to: five)
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(ActionUpdate(actionID: "5.1", text: "x", date: .month(year: 2022, month: 12))) } }
            // Another file's layout is no obstacle.
            _ = try editor.edit { try $0.apply(ActionUpdate(actionID: "8.1", text: "Training delivered.", date: .month(year: 2022, month: 12))) }
        }
    }

    @Test("revision start records the round in plan.yaml; a date before the last submission is refused")
    func revision() throws {
        try Self.withPlan { plan in
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            let day = try EditDates.day("2022-12-07")
            let edit = try editor.edit { try $0.startRevision(on: day) }
            #expect(edit.files.map(\.path) == ["plan.yaml"])
            #expect(edit.plan.info.revisions.last == Revision(submitted: day, title: "Action Plan Update"))
            try editor.write(edit)
            #expect(try Self.isCanonical(plan.appendingPathComponent("plan.yaml")))
            let again = try PlanEditor(folder: plan, asOf: Self.asOf)
            #expect(throws: WorkflowError.self) { try again.edit { try $0.startRevision(on: Day(year: 2021, month: 1, day: 1)!) } }
        }
    }

    @Test("recommendation set changes the named fields; empty text removes an optional one")
    func recommendationSet() throws {
        try Self.withPlan { plan in
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            let edit = try editor.edit { try $0.apply(RecommendationChange(number: 2, response: "HMPPS accepts this recommendation.")) }
            #expect(edit.plan.recommendations[1].response == "HMPPS accepts this recommendation.")
            #expect(edit.files.map(\.path) == ["recommendations/02.yaml"])
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(RecommendationChange(number: 2)) } }
            // Recommendation 2 has no response yet: removing it changes nothing, and is refused.
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.apply(RecommendationChange(number: 2, response: "")) } }
            try editor.write(edit)
            let removed = try PlanEditor(folder: plan, asOf: Self.asOf).edit { try $0.apply(RecommendationChange(number: 2, response: "")) }
            #expect(removed.plan.recommendations[1].response == nil)
        }
    }

    @Test("one owner spelt four ways is one group of similar names, not six pairs; unrelated pairs stay apart")
    func similarGroups() {
        let spellings = ["Deputy Director for Business Strategy and Change", "Deputy Director, Business Strategy and Change",
                         "Deputy Director of Business Strategy and Change", "Deputy Director Business Strategy and Change"]
        let groups = OwnerList.groups(spellings + ["Chief Property Officer, MoJ", "Chief Property Officer, MoJ Estates", "Head of Finance"])
        #expect(groups.count == 2, "\(groups)")
        #expect(groups.first?.names == spellings && groups.first?.least == 1 && groups.first?.most == 1, "\(groups)")
        #expect(groups.last?.names == ["Chief Property Officer, MoJ", "Chief Property Officer, MoJ Estates"] && groups.last?.least == 0.8, "\(groups)")
    }

    @Test("owner rename changes every mention in actions and updates; the two spellings of one role are found similar")
    func owners() throws {
        try Self.withPlan { plan in
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            let short = "Senior Responsible Officer, Probation Reform Programme"
            let long = "Senior Responsible Officer for the Probation Reform Programme"
            let pairs = OwnerList.similar(editor.plan.ownerNames)
            #expect(pairs.contains { Set([$0.first, $0.second]) == Set([short, long]) }, "\(pairs)")
            #expect(pairs.allSatisfy { $0.similarity >= OwnerList.similarityThreshold })
            #expect(!pairs.contains { $0.first.hasPrefix("Deputy Director") && $0.second.hasPrefix("Deputy Director") }, "\(pairs)")

            var count = 0
            let edit = try editor.edit { count = try $0.renameOwner(short, to: long) }
            #expect(count >= 1)
            #expect(!edit.plan.ownerNames.contains(short))
            #expect(throws: WorkflowError.self) { try editor.edit { try $0.renameOwner("Nobody", to: long) } }
            let lines = OwnerList.owners(of: editor.plan, asOf: Self.asOf)
            #expect(lines.contains { $0.owner == "Deputy Director, Public Protection Group" && $0.open > 0 })
        }
    }

    @Test("the owners register in .plantool.yaml is renamed line by line, every other byte kept")
    func register() throws {
        try Self.withPlan { plan in
            let config = "# the roles\nowners:\n  - Deputy Director, Public Protection Group\n  - \"Probation Deputy Director, Courts\"\nrules:\n  action-overdue: off\n"
            try Data(config.utf8).write(to: plan.appendingPathComponent(".plantool.yaml"))
            let rewrites = try OwnerRegister.rename("Probation Deputy Director, Courts", to: "Deputy Director, Courts", forPlan: plan)
            #expect(rewrites.count == 1)
            #expect(String(decoding: rewrites[0].new, as: UTF8.self)
                    == "# the roles\nowners:\n  - Deputy Director, Public Protection Group\n  - Deputy Director, Courts\nrules:\n  action-overdue: off\n")
            #expect(try OwnerRegister.rename("Not There", to: "X", forPlan: plan).isEmpty)
        }
    }

    @Test("property: random edits change no file but the one they name", arguments: 0..<12)
    func randomEditsTouchOneFile(seed: Int) throws {
        try Self.withPlan { plan in
            var generator = SplitMix64(state: UInt64(seed + 1))
            let editor = try PlanEditor(folder: plan, asOf: Self.asOf)
            let before = try Self.snapshot(plan)
            let rec = editor.plan.recommendations.randomElement(using: &generator)!
            let path = "recommendations/" + Recommendation.fileName(for: rec.number)
            let words = ["Progress", "review", "complete", "training", "delivered", "regions", "recall", "pilot", "15", "days"]
            let text = (0..<Int.random(in: 3...40, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ") + "."
            let edit: PlanEdit
            if let action = rec.actions.randomElement(using: &generator), Bool.random(using: &generator) {
                let state = [nil, ActionState.inProgress, .completed].randomElement(using: &generator)!
                edit = try editor.edit { try $0.apply(ActionUpdate(actionID: action.id, text: text, date: .month(year: 2022, month: 12), state: state)) }
            } else {
                edit = try editor.edit { try $0.add(NewAction(recommendation: rec.number, text: text, owners: ["Deputy Director, Public Protection Group"],
                                                              target: .month(year: 2023, month: 6))) }
            }
            try editor.write(edit)
            #expect(Self.changed(before, try Self.snapshot(plan)) == [path])
            #expect(try Self.isCanonical(plan.appendingPathComponent(path)))
        }
    }
}
