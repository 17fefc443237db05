import PlanKit

/// The text an import writes for a plan file that may already exist: an unchanged file is left
/// as it is (nil), so re-importing an exported plan changes nothing in git; a changed one is
/// written canonically with the existing file's modeline and `# plantool:` directives kept.
public enum ImportWriter {
    public static func text(for rec: Recommendation, existing: [UInt8]?) -> String? {
        guard let existing else { return CanonicalWriter.write(rec) }
        let parsed = PlanFormat.parseRecommendation(existing, path: Recommendation.fileName(for: rec.number))
        guard let old = parsed.value, !parsed.diagnostics.hasErrors else { return CanonicalWriter.write(rec) }
        if old == rec { return nil }
        return CanonicalWriter.write(rec, keeping: parsed)
    }

    public static func text(for info: PlanInfo, existing: [UInt8]?) -> String? {
        guard let existing else { return CanonicalWriter.write(info) }
        let parsed = PlanFormat.parsePlanInfo(existing, path: PlanDirectory.planFileName)
        guard let old = parsed.value, !parsed.diagnostics.hasErrors else { return CanonicalWriter.write(info) }
        if old == info { return nil }
        return CanonicalWriter.write(info, keeping: parsed)
    }
}
