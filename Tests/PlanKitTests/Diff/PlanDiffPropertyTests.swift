import Foundation
import PropertyBased
import Testing
@testable import PlanKit

/// Properties of the semantic diff on generated plans: one edit anywhere in the model is one
/// change naming that place, and two plans differ in the diff exactly when their canonical files
/// differ (nothing in a plan's meaning goes unreported, nothing is reported that is not there).
@Suite struct PlanDiffPropertyTests {
    typealias RNG = any SeededRandomNumberGenerator

    /// A whole plan: plan.yaml and its recommendations.
    struct GeneratedPlan: Sendable, CustomStringConvertible {
        var info: PlanInfo
        var recommendations: [Recommendation]

        var version: PlanVersion { PlanVersion(info: info, recommendations) }
        /// Path to canonical text of every file.
        var files: [String: String] {
            var files = PlanVersion(info: info, recommendations).files
            files["plan.yaml"] = DiffFixture.planYAML(info)
            return files
        }
        var description: String { files.keys.sorted().map { "# \($0)\n\(files[$0]!)" }.joined(separator: "\n") }
    }

    /// A plan, the plan after one edit, and where the edit is.
    struct Edited: Sendable, CustomStringConvertible {
        var old: GeneratedPlan
        var new: GeneratedPlan
        /// The change's recommendation (nil for plan.yaml) and field (nil for a whole recommendation).
        var recommendation: Int?
        var field: String?
        var kind: ChangeKind?
        var description: String { "edit \(kind?.rawValue ?? "") \(recommendation.map(String.init) ?? "plan") \(field ?? "")\n--- old\n\(old)\n--- new\n\(new)" }
    }

    // MARK: the properties

    @Test func oneEditAnywhereIsOneChangeNamingItsPlace() async throws {
        await propertyCheck(count: 800, input: Self.edited) { e in
            let result = try PlanDiffer.compare(old: DiffFixture.side(e.old.version), new: DiffFixture.side(e.new.version))
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            #expect(result.changes.count == 1, "\(result.changes.map(\.summary))")
            guard let change = result.changes.first else { return }
            #expect(change.field == e.field, "\(change.summary)")
            #expect(change.recommendation == e.recommendation, "\(change.summary)")
            if let kind = e.kind { #expect(change.kind == kind, "\(change.summary)") }
            #expect(!change.summary.isEmpty)
        }
    }

    /// `diff --format json` is written directly: its text is what the encoder gives for the same
    /// changes, on any two plans (one edit, or two plans apart in everything, renumbered and
    /// concerns among them), with labels and counts that need escaping.
    @Test func theJSONWrittenDirectlyIsTheEncodersText() async throws {
        let pairs = Generator<(GeneratedPlan, GeneratedPlan), Shrink.None<(GeneratedPlan, GeneratedPlan)>>(run: { rng in
            let a = Self.plan(&rng)
            return rng.next() % 2 == 0 ? (a, Self.edit(a, &rng).new) : (a, Self.plan(&rng))
        })
        await propertyCheck(count: 300, input: pairs) { pair in
            let result = try PlanDiffer.compare(old: DiffFixture.side(pair.0.version), new: DiffFixture.side(pair.1.version))
            let labels = DiffRenderer.Labels(old: "v1 \"quoted\" \\ /path", new: "the working tree\u{1B}\u{7F}\t é")
            let counts = Dictionary(uniqueKeysWithValues: DiffRenderer.counts(result.changes).map { ($0.kind.rawValue, $0.count) })
            let encoded = JSONOutput.encode(DiffRenderer.JSONDiff(old: labels.old, new: labels.new, counts: counts,
                                                                  parsedFiles: result.parsedFiles, changes: result.changes))
            #expect(DiffRenderer.json(result.changes, labels: labels, parsedFiles: result.parsedFiles) == encoded)
        }
    }

    /// The same, for values holding what JSON escapes (quotes, backslashes, controls, slashes,
    /// characters beyond ASCII, the bidi controls no plan text may hold) in every field a change has.
    @Test func theJSONWrittenDirectlyEscapesAsTheEncoder() throws {
        let odd = ["\"", "\\", "/", "\u{0}", "\u{8}", "\u{C}", "\n", "\r", "\t", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "é", "😀", "a b"]
        var changes: [Change] = []
        for (index, text) in odd.enumerated() {
            var change = Change(kind: ChangeKind.allCases[index % ChangeKind.allCases.count], recommendation: index, oldNumber: index + 1,
                                action: "\(index).1" + text, update: "2021-12" + text, field: "f" + text, old: text, new: text + text,
                                months: index - 5, added: [text], removed: [], words: [WordSegment(kind: .added, text: text)],
                                path: "recommendations/\(text).yaml", summary: "s" + text)
            change.currentTarget = Move(old: text, new: nil)
            change.currentState = Move(old: nil, new: text)
            change.currentOwners = Move(old: text, new: text)
            change.recommendationKind = index % 2 == 0 ? .priorityConcern : nil
            changes.append(change)
        }
        let labels = DiffRenderer.Labels(old: odd.joined(), new: "")
        let counts = Dictionary(uniqueKeysWithValues: DiffRenderer.counts(changes).map { ($0.kind.rawValue, $0.count) })
        let encoded = JSONOutput.encode(DiffRenderer.JSONDiff(old: labels.old, new: labels.new, counts: counts, parsedFiles: 3, changes: changes))
        #expect(DiffRenderer.json(changes, labels: labels, parsedFiles: 3) == encoded)
        #expect(DiffRenderer.json([], labels: labels, parsedFiles: 0)
                == JSONOutput.encode(DiffRenderer.JSONDiff(old: labels.old, new: labels.new, counts: [:], parsedFiles: 0, changes: [])))
    }

