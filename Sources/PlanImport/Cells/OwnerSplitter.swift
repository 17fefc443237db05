import PlanKit

/// Splits an owner cell that names several post-holders: at " / " and ";", at "/" and ". "
/// between two posts, where it runs two owners named alone elsewhere in the plan together,
/// before a post that follows a complete one ("... MoJ People Group Director of Estates (MoJ)"),
/// and at " and " between two complete posts. " and " or "&" inside one post ("Deputy Director
/// and Head of Strategy, Probation Workforce Programme") is not split.
struct OwnerSplitter {
    /// Owners the plan names on their own.
    var known: Set<String>

    static let roleNouns: Set<String> = [
        "director", "directors", "head", "heads", "officer", "officers", "manager", "managers", "lead",
        "leads", "leader", "leaders", "chief", "coordinator", "coordinators", "co-ordinator", "commissioner",
        "secretary", "minister", "governor", "governors", "inspector", "adviser", "advisor", "specialist",
        "chair", "superintendent", "administrator", "controller", "registrar", "owner",
    ]
    /// Words a post's name starts with.
    static let roleStarters: Set<String> = ["director", "directors", "deputy", "head", "chief", "senior", "executive", "assistant"]
    /// Words that may stand before a role starter inside one post ("Probation Deputy Director").
    static let roleModifiers: Set<String> = [
        "deputy", "senior", "chief", "executive", "assistant", "acting", "interim", "regional", "divisional",
        "probation", "prison", "prisons", "national", "area", "joint", "associate",
    ]
    static let connectors: Set<String> = ["and", "of", "for", "the", "in", "to", "with", "by", "&", "/", "-", "–", "at", "on"]

    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
    }

    static func hasRole(_ text: some StringProtocol) -> Bool {
        words(String(text)).contains { roleNouns.contains($0) }
    }

    /// A post named with its unit: "Director of Estates (MoJ)", "Deputy Director, Courts".
    static func isQualified(_ text: some StringProtocol) -> Bool {
        let t = String(text)
        return t.contains(",") || t.contains(" of ") || t.contains(" for ") || t.contains("(") || t.contains(" - ") || t.contains(" – ")
    }

    /// The text looks like a whole owner, not the start or end of one cut by a page break.
    static func looksComplete(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        guard let first = t.first, first.isUppercase, hasRole(t) else { return false }
        return !endsUnfinished(t)
    }

    /// The owner text stops before its end ("Deputy Director,", "Residential and").
    static func endsUnfinished(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        guard let last = t.last else { return false }
        if ",&/-–(".contains(last) { return true }
        let lastWord = t.split(separator: " ").last.map { $0.lowercased() } ?? ""
        return connectors.contains(lastWord)
    }

    /// The owners named alone in these owner paragraphs (after the separators that always
    /// separate owners): those that look like a whole post, not part of one.
    static func completeOwners(_ paragraphs: [String]) -> Set<String> {
        var hows: [String] = []
        let parts = paragraphs.flatMap { OwnerSplitter(known: []).explicitParts($0, hows: &hows) }
        return Set(parts.filter(looksComplete))
    }

    /// The parts of one owner paragraph and how it was split (nil when it was not).
    func split(_ text: String) -> (owners: [String], how: String?) {
        var hows: [String] = []
        var result: [String] = []
        for part in explicitParts(text, hows: &hows) {
            // Owner cells are short; a long one is prose, not a list of posts run together.
            result += part.count <= 300 ? splitRunTogether(part, hows: &hows) : [part]
        }
        return (result, hows.isEmpty ? nil : hows.joined(separator: "; "))
    }

    /// Separators that always or plainly separate owners.
    func explicitParts(_ text: String, hows: inout [String]) -> [String] {
        var parts = [text.trimmingSpaces]
        func splitAll(_ separator: String, _ name: String, when allowed: (String, String) -> Bool) {
            var out: [String] = []
            for part in parts {
                var pieces = part.components(separatedBy: separator)
                var merged: [String] = [pieces.removeFirst()]
                for piece in pieces {
                    let before = merged[merged.count - 1].trimmingSpaces
                    let after = piece.trimmingSpaces
                    if !before.isEmpty, !after.isEmpty, allowed(before, after) {
                        merged.append(piece)
                        if !hows.contains(name) { hows.append(name) }
                    } else {
                        merged[merged.count - 1] += separator + piece
                    }
                }
                out += merged
            }
            parts = out
        }
        splitAll("\n", "at line breaks") { _, _ in true }
        splitAll(" / ", "at \" / \"") { _, _ in true }
        splitAll("; ", "at \";\"") { _, _ in true }
        splitAll("/", "at \"/\" between two posts") { a, b in Self.hasRole(a) && Self.hasRole(b) }
        splitAll(". ", "at \". \" between two posts") { a, b in
            let lastWord = (a.split(separator: " ").last.map { $0.lowercased() } ?? "") + "."
            return Self.hasRole(a) && Self.hasRole(b) && (b.first?.isUppercase ?? false) && !RunningText.abbreviations.contains(lastWord)
        }
        return parts.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// Owners written one after another with nothing between them.
    func splitRunTogether(_ text: String, hows: inout [String]) -> [String] {
        if let (left, right) = knownConcatenation(text) {
            hows.append("as two owners named elsewhere in the plan")
            return splitRunTogether(left, hows: &hows) + splitRunTogether(right, hows: &hows)
        }
        if let (left, right) = roleStart(text) {
            hows.append("before the post \"\(right.split(separator: " ").prefix(2).joined(separator: " "))\"")
            return [left] + splitRunTogether(right, hows: &hows)
        }
        if let (left, right) = andSplit(text) {
            hows.append("at \" and \" between two posts")
            return splitRunTogether(left, hows: &hows) + splitRunTogether(right, hows: &hows)
        }
        return [text]
    }

    /// "A B" where A and B are owners named on their own elsewhere ("and" between them allowed).
    func knownConcatenation(_ text: String) -> (String, String)? {
        var index = text.startIndex
        while let space = text[index...].firstIndex(of: " ") {
            let left = String(text[..<space])
            var right = String(text[text.index(after: space)...])
            for connector in ["and ", "& "] where right.hasPrefix(connector) { right = String(right.dropFirst(connector.count)) }
            let leftKnown = known.contains(left)
            let rightKnown = known.contains(right)
            if (right.first?.isUppercase ?? false), leftKnown || rightKnown,
               (leftKnown || (Self.hasRole(left) && Self.isQualified(left))),
               (rightKnown || Self.hasRole(right)) {
                return (left, right)
            }
            index = text.index(after: space)
        }
        return nil
    }

    /// Before a post's first word that follows a complete post: "... MoJ People Group Director
    /// of Estates", "... Public Protection Group Senior Responsible Officer ...".
    func roleStart(_ text: String) -> (String, String)? {
        let tokens = text.split(separator: " ").map(String.init)
        guard tokens.count >= 4 else { return nil }
        for i in 1..<tokens.count where Self.roleStarters.contains(tokens[i].lowercased()) {
            // The post may open with modifiers: "Probation Deputy Director".
            var start = i
            while start > 0, Self.roleModifiers.contains(tokens[start - 1].lowercased()) { start -= 1 }
            guard start > 0 else { continue }
            let previous = tokens[start - 1]
            guard let initial = previous.first, initial.isUppercase || initial == "(",
                  let final = previous.last, !",:&-–/".contains(final) else { continue }
            let left = tokens[..<start].joined(separator: " ")
            let right = tokens[start...].joined(separator: " ")
            if Self.hasRole(left), Self.isQualified(left), Self.hasRole(right) { return (left, right) }
        }
        return nil
    }

    /// Whether the text opens with a post's first word ("Deputy Director", "Probation Deputy
    /// Director", "Head of ...").
    static func opensWithPost(_ text: String) -> Bool {
        let tokens = text.split(separator: " ").map { $0.lowercased() }
        var i = 0
        while i < tokens.count, roleModifiers.contains(tokens[i]), !roleStarters.contains(tokens[i]) { i += 1 }
        return i < tokens.count && roleStarters.contains(tokens[i])
    }

    /// "POST, UNIT and POST": both sides complete posts, the left one qualified by its unit.
    func andSplit(_ text: String) -> (String, String)? {
        var index = text.startIndex
        while let range = text.range(of: " and ", range: index..<text.endIndex) {
            let left = String(text[..<range.lowerBound])
            let right = String(text[range.upperBound...])
            if let first = right.first, first.isUppercase, Self.hasRole(left), Self.isQualified(left),
               Self.opensWithPost(right), Self.hasRole(right) {
                return (left, right)
            }
            index = range.upperBound
        }
        return nil
    }
}
