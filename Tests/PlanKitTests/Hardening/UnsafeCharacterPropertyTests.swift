import Foundation
import PropertyBased
import Testing
@testable import PlanKit

/// Control characters and bidirectional controls (`UnsafeCharacters`), put into any field of a
/// plan: the reader refuses every file holding one, written as a YAML escape or raw, naming
/// the character; and every renderer and exporter given a model holding them anyway (defence
/// in depth) writes none of them raw.
@Suite struct UnsafeCharacterPropertyTests {
    /// Every forbidden scalar but the line feed (forbidden only in one-line fields).
    static let forbidden: [Unicode.Scalar] = ([0x00...0x08, 0x0B...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069] as [ClosedRange<UInt32>])
        .flatMap { $0 }.compactMap(Unicode.Scalar.init)
    /// Those that can stand raw in a file without being a line break of the file itself.
    static let rawForbidden = forbidden.filter { $0 != "\r" && $0 != "\u{85}" }

    static func pick<T>(_ items: [T], _ rng: inout any SeededRandomNumberGenerator) -> T {
        items[Int(rng.next() % UInt64(items.count))]
    }

    /// `text` with `scalar` put at a random place.
    static func insert(_ scalar: Unicode.Scalar, into text: String, _ rng: inout any SeededRandomNumberGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        scalars.insert(scalar, at: Int(rng.next() % UInt64(scalars.count + 1)))
        return String(String.UnicodeScalarView(scalars))
    }

    // MARK: fields

    /// A field of a recommendation: its name, whether it may span lines, and how to set it.
    struct Field: Sendable {
        var name: String
        var multiline: Bool
        var set: @Sendable (inout Recommendation, String) -> Void
    }

    static let recommendationFields: [Field] = [
        Field(name: "addressee", multiline: false) { $0.addressee = $1 },
        Field(name: "theme", multiline: false) { $0.theme = $1 },
        Field(name: "text", multiline: true) { $0.text = $1 },
        Field(name: "implemented-part", multiline: true) { $0.implementedPart = $1 },
        Field(name: "text", multiline: true) { rec, value in
            rec.reason = Reason(categories: rec.reason?.categories ?? [.policy], text: value)
        },
        Field(name: "response", multiline: true) { $0.response = $1 },
        Field(name: "id", multiline: false) { rec, value in withAction(&rec) { $0.id = value } },
        Field(name: "text", multiline: true) { rec, value in withAction(&rec) { $0.text = value } },
        Field(name: "owners", multiline: false) { rec, value in withAction(&rec) { $0.owners = ($0.owners.isEmpty ? [] : [$0.owners[0]]) + [value] } },
        Field(name: "note", multiline: true) { rec, value in withAction(&rec) { $0.note = value } },
        Field(name: "text", multiline: true) { rec, value in withUpdate(&rec) { $0.text = value } },
        Field(name: "owners", multiline: false) { rec, value in withUpdate(&rec) { $0.owners = [value] } },
    ]

    static func withAction(_ rec: inout Recommendation, _ change: (inout Action) -> Void) {
        if rec.actions.isEmpty { rec.actions = [Action(id: "\(rec.number).1", text: "Do it")] }
        change(&rec.actions[0])
    }

    static func withUpdate(_ rec: inout Recommendation, _ change: (inout Update) -> Void) {
        withAction(&rec) { action in
            if action.updates.isEmpty { action.updates = [Update(date: .month(year: 2021, month: 12), text: "Done")] }
            change(&action.updates[0])
        }
    }

    struct PlanField: Sendable {
        var name: String
        var multiline: Bool
        var set: @Sendable (inout PlanInfo, String) -> Void
    }

    static let planFields: [PlanField] = [
        PlanField(name: "title", multiline: false) { $0.title = $1 },
        PlanField(name: "organisation", multiline: false) { $0.organisation = $1 },
        PlanField(name: "inspectorate", multiline: false) { $0.inspectorate = $1 },
        PlanField(name: "title", multiline: false) { $0.report.title = $1 },
        PlanField(name: "url", multiline: false) { $0.report.url = $1 },
        PlanField(name: "title", multiline: false) { info, value in
            info.revisions = [Revision(submitted: Day(year: 2021, month: 12, day: 7)!, title: value)]
        },
        PlanField(name: "introduction", multiline: true) { $0.introduction = $1 },
    ]

    // MARK: (a) the reader refuses them, escaped or raw

