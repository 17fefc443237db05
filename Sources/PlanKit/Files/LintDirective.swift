/// An inline switch in a plan file: `# plantool: disable=RULE[,RULE]` silences those rules on
/// the comment's own line (when it follows code) or on the next line (when it stands alone);
/// `# plantool: disable-file=RULE[,RULE]` silences them in the whole file.
public struct LintDirective: Sendable, Hashable {
    public var rules: [String]
    public var wholeFile: Bool
    public var comment: Comment
    /// For a merge's conflict marker, `# plantool: conflict FIELD: ...`, the text after
    /// "conflict " (it silences nothing; the `merge-conflict` rule reports it).
    public var conflict: String?

    public static let prefix = "plantool:"
    public static let conflictWord = "conflict "

    public init?(_ comment: Comment) {
        var text = Substring(comment.text.dropFirst())  // the '#'
        text = text.drop(while: { $0 == " " })
        guard text.hasPrefix(Self.prefix) else { return nil }
        text = text.dropFirst(Self.prefix.count).drop(while: { $0 == " " })
        let wholeFile: Bool
        if text.hasPrefix(Self.conflictWord) {
            var what = text.dropFirst(Self.conflictWord.count).drop(while: { $0 == " " })
            while what.last == " " { what = what.dropLast() }
            guard !what.isEmpty else { return nil }
            self.rules = []
            self.wholeFile = true
            self.comment = comment
            self.conflict = String(what)
            return
        } else if text.hasPrefix("disable-file=") {
            wholeFile = true
            text = text.dropFirst("disable-file=".count)
        } else if text.hasPrefix("disable=") {
            wholeFile = false
            text = text.dropFirst("disable=".count)
        } else {
            return nil
        }
        let list = text.prefix(while: { $0 != " " && $0 != "#" })
        let rules = list.split(separator: ",").map(String.init).filter { !$0.isEmpty }
        // Words after the rules say why, and are kept with the directive; a '#' there would start
        // a comment inside the directive, which nothing keeps or shows.
        guard !rules.isEmpty, !text.dropFirst(list.count).contains("#") else { return nil }
        self.rules = rules
        self.wholeFile = wholeFile
        self.comment = comment
    }

    /// Whether the directive silences a diagnostic of its file.
    func silences(_ diagnostic: Diagnostic, nextCodeLine: Int?) -> Bool {
        guard rules.contains(diagnostic.rule) || rules.contains("all") else { return false }
        if wholeFile { return true }
        let line = comment.trailing ? comment.location.line : nextCodeLine
        return diagnostic.location?.line == line
    }
}
