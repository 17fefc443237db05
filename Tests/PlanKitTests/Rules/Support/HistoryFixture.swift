import Testing
@testable import PlanKit

/// Two versions of a small plan for the history rules: the base (as committed) and the content
/// linted now, each a list of recommendation texts filed as recommendations/01.yaml, 02.yaml, ...
/// (or at the paths given).
enum HistoryFixture {
    /// Recommendation `number` with the given actions (each from `action`).
    static func recommendation(_ number: Int = 1, status: String = "agreed", text: String? = nil, extra: String = "",
                               actions: [String]) -> String {
        var yaml = """
            number: \(number)
            addressee: HM Prison and Probation Service
            text: \(text ?? "Review the Part B risk assessment process and its timescales")
            status: \(status)

            """
        yaml += extra
        if !actions.isEmpty { yaml += "actions:\n" + actions.joined() }
        return yaml
    }

    /// An action with one owner, and the target, state and updates given.
    static func action(_ id: String = "1.1", target: String? = "2024-07", state: String? = nil,
                       text: String = "Publish the revised Part B guidance to all staff", updates: [String] = []) -> String {
        var yaml = "  - id: \"\(id)\"\n    text: \(text)\n    owners:\n      - Head of Public Protection\n"
        if let target { yaml += "    target: \(target)\n" }
        if let state { yaml += "    state: \(state)\n" }
        if !updates.isEmpty { yaml += "    updates:\n" + updates.joined() }
        return yaml
    }

    /// An update of an action: date, text, then state and target when given.
    static func update(_ date: String, _ text: String, state: String? = nil, target: String? = nil) -> String {
        var yaml = "      - date: \(date)\n        text: \(text)\n"
        if let state { yaml += "        state: \(state)\n" }
        if let target { yaml += "        target: \(target)\n" }
        return yaml
    }

    /// Lints `now` against `base` (named `baseName` in messages) and returns every diagnostic.
    static func lint(base: [String], now: [String], baseName: String = "HEAD",
                     configuration: LintConfiguration = LintConfiguration(),
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        lint(base: LintFixture.planFiles(base), now: LintFixture.planFiles(now), baseName: baseName,
             configuration: configuration, sourceLocation: sourceLocation).diagnostics
    }

    /// The same with whole file sets; also returns how many base files were parsed.
    static func lint(base: PlanFiles, now: PlanFiles, baseName: String = "HEAD",
                     configuration: LintConfiguration = LintConfiguration(),
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (diagnostics: [Diagnostic], parsedBaseFiles: Int) {
        let loaded = PlanLoader.load(now)
        let lintBase = BasePlan.compare(name: baseName, base: PlanListing(files: base),
                                        read: { _ in .failure(PlanFileError("not stored")) }, with: now)
        return (Linter.lint(loaded, configuration: configuration, asOf: LintFixture.asOf, base: lintBase), lintBase.parsedFiles)
    }

    /// The 1-based line and column of the `occurrence`-th line (1-based) whose text, without its
    /// indentation, starts with `prefix`; the column is that of the key.
    static func location(of prefix: String, in text: String, occurrence: Int = 1) -> PlanKit.SourceLocation? {
        var seen = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "-" })
            guard trimmed.hasPrefix(prefix) else { continue }
            seen += 1
            if seen == occurrence { return at(index + 1, line.count - trimmed.count + 1) }
        }
        return nil
    }
}