    /// A valid recommendation file with one forbidden scalar put into one field: written by the
    /// canonical writer (which writes it as a YAML escape, or a line feed as a literal block),
    /// or put raw into the file in place of a marker.
    struct Tainted: Sendable, CustomStringConvertible {
        var bytes: [UInt8]
        var field: String
        var scalar: Unicode.Scalar
        var raw: Bool
        var description: String {
            "\(raw ? "raw" : "escaped") \(UnsafeCharacters.name(scalar)) in '\(field)':\n" + String(decoding: bytes, as: UTF8.self)
        }
    }

    static let marker = "QZXQ"

    /// A forbidden scalar for a field, and the value to write: `base` with the scalar in it, or
    /// (raw) with the marker the file's text will have replaced by the scalar.
    static func taint(multiline: Bool, raw: Bool, _ rng: inout any SeededRandomNumberGenerator) -> (value: String, scalar: Unicode.Scalar) {
        var candidates = raw ? rawForbidden : forbidden
        if !multiline && !raw { candidates.append("\n") }
        let scalar = pick(candidates, &rng)
        let base = multiline ? PropertyTests.text(&rng, maxWords: 12) : PropertyTests.line(&rng, maxWords: 6)
        var scalars = Array(base.unicodeScalars)
        let at = Int(rng.next() % UInt64(scalars.count + 1))
        if raw {
            // The marker holds no space, so the writer never folds it apart.
            return (String(String.UnicodeScalarView(scalars[..<at])) + marker + String(String.UnicodeScalarView(scalars[at...])), scalar)
        }
        scalars.insert(scalar, at: at)
        return (String(String.UnicodeScalarView(scalars)), scalar)
    }

    static let taintedRecommendations = Generator<Tainted, Shrink.None<Tainted>>(run: { rng in
        var rec = PropertyTests.recommendation.run(using: &rng)
        let field = pick(recommendationFields, &rng)
        let raw = rng.next() % 2 == 0
        let (value, scalar) = taint(multiline: field.multiline, raw: raw, &rng)
        field.set(&rec, value)
        var text = CanonicalWriter.write(rec)
        if raw { text = text.replacingOccurrences(of: marker, with: String(scalar)) }
        return Tainted(bytes: Array(text.utf8), field: field.name, scalar: scalar, raw: raw)
    })

