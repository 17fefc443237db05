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
        "annually", "weekly", "fortnightly", "by ", "at least", "minimum", "target",
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

    /// The vague phrase the text opens with or consists of, if any.
    static func vaguePhrase(in text: String, phrases: [String]) -> String? {
        let lowered = lower(text).trimmingCharacters(in: .whitespacesAndNewlines)
        return phrases.first { lowered.hasPrefix($0) || lowered.contains(" we will " + $0) || lowered.contains("will " + $0) }
    }

    /// Whether the text names a deliverable, a number, a date or a measure.
    static func namesSomethingMeasurable(_ text: String) -> Bool {
        let lowered = " " + lower(text) + " "
        if text.contains(where: { $0.isNumber }) { return true }
        if months.contains(where: { lowered.contains($0) }) { return true }
        if measures.contains(where: { lowered.contains($0) }) { return true }
        return deliverables.contains { word in
            lowered.contains(" " + word + " ") || lowered.contains(" " + word + ",") || lowered.contains(" " + word + ".")
                || lowered.contains(" " + word + "s ") || lowered.contains(" " + word + "ed ")
        }
    }

    /// Whether the text names something specific beyond the vague phrase: a deliverable word.
    static func namesDeliverable(_ text: String) -> Bool {
        let lowered = " " + lower(text) + " "
        return deliverables.contains { lowered.contains(" " + $0 + " ") || lowered.contains(" " + $0 + ".") || lowered.contains(" " + $0 + ",") }
            || text.contains(where: { $0.isNumber })
    }

    static func isPlaceholder(_ owner: String) -> Bool {
        ownerPlaceholders.contains(lower(owner).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(.init(charactersIn: "-–—?/")))))
    }

    static func namesRole(_ owner: String) -> Bool {
        let words = lower(owner).split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        return words.contains { roleWords.contains($0) }
    }

    /// Wording of a target note that promises no date.
    static let openEndedWording = ["ongoing", "on-going", "tbc", "to be confirmed", "tbd", "to be decided",
                                   "dependent", "dependant", "subject to"]
}

import Foundation
