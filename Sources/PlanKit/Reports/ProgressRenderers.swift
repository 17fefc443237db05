/// The progress report as text for a terminal, Markdown, JSON and one self-contained HTML page.
public enum ProgressRenderer {
    /// Several plans' reports and, with more than one plan, every owner's load across them.
    public struct Report: Sendable, Encodable {
        public var asOf: Day
        public var plans: [PlanProgress]
        /// Owners across all the plans (only when there is more than one).
        public var owners: [PlanProgress.OwnerLine]?

        public init(asOf: Day, plans: [PlanProgress]) {
            self.asOf = asOf
            self.plans = plans
            if plans.count > 1 {
                var merged: [String: PlanProgress.OwnerLine] = [:]
                for line in plans.flatMap(\.owners) {
                    var o = merged[line.owner] ?? .init(owner: line.owner, open: 0, overdue: 0, completed: 0)
                    o.open += line.open
                    o.overdue += line.overdue
                    o.completed += line.completed
                    merged[line.owner] = o
                }
                owners = merged.values.sorted { ($0.overdue, $0.open, $1.owner) > ($1.overdue, $1.open, $0.owner) }
            }
        }
    }

    // MARK: Words shared by the renderings

    static func sourceWords(_ p: PlanProgress) -> String {
        switch p.source.kind {
        case "commit":
            let id = String((p.source.commit ?? "").prefix(7))
            return "the plan as committed in \(id) on \(p.source.date.map { DateWords.words($0) } ?? "?") (\(p.source.summary ?? ""))"
        case "dated-updates":
            let submitted = p.source.date.map { "; \(p.source.summary ?? "submitted") on \(DateWords.words($0))" } ?? ""
            return "the plan's own dated updates, not git history (each action as its updates dated on or before that day leave it\(submitted))"
        default:
            return "the plan in the working tree"
        }
    }

    /// "12 recommendations: 9 agreed, 2 partly agreed, 1 not agreed", in the plan's words.
    static func statusWords(_ c: PlanProgress.StatusCounts) -> String {
        let noun = c.concerns ? "concern" : "recommendation"
        return "\(Wording.count(c.total, noun)): \(c.agreed) \(c.words.word(for: .agreed).lowercased()), "
            + "\(c.partlyAgreed) \(c.words.word(for: .partlyAgreed).lowercased()), \(c.notAgreed) \(c.words.word(for: .notAgreed).lowercased())"
    }

    /// The header of a table of counts: "| Agreed | Partly Agreed | Not Agreed | Total |".
    static func statusHeaders(_ c: PlanProgress.StatusCounts) -> [String] {
        Status.allCases.map(c.words.word(for:)) + ["Total"]
    }

    static func stateWords(_ counts: [PlanProgress.StateCount]) -> String {
        let total = counts.reduce(0) { $0 + $1.count }
        return "\(Wording.count(total, "action")): " + counts.map { "\($0.count) \($0.state.words.lowercased())" }.joined(separator: ", ")
    }

    static func lateWords(_ months: Int?) -> String {
        guard let months else { return "" }
        switch months {
        case 0: return "less than a month late"
        case 1: return "1 month late"
        default: return "\(months) months late"
        }
    }

    static func slipWords(_ s: PlanProgress.Slippage) -> String {
        "slipped \(s.times == 1 ? "once" : s.times == 2 ? "twice" : "\(s.times) times"), \(Wording.count(s.monthsSlipped, "month")) in all: "
            + "\(DateWords.words(s.firstTarget)) → \(DateWords.words(s.currentTarget))"
    }

    static func movesWords(_ s: PlanProgress.Slippage) -> String {
        s.moves.map { move in
            let how = move.how == "update" ? "update \(move.when ?? "")" : "edit committed \(move.when ?? "")"
            return "\(DateWords.words(move.from)) → \(DateWords.words(move.to)) (\(how))"
        }.joined(separator: "; ")
    }

    /// A Markdown `###` section: its heading, then a table of its rows when it has any.
    static func markdownSection(_ heading: String, columns: String, rule: String, rows: [String]) -> [String] {
        var out = ["### \(heading)"]
        if !rows.isEmpty { out += ["", columns, rule] + rows }
        return out
    }

    // MARK: Text

    public static func text(_ report: Report) -> String {
        var out: [String] = []
        for p in report.plans {
            if !out.isEmpty { out.append("") }
            out.append("\(p.title) (\(p.plan))")
            out.append("As of \(DateWords.words(p.asOf)), from \(sourceWords(p))" + (p.owner.map { "; owners matching \"\($0)\"" } ?? ""))
            out.append(statusWords(p.recommendations))
            out.append(stateWords(p.actionsByState))
            out.append("")
            out.append("Overdue: \(p.overdue.count)")
            for a in p.overdue {
                out.append("  \(a.action)  target \(DateWords.words(a.target)), \(lateWords(a.monthsLate)) — \(a.owners.joined(separator: "; "))")
                out.append("        \(a.text)")
            }
            out.append("Due within \(Wording.count(p.dueWithinMonths, "month")): \(p.dueSoon.count)")
            for a in p.dueSoon {
                out.append("  \(a.action)  target \(DateWords.words(a.target)) — \(a.owners.joined(separator: "; "))")
                out.append("        \(a.text)")
            }
            out.append("Slipped targets: \(p.slippage.count)")
            for s in p.slippage {
                out.append("  \(s.action)  \(slipWords(s))")
                out.append("        \(movesWords(s))")
            }
            out += ownerTable(p.owners, heading: "Owners")
        }
        if let owners = report.owners {
            out.append("")
            out += ownerTable(owners, heading: "Owners across \(report.plans.count) plans")
        }
        // For a terminal: no control character or bidirectional control reaches it raw.
        return UnsafeCharacters.neutralised(out.joined(separator: "\n")) + "\n"
    }

