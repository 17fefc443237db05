/// A plan change as one self-contained HTML page for reviewers outside git
/// (`plantool diff A B --format html`): version B's plan as the official six-column table
/// (laid out and styled as `HTMLExport` lays out an export), every change from A marked in it,
/// and a summary at the top.
///
/// - Inside a text, words A had and B has not are `<del>`, words B adds `<ins>` (`WordDiff`);
///   a changed target date is the old date deleted and the new one inserted; beside the date that
///   moved the action's current target (its own or an update's), the move with its months:
///   "target slipped 8 months: <del>July 2021</del> → <ins>March 2022</ins>".
/// - A recommendation, action or update added is a row (`tr.added`) whose cells are inside
///   `<ins>`; one removed is A's row (`tr.removed`) inside `<del>`, where it stood. So is a
///   theme or addressee row only one version has (`RedlineTable`).
/// - The summary counts the changes (`DiffRenderer.summaryLine`), lists slipped targets and
///   status changes, then every change in the plan's words (`ChangeWording`), each linked to
///   its recommendation's row (`#rec-5`; `#removed-rec-5` for one B no longer has).
/// - No script, nothing loaded from anywhere; every text escaped as an export's is.
public enum HTMLRedline {
    /// The page. `old` is nil when A has no plan (every row is then inserted).
    public static func render(old: Plan?, new: Plan, changes: [Change], labels: DiffRenderer.Labels) -> String {
        let doc = OfficialDocument(new)
        var h = HTMLBuilder()
        HTMLExport.pageStart(title: "Changes: " + doc.heading, extraStyle: style, &h)
        h.line("<header>")
        h.line("<h1>\(HTMLExport.escape(doc.organisation))</h1>")
        h.line("<p class=\"compared\">Changes from <strong>\(HTMLExport.escape(labels.old))</strong> to <strong>\(HTMLExport.escape(labels.new))</strong>: "
            + "<del>deleted</del>, <ins>inserted</ins>.</p>")
        h.line("</header>")
        let removed = RedlinePairing.removed(old: old, new: new, changes: changes)
        summary(changes, removed: Set(removed.map(\.number)), words: doc.words, &h)
        table(doc, RedlineTable.items(old: old, new: new, changes: changes), &h)
        h.line("</main>")
        h.line("</body>")
        h.line("</html>")
        return h.output
    }

    // MARK: Summary

    static func summary(_ changes: [Change], removed: Set<Int>, words: PlanWords = .standard, _ h: inout HTMLBuilder) {
        h.line("<section class=\"changes\" aria-labelledby=\"changes-heading\">")
        h.line("<h2 id=\"changes-heading\">Summary of changes</h2>")
        h.line("<p class=\"counts\">\(HTMLExport.escape(DiffRenderer.summaryLine(changes)))</p>")
        func list(_ heading: String, _ picked: [Change]) {
            guard !picked.isEmpty else { return }
            h.line("<h3>\(HTMLExport.escape(heading)) (\(picked.count))</h3>")
            h.line("<ul>")
            for change in picked { h.line("<li>\(linked(change, removed: removed, words: words))</li>") }
            h.line("</ul>")
        }
        list("Slipped targets", changes.filter(\.isSlip))
        list("Status changes", changes.filter { $0.kind == .statusChanged })
        let groups = DiffRenderer.groups(changes)
        if !groups.isEmpty {
            h.line("<h3>Every change</h3>")
            h.line("<ul class=\"groups\">")
            for group in groups {
                let target = group.changes.first.flatMap { anchor($0, removed: removed) }
                let title = HTMLExport.escape(group.title)
                h.line("<li>" + (target.map { "<a href=\"#\($0)\">\(title)</a>" } ?? title) + "<ul>")
                for change in group.changes { h.line("<li>\(HTMLExport.escape(sentence(change, words: words)))</li>") }
                h.line("</ul></li>")
            }
            h.line("</ul>")
        }
        h.line("</section>")
    }

