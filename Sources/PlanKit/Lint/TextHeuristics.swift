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

    static let deliverablePhrases: [[String]] = deliverables.map(Words.phrase)
    static let measurePhrases: [[String]] = measures.map(Words.phrase).filter { !$0.isEmpty }
    static let monthSet = Set(months)
    static let roleSet = Set(roleWords)
    static let openEndedPhrases: [(String, [String])] = openEndedWording.map { ($0, Words.phrase($0)) }

    /// The vague phrase the text opens with, or promises with "will ...", if any; with the index
    /// of its first word.
    static func vaguePhrase(in words: Words, phrases: [[String]]) -> (phrase: [String], at: Int)? {
        vaguePhrase(in: words, phrases: VaguePhrases(phrases))
    }

    /// The configured vague phrases, each also as promised ("will" and the phrase), made once
    /// for every action rather than for each.
    struct VaguePhrases: Sendable {
        let phrases: [(phrase: [String], promised: [String])]

        init(_ phrases: [[String]]) {
            self.phrases = phrases.filter { !$0.isEmpty }.map { ($0, ["will"] + $0) }
        }
    }

    static func vaguePhrase(in words: Words, phrases: VaguePhrases) -> (phrase: [String], at: Int)? {
        for (phrase, promised) in phrases.phrases {
            if words.starts(with: phrase) { return (phrase, 0) }
            if let at = words.firstIndex(of: promised) { return (phrase, at + 1) }
        }
        return nil
    }

    /// Whether a deliverable word stands among the words (or its plural or past form), not
    /// counting the words in `excluded`.
    static func hasDeliverable(_ words: Words, excluding excluded: Range<Int>? = nil) -> Bool {
        for phrase in deliverablePhrases {
            if phrase.count == 1 {
                let word = phrase[0]
                for form in [word, word + "s", word + "ed", word + "d"] where words.set.contains(form) {
                    guard let excluded else { return true }
                    // Found outside the excluded words?
                    if words.tokens.indices.contains(where: { !excluded.contains($0) && words.tokens[$0] == form }) { return true }
                }
            } else if let at = words.firstIndex(of: phrase), excluded.map({ !$0.contains(at) }) ?? true {
                return true
            }
        }
        return false
    }

    /// Whether the words name a deliverable, a number, a date or a measure.
    static func namesSomethingMeasurable(_ words: Words) -> Bool {
        if words.hasDigit || words.hasPercent { return true }
        if !words.set.isDisjoint(with: monthSet) { return true }
        if measurePhrases.contains(where: { words.contains($0) }) { return true }
        return hasDeliverable(words)
    }

    /// Whether the text names something specific beyond its vague phrase: a deliverable word or
    /// a number, not counting the vague phrase itself ("Review current arrangements" names none).
    static func namesDeliverable(_ words: Words, besides phrase: (phrase: [String], at: Int)) -> Bool {
        words.hasDigit || hasDeliverable(words, excluding: phrase.at..<(phrase.at + phrase.phrase.count))
    }

    /// Trimmed from an owner before it is compared with the placeholders.
    private static let placeholderTrim: Set<Character> = [" ", "\t", "\n", ".", ",", ";", ":", "(", ")", "[", "]", "\"", "'"]

    static func isPlaceholder(_ owner: String) -> Bool {
        var text = Substring(lower(owner))
        let trim = placeholderTrim
        while let first = text.first, trim.contains(first) { text = text.dropFirst() }
        while let last = text.last, trim.contains(last) { text = text.dropLast() }
        return ownerPlaceholders.contains(String(text))
    }

    static func namesRole(_ owner: String) -> Bool {
        !Words(owner).set.isDisjoint(with: roleSet)
    }

    /// The open-ended word or phrase a target note uses, as whole words, if any.
    static func openEndedWord(in note: String) -> String? {
        let words = Words(note)
        return openEndedPhrases.first { words.contains($0.1) }?.0
    }

    /// Wording of a target note that promises no date.
    static let openEndedWording = ["ongoing", "on-going", "tbc", "to be confirmed", "tbd", "to be decided",
                                   "dependent", "dependant", "subject to"]
}

import Foundation
