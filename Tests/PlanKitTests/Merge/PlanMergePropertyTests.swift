import PropertyBased
import Testing
@testable import PlanKit

/// Properties of the three-way merge, on generated recommendations and edits of them.
@Suite struct PlanMergePropertyTests {
    /// A base recommendation and two independently edited versions of it.
    struct Triple: Sendable, CustomStringConvertible {
        var base: Recommendation
        var x: Recommendation
        var y: Recommendation
        var description: String { "base \(base)\nx \(x)\ny \(y)" }
    }

    static func recommendation(_ rng: inout any SeededRandomNumberGenerator) -> Recommendation {
        let number = 1 + Int(rng.next() % 30)
        var actions: [Action] = []
        for index in 0..<Int(rng.next() % 5) {
            var updates: [Update] = []
            for _ in 0..<Int(rng.next() % 3) {
                updates.append(Update(date: PropertyTests.planDate(&rng, quarters: false), text: PropertyTests.text(&rng, maxWords: 8),
                                      state: rng.next() % 2 == 0 ? nil : PropertyTests.pick(ActionState.allCases, &rng),
                                      target: rng.next() % 2 == 0 ? nil : PropertyTests.planDate(&rng)))
            }
            actions.append(Action(id: "\(number).\(index + 1)", text: PropertyTests.text(&rng, maxWords: 8),
                                  owners: rng.next() % 2 == 0 ? [] : [PropertyTests.line(&rng, maxWords: 4)],
                                  target: rng.next() % 3 == 0 ? nil : PropertyTests.planDate(&rng),
                                  state: PropertyTests.pick(ActionState.allCases, &rng), updates: updates))
        }
        return Recommendation(number: number, addressee: PropertyTests.line(&rng, maxWords: 5),
                              theme: rng.next() % 2 == 0 ? nil : PropertyTests.line(&rng, maxWords: 3),
                              text: PropertyTests.text(&rng, maxWords: 10), status: PropertyTests.pick(Status.allCases, &rng),
                              response: rng.next() % 2 == 0 ? nil : PropertyTests.text(&rng, maxWords: 6), actions: actions)
    }

    /// Edits the actions whose index has the given parity (and, by `side`, one top-level field):
    /// changed fields, an appended update, a deleted action, new actions with ids of the side's own.
    static func edit(_ rec: Recommendation, parity: Int, side: Int, _ rng: inout any SeededRandomNumberGenerator) -> Recommendation {
        var out = rec
        if rng.next() % 2 == 0 {
            if side == 0 { out.addressee = PropertyTests.line(&rng, maxWords: 5) } else { out.response = PropertyTests.text(&rng, maxWords: 5) }
        }
        var kept: [Action] = []
        for (index, action) in rec.actions.enumerated() {
            guard index % 2 == parity else {
                kept.append(action)
                continue
            }
            var a = action
            switch rng.next() % 6 {
            case 0: continue  // deleted
            case 1: a.text = PropertyTests.text(&rng, maxWords: 6)
            case 2: a.target = PropertyTests.planDate(&rng)
            case 3: a.updates.append(Update(date: PropertyTests.planDate(&rng, quarters: false), text: PropertyTests.text(&rng, maxWords: 5)))
            case 4: a.state = PropertyTests.pick(ActionState.allCases, &rng)
            default: break
            }
            kept.append(a)
        }
        for k in 0..<Int(rng.next() % 3) {
            kept.append(Action(id: "\(rec.number).\(100 * (side + 1) + k)", text: PropertyTests.text(&rng, maxWords: 5)))
        }
        out.actions = kept
        return out
    }

    static let triples = Generator<Triple, Shrink.None<Triple>>(run: { rng in
        let base = recommendation(&rng)
        let parity = Int(rng.next() % 2)
        return Triple(base: base, x: edit(base, parity: parity, side: 0, &rng), y: edit(base, parity: 1 - parity, side: 1, &rng))
    })

    @Test func mergingAVersionWithItselfGivesIt() async {
        await propertyCheck(count: 300, input: Self.triples) { t in
            let same = PlanMerge.merge(base: t.base, ours: t.x, theirs: t.x)
            #expect(same.isClean && same.value == t.x)
            let onlyOurs = PlanMerge.merge(base: t.base, ours: t.x, theirs: t.base)
            #expect(onlyOurs.isClean && onlyOurs.value == t.x)
            let onlyTheirs = PlanMerge.merge(base: t.base, ours: t.base, theirs: t.y)
            #expect(onlyTheirs.isClean && onlyTheirs.value == t.y)
        }
    }

    struct PlanTriple: Sendable {
        var base: PlanInfo
        var x: PlanInfo
        var y: PlanInfo
    }