    /// A change in the plan's words ("action 5.1: target slipped 8 months (July 2021 → March 2022)").
    static func sentence(_ change: Change, words: PlanWords = .standard) -> String {
        change.kind == .unreadable ? change.summary : ChangeWording.sentence(change, .words, words: words)
    }

    /// The sentence, linked to its recommendation's row when it has one.
    static func linked(_ change: Change, removed: Set<Int>, words: PlanWords = .standard) -> String {
        let text = HTMLExport.escape(sentence(change, words: words))
        guard let target = anchor(change, removed: removed) else { return text }
        return "<a href=\"#\(target)\">\(text)</a>"
    }

    /// The id of the row a change is about.
    static func anchor(_ change: Change, removed: Set<Int>) -> String? {
        guard let number = change.recommendation, change.kind != .unreadable else { return nil }
        return change.kind == .recommendationRemoved && removed.contains(number) ? "removed-rec-\(number)" : "rec-\(number)"
    }

    // MARK: The table

    static func table(_ doc: OfficialDocument, _ items: [RedlineTable.Item], _ h: inout HTMLBuilder) {
        h.line("<table class=\"plan\">")
        h.line("<caption><h2>\(HTMLExport.escape(doc.heading))</h2></caption>")
        h.line("<colgroup>" + HTMLExport.columnClasses.map { "<col class=\"\($0)\">" }.joined() + "</colgroup>")
        h.line("<thead>")
        h.line("<tr>" + doc.columns.map { "<th scope=\"col\">\(HTMLExport.escape($0))</th>" }.joined() + "</tr>")
        h.line("</thead>")
        h.line("<tbody>")
        for item in items {
            switch item {
            case .heading(let heading):
                let kind = heading.kind == .theme ? "theme" : "addressee"
                let text = HTMLExport.escape(heading.text)
                switch heading.mark {
                case .kept: h.line("<tr class=\"\(kind)\"><th colspan=\"6\" scope=\"rowgroup\">\(text)</th></tr>")
                case .added: h.line("<tr class=\"\(kind) added\"><th colspan=\"6\" scope=\"rowgroup\"><ins>\(text)</ins></th></tr>")
                case .removed: h.line("<tr class=\"\(kind) removed\"><th colspan=\"6\" scope=\"rowgroup\"><del>\(text)</del></th></tr>")
                }
            case .recommendation(let redline, let anchor):
                rows(redline, anchor: anchor, &h)
            }
        }
        h.line("</tbody>")
        h.line("</table>")
    }

    /// One recommendation's rows, the first carrying its anchor and the three cells that span.
    static func rows(_ rec: RedlineRecommendation, anchor: String, _ h: inout HTMLBuilder) {
        HTMLExport.recommendationRows(lines: rec.lines.count, number: numberCell(rec), text: spanned(rec, \.text),
                                      status: spanned(rec, \.status, firstStrong: true), &h) { index in
            let line = rec.lines[index]
            var target = lineCell(line, \.target, words: false)
            target += line.targetMoves.map { "<p class=\"move\">\(move($0))</p>" }.joined()
            let cells = "<td>\(responseCell(line))</td><td>\(lineCell(line, \.owners))</td><td>\(target)</td>"
            let id = index == 0 ? " id=\"\(anchor)\"" : ""
            return (cells, "\(id) class=\"\(HTMLExport.rowClass(line.line.kind))\(markClass(line))\"")
        }
    }

    static func markClass(_ line: RedlineRecommendation.Line) -> String {
        switch line.mark {
        case .added: " added"
        case .removed: " removed"
        case .kept(let old): old == line.line && line.targetMoves.isEmpty ? "" : " changed"
        }
    }

