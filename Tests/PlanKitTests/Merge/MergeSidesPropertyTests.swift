import PropertyBased
import Testing
@testable import PlanKit

/// A merge never loses a side, on generated recommendations: two edit scripts (ours, theirs) of
/// one base add actions (often with the same new id on both sides), add and remove updates
/// (often of the same date on both sides), remove actions and change every field. The merged
/// value is worked out here from the three values alone, by the README's rules, and must be
/// the merge's, with exactly the conflicts those rules give.
@Suite struct MergeSidesPropertyTests {
    struct Case: Sendable, CustomStringConvertible {
        var base: Recommendation
        var ours: Recommendation
        var theirs: Recommendation
        var description: String { "base \(base)\nours \(ours)\ntheirs \(theirs)" }
    }

    // MARK: generating

    static let words = ["alpha", "beta", "gamma"]
    static let months: [PlanDate] = (1...6).map { .month(year: 2021, month: $0) }
    static let targets: [PlanDate?] = [nil, PlanDate("2022-01"), PlanDate("2022-06"), PlanDate("2023-Q1")]

    /// Mostly one of a few words, so both sides often make the same change; sometimes text that
    /// stresses quoting.
    /// One-line values, so that every field (owners and titles included) may hold them; texts
    /// over several lines are the other merge and diff properties' business.
    static func value(_ rng: inout any SeededRandomNumberGenerator) -> String {
        rng.next() % 5 == 0 ? PropertyTests.line(&rng, maxWords: 6) : PropertyTests.pick(words, &rng)
    }

    static func chance(_ n: UInt64, _ rng: inout any SeededRandomNumberGenerator) -> Bool { rng.next() % n == 0 }

    static func reason(_ rng: inout any SeededRandomNumberGenerator) -> Reason {
        Reason(categories: Array(ReasonCategory.allCases.shuffled(using: &rng).prefix(1 + Int(rng.next() % 2))), text: value(&rng))
    }

    static func update(_ date: PlanDate, _ rng: inout any SeededRandomNumberGenerator) -> Update {
        Update(date: date, text: value(&rng), state: chance(2, &rng) ? nil : PropertyTests.pick(ActionState.allCases, &rng),
               target: PropertyTests.pick(targets, &rng), owners: chance(3, &rng) ? [value(&rng)] : nil)
    }

    static func action(_ id: String, _ rng: inout any SeededRandomNumberGenerator) -> Action {
        var updates: [Update] = []
        for date in months.shuffled(using: &rng).prefix(Int(rng.next() % 3)).sorted(by: PlanMerge.dateLess) {
            updates.append(update(date, &rng))
        }
        return Action(id: id, text: value(&rng), owners: chance(2, &rng) ? [] : [value(&rng)], target: PropertyTests.pick(targets, &rng),
                      state: PropertyTests.pick(ActionState.allCases, &rng), note: chance(2, &rng) ? nil : value(&rng), updates: updates)
    }

    static func base(_ rng: inout any SeededRandomNumberGenerator) -> Recommendation {
        let number = 1 + Int(rng.next() % 30)
        var actions: [Action] = []
        for index in 0..<Int(rng.next() % 4) { actions.append(action("\(number).\(index + 1)", &rng)) }
        return Recommendation(number: number, addressee: value(&rng), theme: chance(2, &rng) ? nil : value(&rng),
                              text: value(&rng), status: PropertyTests.pick(Status.allCases, &rng),
                              implementedPart: chance(2, &rng) ? nil : value(&rng), reason: chance(2, &rng) ? nil : reason(&rng),
                              response: chance(2, &rng) ? nil : value(&rng), actions: actions)
    }

