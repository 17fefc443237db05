import Testing
@testable import PlanKit

/// A merge never loses a side: new actions of one id on both sides, and fields that only mean
/// something together.
@Suite("PlanMerge: both sides kept")
struct PlanMergeSidesTests {
    static let base = Recommendation(
        number: 8, addressee: "HM Prison and Probation Service", text: "Review the recall process.",
        status: .partlyAgreed, implementedPart: "The review of timescales",
        reason: Reason(categories: [.affordability], text: "Resourcing will need to be balanced."),
        actions: [Action(id: "8.1", text: "Run a pilot.", target: PlanDate("2021-07"),
                         updates: [Update(date: PlanDate("2021-06")!, text: "Pilot agreed.")])])

    static func merge(_ ours: (inout Recommendation) -> Void, _ theirs: (inout Recommendation) -> Void) -> MergeResult<Recommendation> {
        var o = base, t = base
        ours(&o)
        theirs(&t)
        return PlanMerge.merge(base: base, ours: o, theirs: t)
    }

    @Test("two different new actions with one id are both kept: theirs takes the next free id, and the result says so")
    func sameNewID() {
        let ours = Action(id: "8.2", text: "Ours.", owners: ["Head of Policy"])
        let theirs = Action(id: "8.2", text: "Theirs.", target: PlanDate("2022-06"))
        let result = Self.merge({ $0.actions.append(ours) }, { $0.actions.append(theirs) })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.actions.map(\.id) == ["8.1", "8.2", "8.3"])
        #expect(result.value.actions[1] == ours)
        #expect(result.value.actions[2].text == "Theirs." && result.value.actions[2].target == PlanDate("2022-06"))
        #expect(result.renumbered == [ActionRenumbering(recommendation: 8, from: "8.2", to: "8.3")])
        #expect(result.renumbered[0].description == "Recommendation 8: both sides added action 8.2; theirs is kept as 8.3")
        // The same action added on both sides is one action.
        let same = Self.merge({ $0.actions.append(ours) }, { $0.actions.append(ours); $0.text = "Changed." })
        #expect(same.isClean && same.renumbered.isEmpty)
        #expect(same.value.actions.map(\.id) == ["8.1", "8.2"])
    }

    @Test("the free id skips every id a side holds or the base held")
    func freeIDSkipsUsedOnes() {
        var base = Self.base
        base.actions.append(Action(id: "8.3", text: "Deleted on both sides."))
        var o = base, t = base
        o.actions = [base.actions[0], Action(id: "8.2", text: "Ours."), Action(id: "8.4", text: "Ours too.")]
        t.actions = [base.actions[0], Action(id: "8.2", text: "Theirs.")]
        let result = PlanMerge.merge(base: base, ours: o, theirs: t)
        #expect(result.value.actions.map(\.id) == ["8.1", "8.2", "8.4", "8.5"])
        #expect(result.value.actions.last?.text == "Theirs.")
        #expect(PlanMerge.nextFreeID(after: "1.9", used: ["1.10"]) == "1.11")
        #expect(PlanMerge.nextFreeID(after: "x", used: ["x.1"]) == "x.2")
        #expect(PlanMerge.nextFreeID(after: "1.\(Int.max)", used: []) == "1.\(Int.max).1")
    }

    @Test("a renumbered recommendation: the colliding action is renumbered in the merged numbering")
    func sameNewIDRenumberedRecommendation() {
        let result = Self.merge({ $0.actions.append(Action(id: "8.2", text: "Ours.")) }, { rec in
            rec.number = 9
            rec.actions = [Action(id: "9.1", text: "Run a pilot.", target: PlanDate("2021-07"), updates: rec.actions[0].updates),
                           Action(id: "9.2", text: "Theirs.")]
        })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.actions.map(\.id) == ["9.1", "9.2", "9.3"])
        #expect(result.value.actions.map(\.text) == ["Run a pilot.", "Ours.", "Theirs."])
        #expect(result.renumbered == [ActionRenumbering(recommendation: 9, from: "9.2", to: "9.3")])
    }

    @Test("two different updates of one date added on both sides are both kept")
    func sameDateUpdates() {
        let result = Self.merge({ $0.actions[0].updates.append(Update(date: PlanDate("2021-12")!, text: "Ours.")) },
                                { $0.actions[0].updates.append(Update(date: PlanDate("2021-12")!, text: "Theirs.", state: .inProgress)) })
        #expect(result.isClean, "\(result.conflicts)")
        #expect(result.value.actions[0].updates.map(\.text) == ["Pilot agreed.", "Ours.", "Theirs."])
    }

    @Test("status, implemented part and reason changed on both sides in different ways: each field they differ on is a conflict, ours kept whole")
    func stanceGroup() {
        let result = Self.merge({ rec in
            rec.status = .notAgreed
            rec.implementedPart = nil
            rec.reason = Reason(categories: [.policy], text: "Not government policy.")
        }, { $0.implementedPart = "The review of timescales and of training" })
        #expect(result.conflicts == [
            MergeConflict(recommendation: 8, field: "status", ours: "not-agreed", theirs: "partly-agreed"),
            MergeConflict(recommendation: 8, field: "implemented-part", ours: nil, theirs: "The review of timescales and of training"),
            MergeConflict(recommendation: 8, field: "reason.categories", ours: "policy", theirs: "affordability"),
            MergeConflict(recommendation: 8, field: "reason.text", ours: "Not government policy.", theirs: "Resourcing will need to be balanced."),
        ])
        #expect(result.value.status == .notAgreed && result.value.implementedPart == nil)
        // One side alone changing the group, or both the same way, merges cleanly.
        let one = Self.merge({ $0.status = .agreed; $0.implementedPart = nil; $0.reason = nil }, { $0.text = "Changed." })
        #expect(one.isClean && one.value.status == .agreed && one.value.implementedPart == nil && one.value.text == "Changed.")
    }

    @Test("an action one side completed while the other moved its target: both fields conflict")
    func actionGroup() {
        let result = Self.merge({ $0.actions[0].state = .completed }, { $0.actions[0].target = PlanDate("2022-03"); $0.actions[0].text = "Run a longer pilot." })
        #expect(result.conflicts == [
            MergeConflict(recommendation: 8, field: "actions[8.1].target", ours: "2021-07", theirs: "2022-03"),
            MergeConflict(recommendation: 8, field: "actions[8.1].state", ours: "completed", theirs: "planned"),
        ])
        #expect(result.value.actions[0].text == "Run a longer pilot.")
        #expect(result.value.actions[0].state == .completed && result.value.actions[0].target == PlanDate("2021-07"))
        // An update's state and target go together too.
        let update = Self.merge({ $0.actions[0].updates[0].state = .dropped }, { $0.actions[0].updates[0].target = PlanDate("2022-01") })
        #expect(update.conflicts.map(\.field) == ["actions[8.1].updates[2021-06].state", "actions[8.1].updates[2021-06].target"])
    }
}
