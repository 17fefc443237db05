/// A plan file as people read it, for `git diff` and `git log -p` (git's textconv): one
/// recommendation or the plan's details as plain prose lines, current values first. git prints
/// it to a terminal, so no control character or bidirectional control is written raw.
public enum Textconv {
    public static func render(_ bytes: [UInt8], fileName: String) -> String? {
        switch PlanFileKind(fileName: fileName) {
        case .plan:
            return PlanFormat.parsePlanInfo(bytes, path: fileName, keepsPlaces: false).value.map(render)
        case .recommendation:
            return PlanFormat.parseRecommendation(bytes, path: fileName, keepsPlaces: false).value.map(render)
        }
    }

    /// A file that does not parse, as it is, so git still shows its lines, but with every control
    /// character or bidirectional control shown by its stand-in (CRLF line ends read as LF): such
    /// a file is the one most likely to hold them, and git prints this to a terminal.
    public static func shownAsItIs(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        return UnsafeCharacters.neutralised(text)
    }

    public static func render(_ info: PlanInfo) -> String {
        var lines = ["Action plan: \(info.title)", "Organisation: \(info.organisation)", "Inspectorate: \(info.inspectorate)",
                     "A response to: \(info.report.title)"]
        if let published = info.report.published { lines.append("Report published: \(published)") }
        if let url = info.report.url { lines.append("Report: \(url)") }
        if let submitted = info.submitted { lines.append("Action plan submitted: \(submitted)") }
        for revision in info.revisions { lines.append("\(revision.title) submitted: \(revision.submitted)") }
        if let summary = info.summary {
            lines.append("Declared: \(summary.agreed) agreed, \(summary.partlyAgreed) partly agreed, \(summary.notAgreed) not agreed")
        }
        if !info.vocabulary.given.isEmpty { lines.append("Vocabulary: \(info.vocabulary)") }
        if let introduction = info.introduction { lines += ["", introduction] }
        return UnsafeCharacters.neutralised(lines.joined(separator: "\n")) + "\n"
    }

    public static func render(_ rec: Recommendation) -> String {
        let noun = rec.kind.noun.prefix(1).uppercased() + rec.kind.noun.dropFirst()
        var lines = ["\(noun) \(rec.label): \(rec.status.title)"]
        lines.append("To: \(rec.addressee)" + (rec.theme.map { " (\($0))" } ?? ""))
        lines.append(rec.text)
        if let part = rec.implementedPart { lines.append("Part implemented: \(part)") }
        if let reason = rec.reason {
            lines.append("Reason (\(reason.categories.map(\.rawValue).joined(separator: ", "))): \(reason.text)")
        }
        if let response = rec.response { lines += ["Response:", response] }
        for action in rec.actions {
            lines.append("")
            var head = "Action \(action.id): \(action.currentState.rawValue)"
            if let target = action.currentTarget {
                head += ", target \(target)"
                if let first = action.target, first != target { head += " (first \(first))" }
            }
            lines.append(head)
            if !action.currentOwners.isEmpty { lines.append("  Owners: " + action.currentOwners.joined(separator: "; ")) }
            if let note = action.note { lines.append("  Note: \(note)") }
            lines.append(contentsOf: action.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
            for update in action.updates {
                var changes: [String] = []
                if let state = update.state { changes.append(state.rawValue) }
                if let target = update.target { changes.append("target \(target)") }
                if let owners = update.owners { changes.append("owners " + owners.joined(separator: "; ")) }
                lines.append("  Update \(update.date)" + (changes.isEmpty ? "" : " (" + changes.joined(separator: ", ") + ")") + ":")
                lines.append(contentsOf: update.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 })
            }
        }
        return UnsafeCharacters.neutralised(lines.joined(separator: "\n")) + "\n"
    }
}