    /// One side's edit script, applied: every field may change, actions and updates may go,
    /// updates and actions may be added (new update dates are never the base's dates of that
    /// action; new action ids are drawn from the three after the base's, so sides collide).
    static func edit(_ base: Recommendation, _ rng: inout any SeededRandomNumberGenerator) -> Recommendation {
        var r = base
        if chance(4, &rng) { r.addressee = value(&rng) }
        if chance(4, &rng) { r.theme = chance(3, &rng) ? nil : value(&rng) }
        if chance(4, &rng) { r.text = value(&rng) }
        if chance(4, &rng) { r.response = chance(3, &rng) ? nil : value(&rng) }
        if chance(3, &rng) { r.status = PropertyTests.pick(Status.allCases, &rng) }
        if chance(3, &rng) { r.implementedPart = chance(3, &rng) ? nil : value(&rng) }
        if chance(4, &rng) { r.reason = chance(3, &rng) ? nil : reason(&rng) }
        if var reason = r.reason, chance(3, &rng) {
            if chance(2, &rng) { reason.text = value(&rng) } else { reason.categories = Self.reason(&rng).categories }
            r.reason = reason
        }
        r.actions = []
        for var action in base.actions {
            if chance(7, &rng) { continue }  // deleted
            if chance(4, &rng) { action.text = value(&rng) }
            if chance(5, &rng) { action.owners = chance(2, &rng) ? [] : [value(&rng)] }
            if chance(4, &rng) { action.target = PropertyTests.pick(targets, &rng) }
            if chance(4, &rng) { action.state = PropertyTests.pick(ActionState.allCases, &rng) }
            if chance(5, &rng) { action.note = chance(2, &rng) ? nil : value(&rng) }
            var updates: [Update] = []
            for var update in action.updates {
                if chance(6, &rng) { continue }  // deleted
                if chance(4, &rng) { update.text = value(&rng) }
                if chance(5, &rng) { update.state = chance(2, &rng) ? nil : PropertyTests.pick(ActionState.allCases, &rng) }
                if chance(5, &rng) { update.target = PropertyTests.pick(targets, &rng) }
                if chance(6, &rng) { update.owners = chance(2, &rng) ? nil : [value(&rng)] }
                updates.append(update)
            }
            let free = months.filter { date in !action.updates.contains { $0.date == date } }
            for date in free.shuffled(using: &rng).prefix(Int(rng.next() % 3)) { updates.append(update(date, &rng)) }
            action.updates = updates
            r.actions.append(action)
        }
        let next = base.actions.count + 1
        for k in [0, 1, 2].shuffled(using: &rng).prefix(Int(rng.next() % 3)).sorted() {
            r.actions.append(action("\(base.number).\(next + k)", &rng))
        }
        return r
    }

    static let cases = Generator<Case, Shrink.None<Case>>(run: { rng in
        let base = base(&rng)
        return Case(base: base, ours: edit(base, &rng), theirs: edit(base, &rng))
    })

    // MARK: the rules, from the values

    /// The merged value and conflicts the README's rules give, with `moved` the ids the merge
    /// gave theirs' colliding new actions (checked separately).
    struct Expected {
        var number: Int
        var conflicts: [MergeConflict] = []

        /// Changed on one side: that side's; the same on both: that; differently: ours, and a
        /// conflict naming both values. `contested` (a group both sides changed differently):
        /// every difference is a conflict.
        mutating func field<T: Equatable>(_ path: String, _ b: T?, _ o: T, _ t: T, contested: Bool = false,
                                          _ describe: (T) -> String?) -> T {
            if o == t { return o }
            if !contested, let b {
                if o == b { return t }
                if t == b { return o }
            }
            conflicts.append(MergeConflict(recommendation: number, field: path, ours: describe(o), theirs: describe(t)))
            return o
        }

        static func contested<G: Equatable>(_ b: G?, _ o: G, _ t: G) -> Bool {
            guard let b else { return false }
            return o != b && t != b && o != t
        }
    }

    static func expected(_ c: Case, moved: [String: String]) -> (Recommendation, [MergeConflict]) {
        let b = c.base, o = c.ours, t = c.theirs
        var e = Expected(number: b.number)
        var r = b
        r.addressee = e.field("addressee", b.addressee, o.addressee, t.addressee) { $0 }
        r.theme = e.field("theme", b.theme, o.theme, t.theme) { $0 }
        r.text = e.field("text", b.text, o.text, t.text) { $0 }
        func stance(_ r: Recommendation) -> [AnyHashable?] { [r.status, r.implementedPart, r.reason] }
        let contested = Expected.contested(stance(b), stance(o), stance(t))
        r.status = e.field("status", b.status, o.status, t.status, contested: contested) { $0.rawValue }
        r.implementedPart = e.field("implemented-part", b.implementedPart, o.implementedPart, t.implementedPart, contested: contested) { $0 }
        r.response = e.field("response", b.response, o.response, t.response) { $0 }
        if let br = b.reason, let or = o.reason, let tr = t.reason {
            r.reason = Reason(categories: e.field("reason.categories", br.categories, or.categories, tr.categories, contested: contested) { PlanMerge.describe($0) },
                              text: e.field("reason.text", br.text, or.text, tr.text, contested: contested) { $0 })
        } else {
            r.reason = e.field("reason", b.reason, o.reason, t.reason, contested: contested) { $0.map(PlanMerge.describe) }
        }
        r.actions = []
        let baseIDs = Set(b.actions.map(\.id))
        for ba in b.actions {
            let oa = o.actions.first { $0.id == ba.id }, ta = t.actions.first { $0.id == ba.id }
            let path = "actions[\(ba.id)]"
            switch (oa, ta) {
            case (nil, nil): continue
            case (nil, let ta?):
                if ta != ba {
                    e.conflicts.append(MergeConflict(recommendation: b.number, field: path, ours: nil, theirs: "changed: action \(ta.id): \(ta.text)"))
                    r.actions.append(ta)
                }
            case (let oa?, nil):
                if oa != ba {
                    e.conflicts.append(MergeConflict(recommendation: b.number, field: path, ours: "changed: action \(oa.id): \(oa.text)", theirs: nil))
                    r.actions.append(oa)
                }
            case (let oa?, let ta?):
                r.actions.append(expectedAction(path, ba, oa, ta, &e))
            }
        }
        for oa in o.actions where !baseIDs.contains(oa.id) { r.actions.append(oa) }
        for ta in t.actions where !baseIDs.contains(ta.id) {
            guard let oa = o.actions.first(where: { $0.id == ta.id }) else { r.actions.append(ta); continue }
            if oa == ta { continue }  // the same action added on both sides: one
            var kept = ta
            kept.id = moved[ta.id] ?? "(not kept)"
            r.actions.append(kept)
        }
        return (r, e.conflicts)
    }

