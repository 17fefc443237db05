/// The structural checks of the file format: every problem the reader can report.
///
/// Each has a stable kebab-case id (shown in brackets after a message), a severity and an
/// explanation for `--explain`.
public enum FormatRule: String, CaseIterable, Sendable {
    case fileTooLarge = "file-too-large"
    case unreadableFile = "unreadable-file"
    case invalidUTF8 = "invalid-utf8"
    case controlCharacter = "control-character"
    case comment = "comment"
    case byteOrderMark = "byte-order-mark"
    case emptyFile = "empty-file"
    case yamlSyntax = "yaml-syntax"
    case nestingTooDeep = "nesting-too-deep"
    case tabIndentation = "tab-indentation"
    case duplicateKey = "duplicate-key"
    case anchorAlias = "anchor-alias"
    case mergeKey = "merge-key"
    case explicitTag = "explicit-tag"
    case flowMapping = "flow-mapping"
    case multipleDocuments = "multiple-documents"
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case emptyValue = "empty-value"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case invalidDate = "invalid-date"
    case invalidNumber = "invalid-number"
    case invalidID = "invalid-id"
    case unsupportedFormat = "unsupported-format"
    case ambiguousScalar = "ambiguous-scalar"
    case missingPlanFile = "missing-plan-file"
    case fileName = "file-name"
    case numberMismatch = "number-mismatch"
    case duplicateNumber = "duplicate-number"
    case tooManyFindings = "too-many-findings"

    public var id: String { rawValue }

    public var severity: Severity {
        switch self {
        case .byteOrderMark, .ambiguousScalar: .warning
        default: .error
        }
    }

    /// Rules no directive or configuration turns off or downgrades: what they report would
    /// otherwise be hidden from a reviewer or lost from the plan (a count of hidden findings,
    /// words YAML drops as a comment, characters that rewrite a terminal or reorder a line).
    public var isAlwaysReported: Bool {
        switch self {
        case .tooManyFindings, .comment, .controlCharacter: true
        default: false
        }
    }

    /// The explanation's first sentence, for rule listings.
    public var summary: String {
        let text = explanation
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        return text
    }