    /// plan.yaml: a base and two versions with some fields drawn afresh.
    static let planTriples = Generator<PlanTriple, Shrink.None<PlanTriple>>(run: { rng in
        var draws: [PlanInfo] = []
        for _ in 0..<3 { draws.append(PropertyTests.planInfo.run(using: &rng)) }
        func mixed(_ other: PlanInfo, _ rng: inout any SeededRandomNumberGenerator) -> PlanInfo {
            var out = draws[0]
            if rng.next() % 2 == 0 { out.title = other.title }
            if rng.next() % 2 == 0 { out.revisions = other.revisions }
            if rng.next() % 2 == 0 { out.summary = other.summary }
            if rng.next() % 2 == 0 { out.report = other.report }
            return out
        }
        return PlanTriple(base: draws[0], x: mixed(draws[1], &rng), y: mixed(draws[2], &rng))
    })

    @Test func planFilesMergeWithThemselvesAndUnchangedSides() async {
        await propertyCheck(count: 200, input: Self.planTriples) { t in
            let same = PlanMerge.merge(base: t.base, ours: t.x, theirs: t.x)
            #expect(same.isClean && same.value == t.x)
            let onlyOurs = PlanMerge.merge(base: t.base, ours: t.x, theirs: t.base)
            #expect(onlyOurs.isClean && onlyOurs.value == t.x)
            let onlyTheirs = PlanMerge.merge(base: t.base, ours: t.base, theirs: t.y)
            #expect(onlyTheirs.isClean && onlyTheirs.value == t.y)
            // Whatever the conflicts, the merged file reads back as the merged value.
            let merged = PlanMerge.merge(base: t.base, ours: t.x, theirs: t.y)
            let text = PlanMerge.text(of: merged, ours: PlanFormat.parsePlanInfo(Array(CanonicalWriter.write(t.x).utf8), path: "plan.yaml"))
            let parsed = PlanFormat.parsePlanInfo(Array(text.utf8), path: "plan.yaml")
            #expect(parsed.value == merged.value, "\(parsed.diagnostics.map(\.description))\n\(text)")
            #expect(parsed.directives.compactMap(\.conflict).count == merged.conflicts.count)
        }
    }

    @Test func editsOfDifferentActionsMergeCleanlyWithBothSidesEdits() async {
        await propertyCheck(count: 300, input: Self.triples) { t in
            let merged = PlanMerge.merge(base: t.base, ours: t.x, theirs: t.y)
            #expect(merged.isClean, "\(merged.conflicts)")
            #expect(merged.value.addressee == t.x.addressee)
            #expect(merged.value.response == t.y.response)
            // Every action is the version of the side that touched it; deleted ones are gone.
            let fromX = Dictionary(t.x.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let fromY = Dictionary(t.y.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let baseIDs = Set(t.base.actions.map(\.id))
            var expected: [String: Action] = [:]
            for id in Set(fromX.keys).union(fromY.keys) {
                let x = fromX[id], y = fromY[id]
                if baseIDs.contains(id), x == nil || y == nil { continue }  // deleted on one side, untouched on the other
                let base = t.base.actions.first { $0.id == id }
                expected[id] = x != base ? x : y
            }
            #expect(Dictionary(merged.value.actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) == expected)
            #expect(merged.value.actions.count == expected.count)
            // Merging the other way round gives the same plan.
            let swapped = PlanMerge.merge(base: t.base, ours: t.y, theirs: t.x)
            #expect(swapped.value.actions.sorted { $0.id < $1.id } == merged.value.actions.sorted { $0.id < $1.id })
        }
    }

    @Test func conflictingMergesWriteFilesThatReadBackAndFmtKeeps() async {
        await propertyCheck(count: 200, input: Self.triples) { t in
            // Both sides edit every action and the text: as many conflicts as the edits give.
            var x = t.x, y = t.y
            x.text = t.x.text + " ours"
            y.text = t.y.text + " theirs"
            for i in x.actions.indices { x.actions[i].note = "ours \(i)" }
            for i in y.actions.indices { y.actions[i].note = "theirs \(i)\nline" }
            let merged = PlanMerge.merge(base: t.base, ours: x, theirs: y)
            #expect(!merged.isClean)
            let text = PlanMerge.text(of: merged, ours: PlanFormat.parseRecommendation(Array(CanonicalWriter.write(x).utf8), path: "x.yaml"))
            let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "x.yaml")
            #expect(parsed.value == merged.value, "\(parsed.diagnostics.map(\.description))\n\(text)")
            #expect(parsed.directives.compactMap(\.conflict).count == merged.conflicts.count)
            #expect(PlanFormatter.format(Array(text.utf8), path: "x.yaml", kind: .recommendation) == .unchanged)
        }
    }
}