    @Test func theReaderRefusesAnyFieldHoldingAForbiddenCharacter() async {
        await propertyCheck(count: 600, input: Self.taintedRecommendations) { tainted in
            let parsed = PlanFormat.parseRecommendation(tainted.bytes, path: "x.yaml")
            #expect(parsed.value == nil, "\(tainted)")
            let refusals = parsed.diagnostics.filter { $0.rule == FormatRule.controlCharacter.id }
            #expect(refusals.contains { $0.message.contains(UnsafeCharacters.name(tainted.scalar)) && $0.severity == .error },
                    "\(parsed.diagnostics)\n\(tainted)")
            #expect(refusals.allSatisfy { $0.location != nil }, "\(tainted)")
        }
    }

    static let taintedPlanFiles = Generator<Tainted, Shrink.None<Tainted>>(run: { rng in
        var info = PropertyTests.planInfo.run(using: &rng)
        let field = pick(planFields, &rng)
        let raw = rng.next() % 2 == 0
        let (value, scalar) = taint(multiline: field.multiline, raw: raw, &rng)
        field.set(&info, value)
        var text = CanonicalWriter.write(info)
        if raw { text = text.replacingOccurrences(of: marker, with: String(scalar)) }
        return Tainted(bytes: Array(text.utf8), field: field.name, scalar: scalar, raw: raw)
    })

    @Test func theReaderRefusesAnyFieldOfPlanYAMLHoldingAForbiddenCharacter() async {
        await propertyCheck(count: 300, input: Self.taintedPlanFiles) { tainted in
            let parsed = PlanFormat.parsePlanInfo(tainted.bytes, path: "plan.yaml")
            #expect(parsed.value == nil, "\(tainted)")
            #expect(parsed.diagnostics.contains { $0.rule == FormatRule.controlCharacter.id && $0.message.contains(UnsafeCharacters.name(tainted.scalar)) },
                    "\(parsed.diagnostics)\n\(tainted)")
        }
    }

    // MARK: (b) every output neutralises them

    /// A plan whose model holds forbidden scalars (line feeds in one-line fields too) in many
    /// fields, as no file can give it: what the outputs do if the reader ever let one through.
    static let taintedPlans = Generator<Plan, Shrink.None<Plan>>(run: { rng in
        func taint(_ text: String, _ rng: inout any SeededRandomNumberGenerator) -> String {
            var out = text
            for _ in 0..<(1 + Int(rng.next() % 3)) { out = insert(pick(forbidden + ["\n"], &rng), into: out, &rng) }
            return out
        }
        var info = PropertyTests.planInfo.run(using: &rng)
        for field in planFields where rng.next() % 2 == 0 { field.set(&info, taint(PropertyTests.line(&rng, maxWords: 4), &rng)) }
        var recommendations: [Recommendation] = []
        for number in 1...(1 + Int(rng.next() % 3)) {
            var rec = PropertyTests.recommendation.run(using: &rng)
            rec.number = number
            for field in recommendationFields where rng.next() % 2 == 0 {
                field.set(&rec, taint(PropertyTests.line(&rng, maxWords: 4), &rng))
            }
            recommendations.append(rec)
        }
        return Plan(info: info, recommendations: recommendations)
    })

    static func unsafe(_ text: String, lineFeeds: Bool = true) -> [String] {
        text.unicodeScalars.filter { !UnsafeCharacters.isAllowed($0, multiline: lineFeeds) }.map(UnsafeCharacters.name)
    }

    @Test func everyOutputNeutralisesThem() async throws {
        await propertyCheck(count: 60, input: Self.taintedPlans) { plan in
            let outputs: [(String, String)] = [
                ("textconv", plan.recommendations.map(Textconv.render).joined() + Textconv.render(plan.info)),
                ("html", HTMLExport.render(OfficialDocument(plan), title: plan.info.title)),
                ("csv", CSVExport.render(plan)),
                ("json", PlanJSON.render(plan)),
            ]
            for (name, output) in outputs {
                #expect(Self.unsafe(output).isEmpty, "\(name): \(Self.unsafe(output))")
            }
            do {
                let data = try DocxWriter.write(OfficialDocument(plan), title: plan.info.title)
                for part in ["word/document.xml", "docProps/core.xml"] {
                    let xml = try DocxSupport.part(part, of: data)
                    #expect(Self.unsafe(xml).isEmpty, "docx \(part): \(Self.unsafe(xml))")
                }
            } catch {
                Issue.record("the Word export failed: \(error)")
            }

            let asOf = Day(year: 2030, month: 1, day: 1)!
            let progress = ProgressReport.make(plan: plan, display: plan.info.title,
                                               source: .commit("abc1234", date: asOf, summary: plan.info.title + "\u{1B}[2K"),
                                               asOf: asOf, owner: nil, dueWithinMonths: 3, history: nil)
            let report = ProgressRenderer.Report(asOf: asOf, plans: [progress])
            for (name, output) in [("status text", ProgressRenderer.text(report)), ("status html", ProgressRenderer.html(report)),
                                   ("status json", JSONOutput.encode(report))] {
                #expect(Self.unsafe(output).isEmpty, "\(name): \(Self.unsafe(output))")
            }

            // Findings quoting the plan's words, with a path as odd.
            // (Without U+FEFF, which Foundation's JSON reader drops: not this test's concern.)
            let words = ([plan.info.title, plan.info.organisation] + plan.recommendations.map(\.addressee))
                .map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
            let diagnostics = words.enumerated().map { index, text in
                Diagnostic(path: "recommendations/\(text).yaml", location: SourceLocation(line: index + 1, column: 1),
                           severity: .error, rule: "unknown-key", message: "unknown key '\(text)'")
            }
            for d in diagnostics { #expect(Self.unsafe(d.description, lineFeeds: false).isEmpty, "\(d.description)") }
            let rules = [LintRenderer.RuleDescription(id: "unknown-key", summary: "s", explanation: "e", severity: .error)]
            for (name, output) in [("lint json", LintRenderer.json(diagnostics, files: 1)), ("github", LintRenderer.github(diagnostics)),
                                   ("sarif", LintRenderer.sarif(diagnostics, rules: rules, version: "1"))] {
                #expect(Self.unsafe(output).isEmpty, "\(name): \(Self.unsafe(output))")
            }
            // JSON keeps the words exact: they read back as they were.
            let decoded = try? JSONSerialization.jsonObject(with: Data(LintRenderer.json(diagnostics, files: 1).utf8)) as? [String: Any]
            let messages = (decoded?["diagnostics"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
            #expect(Set(messages ?? []) == Set(diagnostics.map(\.message)))
        }
    }
}
