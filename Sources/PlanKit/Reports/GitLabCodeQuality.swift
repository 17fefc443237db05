/// `plantool lint --format gitlab`: a GitLab Code Quality report, which a merge request shows
/// beside the changed lines when a job uploads it as `artifacts: reports: codequality`.
extension LintRenderer {
    /// One issue, its keys as GitLab names them.
    struct CodeQualityIssue: Encodable {
        let description: String, checkName: String, fingerprint: String, severity: String
        let location: CodeQualityLocation
        enum CodingKeys: String, CodingKey {
            case description, fingerprint, severity, location
            case checkName = "check_name"
        }
    }

    struct CodeQualityLocation: Encodable {
        let path: String
        let lines: CodeQualityLines
    }

    struct CodeQualityLines: Encodable { var begin: Int }

    /// A JSON array with one issue per finding. A finding without a line (a file that cannot be
    /// read) is placed on line 1, since GitLab requires a line.
    public static func gitlab(_ diagnostics: [Diagnostic]) -> String {
        encode(diagnostics.sorted().map { d in
            let line = d.location?.line ?? 1
            return CodeQualityIssue(description: d.message, checkName: d.rule,
                                    fingerprint: fingerprint(rule: d.rule, path: d.path, line: line, message: d.message),
                                    severity: gitlabSeverity(d.severity),
                                    location: CodeQualityLocation(path: d.path, lines: CodeQualityLines(begin: line)))
        })
    }

    /// GitLab's scale has five steps; an error fails the lint, so it is critical.
    static func gitlabSeverity(_ severity: Severity) -> String {
        switch severity {
        case .error: "critical"
        case .warning: "major"
        case .info: "info"
        }
    }

    /// GitLab matches issues between the base and the merge request by this value, so it depends
    /// only on what the finding is and where: FNV-1a of rule, path, line and message, separated by
    /// a byte no text holds, run twice (from the 64-bit offset basis, then from the upper half of
    /// the 128-bit one) for 32 hex digits.
    static func fingerprint(rule: String, path: String, line: Int, message: String) -> String {
        let bytes = Array([rule, path, String(line), message].joined(separator: "\u{0}").utf8)
        func fnv1a(_ offset: UInt64) -> String {
            var hash = offset
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return fnv1a(0xCBF2_9CE4_8422_2325) + fnv1a(0x6C62_272E_07BB_0142)
    }
}
