import PropertyBased
import Testing
@testable import PlanKit

/// plan.yaml merges keep both sides too: generated edit scripts of one base change every field
/// and add, retitle and remove revisions (often of the same date on both sides); the merge is
/// checked against the rules worked out from the three values.
@Suite struct PlanInfoMergePropertyTests {
    struct Case: Sendable, CustomStringConvertible {
        var base: PlanInfo
        var ours: PlanInfo
        var theirs: PlanInfo
        var description: String { "base \(base)\nours \(ours)\ntheirs \(theirs)" }
    }

    static let days: [Day] = (1...8).map { Day(year: 2021, month: $0, day: 7)! }

    static func value(_ rng: inout any SeededRandomNumberGenerator) -> String { MergeSidesPropertyTests.value(&rng) }
    static func chance(_ n: UInt64, _ rng: inout any SeededRandomNumberGenerator) -> Bool { rng.next() % n == 0 }

    static func edit(_ base: PlanInfo, _ rng: inout any SeededRandomNumberGenerator) -> PlanInfo {
        var p = base
        if chance(4, &rng) { p.title = value(&rng) }
        if chance(4, &rng) { p.organisation = value(&rng) }
        if chance(4, &rng) { p.inspectorate = value(&rng) }
        if chance(4, &rng) { p.report.title = value(&rng) }
        if chance(4, &rng) { p.report.url = chance(2, &rng) ? nil : value(&rng) }
        if chance(4, &rng) { p.report.published = chance(2, &rng) ? nil : PropertyTests.pick(days, &rng) }
        if chance(4, &rng) { p.submitted = chance(2, &rng) ? nil : PropertyTests.pick(days, &rng) }
        if chance(4, &rng) { p.summary = chance(3, &rng) ? nil : Summary(agreed: Int(rng.next() % 3), partlyAgreed: 1, notAgreed: 0) }
        if chance(4, &rng) { p.introduction = chance(2, &rng) ? nil : value(&rng) }
        p.revisions = []
        for var revision in base.revisions {
            if chance(5, &rng) { continue }
            if chance(3, &rng) { revision.title = value(&rng) }
            p.revisions.append(revision)
        }
        let free = days.filter { day in !base.revisions.contains { $0.submitted == day } }
        for day in free.shuffled(using: &rng).prefix(Int(rng.next() % 3)).sorted() {
            p.revisions.append(Revision(submitted: day, title: value(&rng)))
        }
        return p
    }

    static let cases = Generator<Case, Shrink.None<Case>>(run: { rng in
        var base = PropertyTests.planInfo.run(using: &rng)
        base.revisions = days.shuffled(using: &rng).prefix(Int(rng.next() % 3)).sorted().map { Revision(submitted: $0, title: value(&rng)) }
        return Case(base: base, ours: edit(base, &rng), theirs: edit(base, &rng))
    })

    static func expected(_ c: Case) -> (PlanInfo, [MergeConflict]) {
        let b = c.base, o = c.ours, t = c.theirs
        var e = MergeSidesPropertyTests.Expected(number: 0)
        func field<T: Equatable>(_ path: String, _ b: T, _ o: T, _ t: T, _ describe: (T) -> String?) -> T {
            e.field(path, b, o, t, describe)
        }
        var p = b
        p.title = field("title", b.title, o.title, t.title) { $0 }
        p.organisation = field("organisation", b.organisation, o.organisation, t.organisation) { $0 }
        p.inspectorate = field("inspectorate", b.inspectorate, o.inspectorate, t.inspectorate) { $0 }
        p.submitted = field("submitted", b.submitted, o.submitted, t.submitted) { $0?.description }
        p.report.title = field("report.title", b.report.title, o.report.title, t.report.title) { $0 }
        p.report.published = field("report.published", b.report.published, o.report.published, t.report.published) { $0?.description }
        p.report.url = field("report.url", b.report.url, o.report.url, t.report.url) { $0 }
        p.revisions = []
        for br in b.revisions {
            let or = o.revisions.first { $0.submitted == br.submitted }, tr = t.revisions.first { $0.submitted == br.submitted }
            let path = "revisions[\(br.submitted)]"
            switch (or, tr) {
            case (nil, nil): continue
            case (nil, let tr?):
                if tr != br {
                    e.conflicts.append(MergeConflict(recommendation: nil, field: path, ours: nil, theirs: "changed: \(tr.submitted) \(tr.title)"))
                    p.revisions.append(tr)
                }
            case (let or?, nil):
                if or != br {
                    e.conflicts.append(MergeConflict(recommendation: nil, field: path, ours: "changed: \(or.submitted) \(or.title)", theirs: nil))
                    p.revisions.append(or)
                }
            case (let or?, let tr?):
                p.revisions.append(Revision(submitted: br.submitted, title: field(path + ".title", br.title, or.title, tr.title) { $0 }))
            }
        }
        let baseDays = Set(b.revisions.map(\.submitted))
        for or in o.revisions where !baseDays.contains(or.submitted) {
            // A revision of one date added on both sides is one revision: different titles conflict.
            let tr = t.revisions.first { $0.submitted == or.submitted }
            p.revisions.append(tr.map { Revision(submitted: or.submitted, title: e.field("revisions[\(or.submitted)].title", nil, or.title, $0.title) { $0 }) } ?? or)
        }
        for tr in t.revisions where !baseDays.contains(tr.submitted) && !o.revisions.contains(where: { $0.submitted == tr.submitted }) {
            p.revisions.append(tr)
        }
        p.revisions.sort { $0.submitted < $1.submitted }
        p.summary = field("summary", b.summary, o.summary, t.summary) { $0.map { "agreed \($0.agreed), partly-agreed \($0.partlyAgreed), not-agreed \($0.notAgreed)" } }
        p.introduction = field("introduction", b.introduction, o.introduction, t.introduction) { $0 }
        return (p, e.conflicts.map { var c = $0; c.recommendation = nil; return c })
    }

    @Test func planFilesKeepEverySideAndConflictOnlyOnFieldsBothChangedDifferently() async {
        await propertyCheck(count: 500, input: Self.cases) { c in
            let result = PlanMerge.merge(base: c.base, ours: c.ours, theirs: c.theirs)
            let (value, conflicts) = Self.expected(c)
            var merged = result.value
            merged.revisions.sort { $0.submitted < $1.submitted }
            #expect(merged == value)
            #expect(result.conflicts.count == conflicts.count && Set(result.conflicts) == Set(conflicts),
                    "merge: \(result.conflicts)\nrules: \(conflicts)")
            func bytes(_ p: PlanInfo) -> [UInt8] { Array(CanonicalWriter.write(p).utf8) }
            guard case .merged(let text, let fileConflicts, _) = PlanFileMerge.merge(base: bytes(c.base), ours: bytes(c.ours), theirs: bytes(c.theirs),
                                                                                  kind: .plan, path: "plan.yaml") else {
                Issue.record("not merged")
                return
            }
            #expect(fileConflicts == result.conflicts)
            #expect(PlanFormat.parsePlanInfo(Array(text.utf8), path: "plan.yaml").value == result.value)
        }
    }
}
