/// Recommendations are numbered 1, 2, 3 ... with none missing.
struct NumbersContiguous: LintRule {
    let id = "numbers-contiguous"
    let defaultSeverity = Severity.error
    let summary = "Recommendations are numbered from 1 with no gaps."
    let explanation = """
        Every recommendation of the report needs a response. A gap in the numbering (1, 2, 4) usually \
        means one was left out. Add the missing file. (Duplicate numbers are reported as \
        duplicate-number.)
        """
    let needsWholePlan = true

    func check(_ context: LintContext, _ report: inout LintReport) {
        let numbers = Set(context.recommendations.map(\.recommendation.number))
        guard let highest = numbers.max() else { return }
        let missing = (1...highest).filter { !numbers.contains($0) }
        guard !missing.isEmpty else { return }
        let list = missing.count > 10 ? missing.prefix(10).map(String.init).joined(separator: ", ") + ", …" : missing.map(String.init).joined(separator: ", ")
        let path = context.recommendations.first(where: { $0.recommendation.number > missing[0] })?.path ?? context.planPath
        let location = context.recommendations.first(where: { $0.recommendation.number > missing[0] })?.location("number")
        report.add(path, location, "\(Wording.plural(missing.count, "recommendation")) \(list) missing: the numbers run 1 to \(highest); add \(missing.count == 1 ? "its file" : "their files") (\(missing.prefix(3).map { Recommendation.fileName(for: $0) }.joined(separator: ", ")))")
    }
}