    static func expectedAction(_ path: String, _ b: Action, _ o: Action, _ t: Action, _ e: inout Expected) -> Action {
        var a = b
        a.text = e.field(path + ".text", b.text, o.text, t.text) { $0 }
        a.owners = e.field(path + ".owners", b.owners, o.owners, t.owners) { PlanMerge.describe($0) }
        let contested = Expected.contested([b.state, b.target, b.note] as [AnyHashable?], [o.state, o.target, o.note], [t.state, t.target, t.note])
        a.target = e.field(path + ".target", b.target, o.target, t.target, contested: contested) { $0?.description }
        a.state = e.field(path + ".state", b.state, o.state, t.state, contested: contested) { $0.rawValue }
        a.note = e.field(path + ".note", b.note, o.note, t.note, contested: contested) { $0 }
        a.updates = []
        let baseDates = Set(b.updates.map(\.date))
        for bu in b.updates {
            let ou = o.updates.first { $0.date == bu.date }, tu = t.updates.first { $0.date == bu.date }
            let upath = path + ".updates[\(bu.date)]"
            switch (ou, tu) {
            case (nil, nil): continue
            case (nil, let tu?):
                if tu != bu {
                    e.conflicts.append(MergeConflict(recommendation: e.number, field: upath, ours: nil, theirs: "changed: \(tu.date): \(tu.text)"))
                    a.updates.append(tu)
                }
            case (let ou?, nil):
                if ou != bu {
                    e.conflicts.append(MergeConflict(recommendation: e.number, field: upath, ours: "changed: \(ou.date): \(ou.text)", theirs: nil))
                    a.updates.append(ou)
                }
            case (let ou?, let tu?):
                var u = bu
                let moveContested = Expected.contested([bu.state, bu.target] as [AnyHashable?], [ou.state, ou.target], [tu.state, tu.target])
                u.text = e.field(upath + ".text", bu.text, ou.text, tu.text) { $0 }
                u.state = e.field(upath + ".state", bu.state, ou.state, tu.state, contested: moveContested) { $0?.rawValue }
                u.target = e.field(upath + ".target", bu.target, ou.target, tu.target, contested: moveContested) { $0?.description }
                u.owners = e.field(upath + ".owners", bu.owners, ou.owners, tu.owners) { $0.map(PlanMerge.describe) }
                a.updates.append(u)
            }
        }
        // Every update added on either side; one added on both the same is one.
        let added = o.updates.filter { !baseDates.contains($0.date) }
        a.updates += added + t.updates.filter { !baseDates.contains($0.date) && !added.contains($0) }
        return a
    }

    /// Updates compared as a collection: the order of two added on one date is the merge's to pick.
    static func normalised(_ r: Recommendation) -> Recommendation {
        var r = r
        for i in r.actions.indices { r.actions[i].updates.sort { "\($0)" < "\($1)" } }
        r.actions.sort { PlanMerge.idLess($0.id, $1.id) }
        return r
    }