    static func ownerTable(_ owners: [PlanProgress.OwnerLine], heading: String) -> [String] {
        var out = ["\(heading): \(owners.count)"]
        guard !owners.isEmpty else { return out }
        let width = min(60, owners.map(\.owner.count).max() ?? 5)
        func pad(_ s: String, _ n: Int) -> String {
            s.count >= n ? s : s + String(repeating: " ", count: n - s.count)
        }
        func left(_ s: String, _ n: Int) -> String {
            s.count >= n ? s : String(repeating: " ", count: n - s.count) + s
        }
        out.append("  " + pad("owner", width) + "  " + left("open", 5) + "  " + left("overdue", 7) + "  " + left("completed", 9))
        for o in owners {
            let name = o.owner.count > width ? String(o.owner.prefix(width - 1)) + "…" : o.owner
            out.append("  " + pad(name, width) + "  " + left(String(o.open), 5) + "  " + left(String(o.overdue), 7) + "  " + left(String(o.completed), 9))
        }
        return out
    }

    // MARK: Markdown

    /// Text for a Markdown table cell: the one Markdown escaper, so a table never breaks.
    static func cell(_ text: String) -> String { MarkdownText.inline(text) }

    public static func markdown(_ report: Report) -> String {
        var out: [String] = []
        for p in report.plans {
            out.append("## " + MarkdownText.heading(p.title))
            out.append("")
            out.append("As of \(DateWords.words(p.asOf)), from \(cell(sourceWords(p)))" + (p.owner.map { "; owners matching \"\(cell($0))\"" } ?? "") + ".")
            out.append("")
            out.append("| " + statusHeaders(p.recommendations).map(cell).joined(separator: " | ") + " |")
            out.append("| ---: | ---: | ---: | ---: |")
            let c = p.recommendations
            out.append("| \(c.agreed) | \(c.partlyAgreed) | \(c.notAgreed) | \(c.total) |")
            out.append("")
            out.append("| " + p.actionsByState.map { $0.state.words }.joined(separator: " | ") + " |")
            out.append("|" + String(repeating: " ---: |", count: p.actionsByState.count))
            out.append("| " + p.actionsByState.map { String($0.count) }.joined(separator: " | ") + " |")
            out.append("")
            out += markdownSection("Overdue: \(p.overdue.count)", columns: "| Action | Target | Late | Owners | Action text |",
                                   rule: "| --- | --- | --- | --- | --- |", rows: p.overdue.map { a in
                "| \(a.action) | \(DateWords.words(a.target)) | \(lateWords(a.monthsLate)) | \(cell(a.owners.joined(separator: "; "))) | \(cell(a.text)) |"
            })
            out.append("")
            out += markdownSection("Due within \(Wording.count(p.dueWithinMonths, "month")): \(p.dueSoon.count)",
                                   columns: "| Action | Target | Owners | Action text |", rule: "| --- | --- | --- | --- |", rows: p.dueSoon.map { a in
                "| \(a.action) | \(DateWords.words(a.target)) | \(cell(a.owners.joined(separator: "; "))) | \(cell(a.text)) |"
            })
            out.append("")
            out += markdownSection("Slipped targets: \(p.slippage.count)", columns: "| Action | Times | Months in all | First target | Current target | Moves |",
                                   rule: "| --- | ---: | ---: | --- | --- | --- |", rows: p.slippage.map { s in
                "| \(s.action) | \(s.times) | \(s.monthsSlipped) | \(DateWords.words(s.firstTarget)) | \(DateWords.words(s.currentTarget)) | \(cell(movesWords(s))) |"
            })
            out.append("")
            out += markdownOwners(p.owners, heading: "### Owners")
            out.append("")
        }
        if let owners = report.owners {
            out += markdownOwners(owners, heading: "## Owners across \(report.plans.count) plans")
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    static func markdownOwners(_ owners: [PlanProgress.OwnerLine], heading: String) -> [String] {
        var out = [heading, ""]
        guard !owners.isEmpty else { return out + ["No owner."] }
        out.append("| Owner | Open | Overdue | Completed |")
        out.append("| --- | ---: | ---: | ---: |")
        for o in owners { out.append("| \(cell(o.owner)) | \(o.open) | \(o.overdue) | \(o.completed) |") }
        return out
    }
}