    /// "target slipped 8 months: <del>July 2021</del> → <ins>March 2022</ins>": the move in the
    /// diff's words, the current target before and after marked as a date changed in a cell is.
    static func move(_ change: Change) -> String {
        let words = ChangeWording.targetMove(change, .words)
        guard let old = change.currentTarget?.old.map({ ChangeWording.date($0, .words) }),
              let new = change.currentTarget?.new.map({ ChangeWording.date($0, .words) }),
              words.hasSuffix(" (\(old) → \(new))") else { return HTMLExport.escape(words) }
        return HTMLExport.escape(String(words.dropLast(" (\(old) → \(new))".count))) + ": <del>" + HTMLExport.escape(old) + "</del> → <ins>"
            + HTMLExport.escape(new) + "</ins>"
    }

    static func numberCell(_ rec: RedlineRecommendation) -> String {
        let number = HTMLExport.escape(rec.rows.label)
        switch rec.mark {
        case .added: return "<ins>\(number)</ins>"
        case .removed: return "<del>\(number)</del>"
        case .kept:
            guard let old = rec.old, old.number != rec.rows.number else { return number }
            return "<del>\(old.number)</del> <ins>\(number)</ins>"
        }
    }

    /// The recommendation or status cell: A's paragraphs against B's.
    static func spanned(_ rec: RedlineRecommendation, _ cell: KeyPath<OfficialDocument.RecommendationRows, [String]>,
                        firstStrong: Bool = false) -> String {
        switch rec.mark {
        case .added: return RedlineCells.whole(rec.rows[keyPath: cell], tag: "ins", firstStrong: firstStrong)
        case .removed: return RedlineCells.whole(rec.rows[keyPath: cell], tag: "del", firstStrong: firstStrong)
        case .kept: return RedlineCells.cell(old: rec.old?[keyPath: cell] ?? [], new: rec.rows[keyPath: cell], firstStrong: firstStrong)
        }
    }

    /// Column 4, with an update's label and an action's id in bold as the export has them.
    static func responseCell(_ line: RedlineRecommendation.Line) -> String {
        var firstStrong = false, leadingID: String?
        switch line.line.kind {
        case .update: firstStrong = true
        case .action(let id): leadingID = id
        case .response, .empty: break
        }
        return lineCell(line, \.response, firstStrong: firstStrong, leadingID: leadingID)
    }

    static func lineCell(_ line: RedlineRecommendation.Line, _ cell: KeyPath<OfficialDocument.Line, [String]>, words: Bool = true,
                         firstStrong: Bool = false, leadingID: String? = nil) -> String {
        let paragraphs = line.line[keyPath: cell]
        switch line.mark {
        case .added: return RedlineCells.whole(paragraphs, tag: "ins", firstStrong: firstStrong, leadingID: leadingID)
        case .removed: return RedlineCells.whole(paragraphs, tag: "del", firstStrong: firstStrong, leadingID: leadingID)
        case .kept(let old):
            return RedlineCells.cell(old: old[keyPath: cell], new: paragraphs, words: words, firstStrong: firstStrong, leadingID: leadingID)
        }
    }

    // MARK: Style

    /// Added to the export's style: the marks, legible in colour and in black and white.
    static let style = """
        p.compared { margin: 0 0 1rem; }
        section.changes { border: 1px solid #505a5f; padding: 0.75rem 1rem; margin: 0 0 1.5rem; }
        section.changes h2 { margin-top: 0; }
        section.changes h3 { font-size: 1.1rem; margin: 1rem 0 0.4rem; }
        section.changes ul { margin-bottom: 0.4rem; }
        ins { background: #d7f0dd; color: #00482a; text-decoration: underline; }
        del { background: #fbe0dc; color: #7a1a0d; text-decoration: line-through; }
        tr.added > :first-child { border-left: 4px solid #00703c; }
        tr.removed > :first-child { border-left: 4px solid #d4351c; }
        tr.changed > :first-child { border-left: 4px solid #f47738; }
        p.move { font-weight: bold; color: #7a1a0d; }
        @media print {
          section.changes { break-inside: auto; }
          ins, del, p.move { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