    /// What the rule guards against and how to put it right.
    public var explanation: String {
        switch self {
        case .fileTooLarge:
            "A plan file is larger than plantool reads (\(Limits.maxFileBytes / 1_048_576) MiB). Plan files are small; a file this large is not a recommendation. Split or remove it."
        case .unreadableFile:
            "The file could not be read: it is a folder, a link leaving the plan, or the system refused to open it."
        case .invalidUTF8:
            "Plan files are UTF-8 text. The byte at the reported place is not valid UTF-8: re-save the file as UTF-8."
        case .controlCharacter:
            "A control character (C0 but tab and, in texts that may span lines, line feed; DEL; C1) or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) is in the file or in a value, written raw or as a YAML escape (\"\\e\", \"\\x07\", \"\\0\", \"\\u202E\"). Such characters can move a terminal's cursor, erase what it shows, or show a line in another order than it is stored, so no plan text may hold them. Remove the character; a title, owner, id or other one-line field also cannot hold a line break. It cannot be turned off or silenced."
        case .comment:
            "A YAML comment: YAML drops everything from a ' #' or a line's '#' to the end of the line, so words after ' #' in plain text (text: recall process #3 and the licence) never reach the plan, its diff or its export. Plan files hold no comments but the editor modeline on the first line (# yaml-language-server: ...) and plantool's own '# plantool:' directives. Quote the whole text to keep the words (text: \"recall process #3 and the licence\"), or move the words into a 'note' or 'response'. It cannot be turned off or silenced."
        case .byteOrderMark:
            "The file starts with a UTF-8 byte-order mark. It is harmless to YAML, but plan files are written without one; `plantool fmt` removes it."
        case .emptyFile:
            "The file holds nothing. A recommendation file needs at least number, addressee, text and status."
        case .yamlSyntax:
            "The file is not well-formed YAML, so nothing after the reported place can be read. The message is the YAML parser's."
        case .nestingTooDeep:
            "The file nests lists and mappings more than \(Limits.maxNesting) levels deep. A plan file needs at most \(Limits.planNesting) (recommendation, actions, action, updates, update, owners), so plantool refuses deeper YAML before building it."
        case .tabIndentation:
            "YAML forbids tabs for indentation. Indent with spaces (two per level)."
        case .duplicateKey:
            "A key appears twice in the same mapping; YAML readers disagree on which value wins. Keep one."
        case .anchorAlias:
            "Anchors (&name) and aliases (*name) make one part of a file stand for another. Plan files spell every value out, so each can be reviewed and diffed where it stands."
        case .mergeKey:
            "Merge keys (<<) copy keys from elsewhere. Plan files spell every key out."
        case .explicitTag:
            "Tags (!!str, !custom) override how a value is read. plantool types every value by the format's schema, so tags are not used."
        case .flowMapping:
            "Mappings are written in block style (one key per line). Flow style ({a: 1}) is allowed only for short lists of words, such as categories: [policy]."
        case .multipleDocuments:
            "A plan file holds one YAML document. Remove the second '---' document."
        case .unknownKey:
            "The key is not part of the plan format. Check its spelling (the message suggests the nearest known key) or remove it."
        case .missingKey:
            "A key the format requires is absent."
        case .emptyValue:
            "A key is present but has no value (or only spaces). Give it a value or remove the key if it is optional."
        case .wrongType:
            "The value has the wrong shape: a list where text is expected, text where a whole number is expected, or a quoted number."
        case .invalidValue:
            "The value is not one of the values the format allows; the message lists them."
        case .invalidDate:
            "Dates are written YYYY-MM-DD; targets YYYY-MM, YYYY-MM-DD or YYYY-Qn. Wording that is not a date (\"TBC\", \"dependent on ...\") goes in the action's `note`."
        case .invalidNumber:
            "The value must be a whole number in the range the message gives."
        case .invalidID:
            "Action ids are dot-separated whole numbers, such as \"3.1\" or \"1.1.2\"."
        case .unsupportedFormat:
            "plan.yaml names a format version this plantool does not read."
        case .ambiguousScalar:
            "plantool reads the value as text, but other YAML readers would read it as a number, true/false or null. Quote it (`plantool fmt` does)."
        case .missingPlanFile:
            "A plan folder needs a plan.yaml next to its recommendations/ folder."
        case .fileName:
            "Recommendation files are named by their number, zero-padded to two digits: 01.yaml, 12.yaml, 105.yaml."
        case .numberMismatch:
            "The `number` in a recommendation file must be the number in its file name."
        case .duplicateNumber:
            "Two recommendation files give the same number."
        case .tooManyFindings:
            "A file has more findings than plantool lists for one file (\(Limits.maxFindingsPerFile)): the first ones by place are listed, then this one says how many more there are, with the severity of the worst of them (so hidden errors still fail the run). Fix the listed ones and run again. It cannot be turned off or silenced."
        }
    }
}

/// Limits that keep plantool fast and safe on any input.
public enum Limits {
    /// Largest plan file plantool reads.
    public static let maxFileBytes = 8 * 1_048_576
    /// Largest recommendation number, count or year-like whole number accepted.
    public static let maxNumber = 1_000_000
    /// Deepest nesting of YAML lists and mappings read (libyaml's own limit is 1,000).
    public static let maxNesting = 32
    /// The deepest nesting a plan file needs: recommendation, actions, action, updates, update, owners.
    public static let planNesting = 6
    /// Most findings listed for one file; the rest are counted in one `too-many-findings`
    /// finding. A real plan file with problems has a handful, a badly damaged one a few dozen
    /// (every field of every action); 200 is more than a person reads before fixing the first
    /// and running again, and few enough to read in a terminal. Past it plantool also stops
    /// doing the costly part of each finding (the "did you mean" of an unknown key), so a file
    /// of 500,000 unknown keys is read in about as long as its YAML takes to parse.
    public static let maxFindingsPerFile = 200
}