    @Test func theMergeKeepsEverySideAndConflictsOnlyOnFieldsBothChangedDifferently() async {
        await propertyCheck(count: 600, input: Self.cases) { c in
            let result = PlanMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs)
            // Theirs' colliding new actions: each under a fresh id of its own, after its old one.
            let used = Set((c.base.actions + c.ours.actions + c.theirs.actions).map(\.id))
            let moved = Dictionary(result.renumbered.map { ($0.from, $0.to) }, uniquingKeysWith: { a, _ in a })
            #expect(moved.count == result.renumbered.count)
            #expect(Set(moved.values).count == moved.count && Set(moved.values).isDisjoint(with: used), "\(result.renumbered)")
            for (from, to) in moved {
                #expect(to.hasPrefix("\(c.base.number).") && PlanMerge.idLess(from, to), "\(from) → \(to)")
            }
            let collided = c.theirs.actions.filter { ta in
                !c.base.actions.contains { $0.id == ta.id } && c.ours.actions.contains { $0.id == ta.id && $0 != ta }
            }
            #expect(Set(collided.map(\.id)) == Set(moved.keys))

            let (value, conflicts) = Self.expected(c, moved: moved)
            #expect(Self.normalised(result.value) == Self.normalised(value))
            #expect(result.conflicts.count == conflicts.count && Set(result.conflicts) == Set(conflicts),
                    "merge: \(result.conflicts)\nrules: \(conflicts)")
            // Actions stay in id order.
            let ids = result.value.actions.map(\.id)
            #expect(zip(ids, ids.dropFirst()).allSatisfy { PlanMerge.idLess($0, $1) }, "\(ids)")

            // The merged file, from the three files: reads back as the merged value, one marker a conflict.
            func bytes(_ r: Recommendation) -> [UInt8] { Array(CanonicalWriter.write(r).utf8) }
            let file = PlanFileMerge.merge(base: bytes(c.base), ours: bytes(c.ours), theirs: bytes(c.theirs),
                                           kind: .recommendation, path: "recommendations/\(c.base.number).yaml")
            guard case .merged(let text, let fileConflicts, let renumbered) = file else {
                Issue.record("not merged: \(file)")
                return
            }
            #expect(fileConflicts == result.conflicts && renumbered == result.renumbered)
            let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "merged.yaml")
            #expect(parsed.value == result.value, "\(parsed.diagnostics)")
            #expect(parsed.directives.compactMap(\.conflict).count == result.conflicts.count)
        }
    }

    @Test func directivesOfBothSidesFollowTheirActions() async {
        await propertyCheck(count: 300, input: Self.cases) { c in
            // Each side disables a rule on each of its actions' id lines and one in the whole file.
            func file(_ r: Recommendation, _ side: String) -> [UInt8] {
                var text = CanonicalWriter.write(r)
                for action in r.actions {
                    let line = "  - id: \"\(action.id)\"\n"
                    text = text.replacingOccurrences(of: line, with: "  - id: \"\(action.id)\"  # plantool: disable=\(side)-\(action.id.replacingOccurrences(of: ".", with: "-"))\n")
                }
                let fileWide = "# plantool: disable-file=\(side)-file\n"
                return Array((text.hasPrefix("number:") ? fileWide + text : text.replacingOccurrences(of: "\nnumber:", with: "\n" + fileWide + "number:")).utf8)
            }
            let merged = PlanMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs)
            let result = PlanFileMerge.merge(base: Array(CanonicalWriter.write(c.base).utf8), ours: file(c.ours, "ours"),
                                             theirs: file(c.theirs, "theirs"), kind: .recommendation, path: "x.yaml")
            guard case .merged(let text, _, _) = result else {
                Issue.record("not merged: \(result)")
                return
            }
            let parsed = PlanFormat.parseRecommendation(Array(text.utf8), path: "x.yaml")
            #expect(parsed.value == merged.value)
            // Where each directive is: the id of the action on its line, or the file.
            var found: Set<String> = []
            for directive in parsed.directives where directive.conflict == nil {
                // A directive standing alone is on the line before its field's.
                let line = directive.comment.location.line + (directive.comment.trailing ? 0 : 1)
                let at = directive.wholeFile ? "file"
                    : merged.value.actions.indices.first { parsed.sourceMap.location(of: "actions[\($0)].id")?.line == line }.map { merged.value.actions[$0].id } ?? "?"
                found.insert("\(directive.rules.joined()) at \(at)")
            }
            let moved = Dictionary(merged.renumbered.map { ($0.from, $0.to) }, uniquingKeysWith: { a, _ in a })
            var expected: Set<String> = ["ours-file at file", "theirs-file at file"]
            for (side, actions) in [("ours", c.ours.actions), ("theirs", c.theirs.actions)] {
                for action in actions {
                    let mergedID = side == "theirs" ? moved[action.id] ?? action.id : action.id
                    guard merged.value.actions.contains(where: { $0.id == mergedID }) else { continue }
                    expected.insert("\(side)-\(action.id.replacingOccurrences(of: ".", with: "-")) at \(mergedID)")
                }
            }
            #expect(found == expected, "\(text)")
        }
    }
}
