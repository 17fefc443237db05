/// Word lists and tests behind the SMART rules. They are deliberately simple and explainable:
/// a warning says which words it looked for.
public enum TextHeuristics {
    /// Phrases that promise activity rather than a result.
    public static let defaultVaguePhrases = [
        "continue to", "continue working", "explore", "consider", "work with", "review", "look into",
        "seek to", "aim to", "endeavour to", "liaise with",
    ]

    /// Words that name something delivered.
    static let deliverables = [
        "guidance", "guide", "plan", "framework", "strategy", "report", "policy", "instruction", "dashboard",
        "tool", "training", "learning", "process", "programme", "scheme", "toolkit", "briefing", "board",
        "panel", "forum", "tracker", "register", "model", "specification", "audit", "evaluation", "survey",
        "workshop", "calendar", "pathway", "service", "system", "template", "standard", "data", "information",
        "recruitment", "campaign", "meeting", "meetings", "sessions", "events", "checks", "review", "analysis",
        "launch", "implement", "introduce", "publish", "issue", "develop", "deliver", "establish", "produce",
        "agree", "complete", "roll out", "rolled out",
    ]

    static let measures = [
        "%", "per cent", "percent", "number of", "rate", "all ", "each ", "every ", "monthly", "quarterly",
        "annually", "weekly", "fortnightly", "at least", "minimum", "target",
    ]

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// Role words: an owner naming one of these names a post or a body, not a person.
    static let roleWords = [
        "director", "head", "manager", "lead", "officer", "chief", "executive", "team", "group", "board", "unit",
        "programme", "service", "directorate", "department", "ministry", "secretary", "minister", "governor",
        "commissioner", "coordinator", "co-ordinator", "partner", "partnership", "nhs", "hmpps", "moj", "mo j",
        "office", "centre", "authority", "council", "committee", "panel", "england", "wales", "region",
        "division", "function", "staff", "managers", "directors", "leads", "officers", "holder", "owner",
        "deputy", "assistant", "senior", "responsible", "policy", "operations", "estates", "hr", "ttg", "crc",
        "npsq", "nps", "pgd", "rpd",
    ]

    /// Placeholders that stand where an owner should be.
    static let ownerPlaceholders: Set<String> = ["tbc", "tbd", "-", "–", "—", "n/a", "na", "none", "?", "unknown",
                                                 "to be confirmed", "to be decided", "todo", "xxx", "owner"]

    static func lower(_ text: String) -> String { text.lowercased() }

    /// The text's words, lower-cased, joined by single spaces and padded with one space at each
    /// end, so that " word " matches whole words only ("rate" is not in "collaborate").
    static func padded(_ text: String) -> String {
        let words = lower(text).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "%" || $0 == "-") })
        return " " + words.joined(separator: " ") + " "
    }

    static func containsWord(_ padded: String, _ phrase: String) -> Bool {
        padded.contains(" " + phrase + " ")
    }

    /// The vague phrase the text opens with, or promises with "will ...", if any.
    static func vaguePhrase(in text: String, phrases: [String]) -> String? {
        let words = padded(text)
        return phrases.first { phrase in
            let p = padded(phrase).trimmingCharacters(in: .whitespaces)
            return words.hasPrefix(" " + p + " ") || words.contains(" will " + p + " ")
        }
    }

    /// Whether a deliverable word stands in the text as a word (or its plural or past form).
    static func hasDeliverable(_ words: String) -> Bool {
        deliverables.contains { word in
            containsWord(words, word) || containsWord(words, word + "s") || containsWord(words, word + "ed") || containsWord(words, word + "d")
        }
    }

    /// Whether the text names a deliverable, a number, a date or a measure.
    static func namesSomethingMeasurable(_ text: String) -> Bool {
        let words = padded(text)
        if text.contains(where: { $0.isNumber }) || text.contains("%") { return true }
        if months.contains(where: { containsWord(words, $0) }) { return true }
        if measures.contains(where: { containsWord(words, $0.trimmingCharacters(in: .whitespaces)) }) { return true }
        return hasDeliverable(words)
    }

    /// Whether the text names something specific beyond its vague phrase: a deliverable word or
    /// a number, not counting the vague phrase itself ("Review current arrangements" names none).
    static func namesDeliverable(_ text: String, besides phrase: String) -> Bool {
        var words = padded(text)
        let p = padded(phrase)
        if let range = words.range(of: p) { words.replaceSubrange(range, with: " ") }
        return hasDeliverable(words) || text.contains(where: { $0.isNumber })
    }

    static func isPlaceholder(_ owner: String) -> Bool {
        ownerPlaceholders.contains(lower(owner).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(.init(charactersIn: "-–—?/")))))
    }

    static func namesRole(_ owner: String) -> Bool {
        let words = lower(owner).split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        return words.contains { roleWords.contains($0) }
    }

    /// The open-ended word or phrase a target note uses, as whole words, if any.
    static func openEndedWord(in note: String) -> String? {
        let words = padded(note)
        return openEndedWording.first { containsWord(words, $0) }
    }

    /// Wording of a target note that promises no date.
    static let openEndedWording = ["ongoing", "on-going", "tbc", "to be confirmed", "tbd", "to be decided",
                                   "dependent", "dependant", "subject to"]
}

import Foundation