    /// `DiffJSON` names each field of a change it writes; a field added to `Change` or to a value
    /// it carries must be written there too, or the JSON would leave it out while the encoder
    /// (and the tests above, which never set it) would not tell. The stored fields, as the
    /// writer knows them:
    @Test func theJSONWriterKnowsEveryStoredField() {
        func fields(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }
        #expect(fields(Change(kind: .planChanged)) == [
            "kind", "recommendation", "oldNumber", "recommendationKind", "action", "update", "field", "old", "new", "months",
            "added", "removed", "words", "currentTarget", "currentState", "currentOwners", "recommendationValue", "actionValue",
            "updateValue", "path", "summary",
        ])
        let update = Update(date: PlanDate("2021-12")!, text: "t")
        let action = Action(id: "1.1", text: "t", updates: [update])
        #expect(fields(UpdateValue(update)) == ["date", "text", "state", "target", "owners"])
        #expect(fields(ActionValue(action)) == ["id", "text", "owners", "target", "state", "note", "updates"])
        let recommendation = Recommendation(number: 1, addressee: "a", text: "t", status: .agreed, actions: [action])
        #expect(fields(RecommendationValue(recommendation)) == [
            "number", "reference", "kind", "addressee", "theme", "text", "status", "implementedPart", "reason", "response", "actions",
        ])
        #expect(fields(RecommendationValue.ReasonValue(categories: [], text: "")) == ["categories", "text"])
        #expect(fields(Move(old: nil, new: nil)) == ["old", "new"])
        #expect(fields(WordSegment(kind: .same, text: "")) == ["kind", "text"])
        #expect(fields(DiffRenderer.JSONDiff(old: "", new: "", counts: [:], parsedFiles: 0, changes: []))
                == ["version", "tool", "old", "new", "counts", "parsedFiles", "changes"])
    }

    @Test func diffIsEmptyExactlyWhenTheCanonicalFilesAreEqual() async throws {
        let pairs = Generator<(GeneratedPlan, GeneratedPlan), Shrink.None<(GeneratedPlan, GeneratedPlan)>>(run: { rng in
            let a = Self.plan(&rng)
            switch rng.next() % 3 {
            case 0: return (a, a)
            case 1: return (a, Self.edit(a, &rng).new)
            default: return (a, Self.plan(&rng))
            }
        })
        let tally = Tally()
        await propertyCheck(count: 600, input: pairs) { pair in
            let (a, b) = pair
            let result = try PlanDiffer.compare(old: DiffFixture.side(a.version), new: DiffFixture.side(b.version))
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
            let same = a.files == b.files
            tally.count(same)
            #expect(result.changes.isEmpty == same, "\(result.changes.map(\.summary))\n--- a\n\(a)\n--- b\n\(b)")
        }
        // Both sides of the "if and only if" were exercised.
        #expect(tally.equal > 50 && tally.different > 50, "\(tally.equal) equal, \(tally.different) different")
    }

    /// How many generated pairs were equal and how many different.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var equal = 0
        private(set) var different = 0

        func count(_ same: Bool) {
            lock.lock()
            if same { equal += 1 } else { different += 1 }
            lock.unlock()
        }
    }

    // MARK: generators

    static let edited = Generator<Edited, Shrink.None<Edited>>(run: { rng in
        edit(plan(&rng), &rng)
    })

    /// Words that stress Markdown and YAML; every text also carries a token of its own, so that
    /// no two texts of a plan are equal by chance.
    static func text(_ rng: inout RNG, words: Int = 8, lines: Bool = true) -> String {
        let pieces = ["word", "plan", "Agreed", "@team", "#12", "$x$", "&lt;", "a|b", "*x*", "`c`", "no", "1.10", "2021-07", ": ", "é"]
        var out: [String] = []
        for _ in 0..<(1 + Int(rng.next() % UInt64(words))) { out.append(pieces[Int(rng.next() % UInt64(pieces.count))]) }
        out.append("t\(rng.next() % 1_000_000_000)")
        var joined = out.joined(separator: " ")
        if lines, rng.next() % 4 == 0 { joined += "\n\nsecond paragraph t\(rng.next() % 1_000_000)" }
        return joined
    }

    static func pick<T>(_ items: [T], _ rng: inout RNG) -> T { items[Int(rng.next() % UInt64(items.count))] }

    /// A small pool of dates, so that updates share dates (keys `2021-12#2`).
    static func month(_ rng: inout RNG) -> PlanDate {
        pick(["2021-03", "2021-06", "2021-12", "2021-12-07", "2022-03"].map { DiffFixture.date($0) }, &rng)
    }

    static func target(_ rng: inout RNG) -> PlanDate {
        pick(["2021-06", "2021-09", "2022-01", "2022-Q2", "2022-03-31", "2023-12"].map { DiffFixture.date($0) }, &rng)
    }

    static func owners(_ rng: inout RNG) -> [String] {
        (0..<(1 + Int(rng.next() % 2))).map { _ in text(&rng, words: 3, lines: false) }
    }

    static func update(_ rng: inout RNG) -> Update {
        Update(date: month(&rng), text: text(&rng),
               state: rng.next() % 2 == 0 ? nil : pick(ActionState.allCases, &rng),
               target: rng.next() % 2 == 0 ? nil : target(&rng),
               owners: rng.next() % 3 == 0 ? owners(&rng) : nil)
    }

    static func action(_ id: String, _ rng: inout RNG) -> Action {
        Action(id: id, text: text(&rng), owners: rng.next() % 3 == 0 ? [] : owners(&rng),
               target: rng.next() % 4 == 0 ? nil : target(&rng), state: pick(ActionState.allCases, &rng),
               note: rng.next() % 3 == 0 ? text(&rng, words: 4, lines: false) : nil,
               updates: (0..<Int(rng.next() % 4)).map { _ in update(&rng) })
    }

    static func reason(_ rng: inout RNG) -> Reason {
        Reason(categories: Array(ReasonCategory.allCases.shuffled(using: &rng).prefix(1 + Int(rng.next() % 2))), text: text(&rng))
    }

    static func recommendation(_ number: Int, _ rng: inout RNG) -> Recommendation {
        let status = pick(Status.allCases, &rng)
        return Recommendation(number: number, addressee: text(&rng, words: 4, lines: false),
                              theme: rng.next() % 2 == 0 ? nil : text(&rng, words: 2, lines: false),
                              text: text(&rng, words: 14), status: status,
                              implementedPart: status == .partlyAgreed && rng.next() % 2 == 0 ? text(&rng) : nil,
                              reason: status != .agreed && rng.next() % 3 != 0 ? reason(&rng) : nil,
                              response: rng.next() % 3 == 0 ? text(&rng) : nil,
                              actions: (0..<Int(rng.next() % 4)).map { action("\(number).\($0 + 1)", &rng) })
    }

    static func day(_ rng: inout RNG) -> Day {
        pick(["2020-11-10", "2020-12-07", "2021-12-07", "2022-12-07"].map { DiffFixture.day($0) }, &rng)
    }

    static func planInfo(_ rng: inout RNG) -> PlanInfo {
        PlanInfo(title: text(&rng, words: 5, lines: false), organisation: text(&rng, words: 3, lines: false),
                 inspectorate: text(&rng, words: 3, lines: false),
                 report: Report(title: text(&rng, words: 5, lines: false), published: rng.next() % 2 == 0 ? nil : day(&rng),
                                url: rng.next() % 2 == 0 ? nil : "https://example.org/r\(rng.next() % 1000)"),
                 submitted: rng.next() % 2 == 0 ? nil : day(&rng),
                 revisions: rng.next() % 2 == 0 ? [] : [Revision(submitted: day(&rng), title: "Action Plan Update")],
                 summary: rng.next() % 2 == 0 ? nil : Summary(agreed: Int(rng.next() % 9), partlyAgreed: Int(rng.next() % 3), notAgreed: 0),
                 introduction: rng.next() % 2 == 0 ? nil : text(&rng, words: 20))
    }

    static func plan(_ rng: inout RNG) -> GeneratedPlan {
        var numbers: [Int] = []
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let n = 1 + Int(rng.next() % 12)
            if !numbers.contains(n) { numbers.append(n) }
        }
        return GeneratedPlan(info: planInfo(&rng), recommendations: numbers.sorted().map { recommendation($0, &rng) })
    }

    /// `value` replaced by another value from `make` (tried until it differs).
    static func other<T: Equatable>(_ value: T, _ rng: inout RNG, _ make: (inout RNG) -> T) -> T {
        for _ in 0..<20 {
            let candidate = make(&rng)
            if candidate != value { return candidate }
        }
        fatalError("no other value")
    }

    static func optional<T>(_ rng: inout RNG, _ make: (inout RNG) -> T) -> T? {
        rng.next() % 3 == 0 ? nil : make(&rng)
    }

    /// One edit at a place drawn from every place of the model.
    static func edit(_ plan: GeneratedPlan, _ rng: inout RNG) -> Edited {
        var new = plan
        var e = Edited(old: plan, new: plan)
        func done() -> Edited {
            e.new = new
            return e
        }
        // plan.yaml, a quarter of the time.
        if rng.next() % 4 == 0 {
            var info = plan.info
            switch rng.next() % 10 {
            case 0: info.title = text(&rng, lines: false); e.field = "title"
            case 1: info.organisation = text(&rng, lines: false); e.field = "organisation"
            case 2: info.inspectorate = text(&rng, lines: false); e.field = "inspectorate"
            case 3: info.report.title = text(&rng, lines: false); e.field = "report.title"
            case 4: info.report.published = other(info.report.published, &rng) { optional(&$0, day) }; e.field = "report.published"
            case 5: info.report.url = other(info.report.url, &rng) { r in optional(&r) { "https://example.org/u\($0.next() % 100_000)" } }; e.field = "report.url"
            case 6: info.submitted = other(info.submitted, &rng) { optional(&$0, day) }; e.field = "submitted"
            case 7:
                if let first = info.revisions.first, rng.next() % 2 == 0 {
                    if rng.next() % 2 == 0 {
                        info.revisions[0].title = text(&rng, words: 3, lines: false)
                        e.field = "revisions[\(first.submitted)].title"
                    } else {
                        info.revisions.removeFirst()
                        e.field = "revisions[\(first.submitted)]"
                    }
                } else {
                    info.revisions.append(Revision(submitted: DiffFixture.day("2023-01-09"), title: "Second Update"))
                    e.field = "revisions[2023-01-09]"
                }
            case 8:
                info.summary = other(info.summary, &rng) { r in optional(&r) { Summary(agreed: Int($0.next() % 9), partlyAgreed: 1, notAgreed: 2) } }
                e.field = "summary"
            default: info.introduction = other(info.introduction, &rng) { optional(&$0) { text(&$0, words: 12) } }; e.field = "introduction"
            }
            e.kind = .planChanged
            new.info = info
            return done()
        }
        let index = Int(rng.next() % UInt64(plan.recommendations.count))
        var rec = plan.recommendations[index]
        let n = rec.number
        e.recommendation = n
        let used = Set(plan.recommendations.map(\.number))
        let free = (1...20).filter { !used.contains($0) }
        switch rng.next() % 14 {
        case 0:
            let m = pick(free, &rng)
            new.recommendations.append(recommendation(m, &rng))
            new.recommendations.sort { $0.number < $1.number }
            (e.recommendation, e.field, e.kind) = (m, nil, .recommendationAdded)
            return done()
        case 1:
            new.recommendations.remove(at: index)
            (e.field, e.kind) = (nil, .recommendationRemoved)
            return done()
        case 2:
            // Renumbered: the file, the number and the actions' ids move together.
            let m = pick(free, &rng)
            rec.number = m
            for i in rec.actions.indices { rec.actions[i].id = "\(m)." + rec.actions[i].id.dropFirst("\(n).".count) }
            new.recommendations[index] = rec
            new.recommendations.sort { $0.number < $1.number }
            (e.recommendation, e.field, e.kind) = (m, "number", .recommendationRenumbered)
            return done()
        case 3: rec.text = text(&rng, words: 14); e.field = "text"
        case 4: rec.addressee = text(&rng, words: 4, lines: false); e.field = "addressee"
        case 5: rec.theme = other(rec.theme, &rng) { optional(&$0) { text(&$0, words: 2, lines: false) } }; e.field = "theme"
        case 6:
            let statuses = Status.allCases.filter { $0 != rec.status }
            rec.status = pick(statuses, &rng); e.field = "status"
        case 7: rec.implementedPart = other(rec.implementedPart, &rng) { optional(&$0) { text(&$0) } }; e.field = "implemented-part"
        case 8: rec.response = other(rec.response, &rng) { optional(&$0) { text(&$0) } }; e.field = "response"
        case 9:
            if let reason = rec.reason, rng.next() % 3 != 0 {
                if rng.next() % 2 == 0 {
                    rec.reason?.categories = other(reason.categories, &rng) { r in
                        Array(ReasonCategory.allCases.shuffled(using: &r).prefix(1 + Int(r.next() % 3)))
                    }
                    e.field = "reason.categories"
                } else {
                    rec.reason?.text = text(&rng); e.field = "reason.text"
                }
            } else {
                rec.reason = rec.reason == nil ? reason(&rng) : nil; e.field = "reason"
            }
        case 10:
            let id = "\(n).\(rec.actions.count + 1)"
            rec.actions.append(action(id, &rng)); e.field = "actions[\(id)]"
        default:
            guard !rec.actions.isEmpty else {
                let id = "\(n).1"
                rec.actions.append(action(id, &rng)); e.field = "actions[\(id)]"
                break
            }
            let a = Int(rng.next() % UInt64(rec.actions.count))
            var action = rec.actions[a]
            let (field, removed) = editAction(&action, &rng)
            if removed { rec.actions.remove(at: a) } else { rec.actions[a] = action }
            e.field = field
        }
        e.kind = nil
        new.recommendations[index] = rec
        return done()
    }

    /// Edits one field of an action (or of one of its updates), or removes it; returns the place.
    static func editAction(_ action: inout Action, _ rng: inout RNG) -> (field: String, removed: Bool) {
        let base = "actions[\(action.id)]"
        let updateEdit = !action.updates.isEmpty && rng.next() % 2 == 0
        if !updateEdit {
            switch rng.next() % 8 {
            case 0:
                return (base, true)
            case 1: action.text = text(&rng); return (base + ".text", false)
            case 2: action.owners = other(action.owners, &rng) { r in r.next() % 3 == 0 ? [] : owners(&r) }; return (base + ".owners", false)
            case 3: action.target = other(action.target, &rng) { optional(&$0, target) }; return (base + ".target", false)
            case 4: action.state = other(action.state, &rng) { pick(ActionState.allCases, &$0) }; return (base + ".state", false)
            case 5: action.note = other(action.note, &rng) { optional(&$0) { text(&$0, words: 4, lines: false) } }; return (base + ".note", false)
            default:
                let u = Int(rng.next() % UInt64(action.updates.count + 1))
                action.updates.insert(update(&rng), at: u)
                return (base + ".updates[\(RecommendationDiff.keys(action.updates)[u])]", false)
            }
        }
        let u = Int(rng.next() % UInt64(action.updates.count))
        let oldKey = RecommendationDiff.keys(action.updates)[u]
        switch rng.next() % 6 {
        case 0:
            action.updates.remove(at: u)
            return (base + ".updates[\(oldKey)]", false)
        case 1:
            action.updates[u].date = other(action.updates[u].date, &rng, month)
            return (base + ".updates[\(oldKey)].date", false)
        case 2:
            action.updates[u].text = text(&rng)
            return (base + ".updates[\(oldKey)].text", false)
        case 3:
            action.updates[u].state = other(action.updates[u].state, &rng) { optional(&$0) { pick(ActionState.allCases, &$0) } }
            return (base + ".updates[\(oldKey)].state", false)
        case 4:
            action.updates[u].target = other(action.updates[u].target, &rng) { optional(&$0, target) }
            return (base + ".updates[\(oldKey)].target", false)
        default:
            action.updates[u].owners = other(action.updates[u].owners, &rng) { optional(&$0, owners) }
            return (base + ".updates[\(oldKey)].owners", false)
        }
    }
}
