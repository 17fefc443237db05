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
        default:
            return "the plan in the working tree"
        }
    }

    static func statusWords(_ c: PlanProgress.StatusCounts) -> String {
        "\(Wording.count(c.total, "recommendation")): \(c.agreed) agreed, \(c.partlyAgreed) partly agreed, \(c.notAgreed) not agreed"
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
            out.append("| Agreed | Partly Agreed | Not Agreed | Total |")
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

    // MARK: HTML

    static func escape(_ text: String) -> String { HTMLExport.escape(text) }

    /// Colours of the states in the chart, each with enough contrast on white.
    static func colour(_ state: ActionState) -> String {
        switch state {
        case .planned: "#5b6770"
        case .inProgress: "#b35900"
        case .completed: "#1d7a3a"
        case .ongoing: "#1f5fa8"
        case .dropped: "#8e2c48"
        }
    }

    public static func html(_ report: Report) -> String {
        var body: [String] = []
        for p in report.plans {
            body.append("<section>")
            body.append("<h2>\(escape(p.title))</h2>")
            body.append("<p>As of \(DateWords.words(p.asOf)), from \(escape(sourceWords(p)))" + (p.owner.map { "; owners matching “\(escape($0))”" } ?? "") + ".</p>")
            let c = p.recommendations
            body.append(table(caption: "Recommendations by response", headers: ["Agreed", "Partly Agreed", "Not Agreed", "Total"],
                              rows: [[String(c.agreed), String(c.partlyAgreed), String(c.notAgreed), String(c.total)]], numeric: true))
            body.append(table(caption: "Actions by state", headers: p.actionsByState.map { $0.state.words },
                              rows: [p.actionsByState.map { String($0.count) }], numeric: true))
            body.append(chart(p.timeline))
            body.append(table(caption: "Overdue actions: \(p.overdue.count)", headers: ["Action", "Target", "Late", "Owners", "Action text"],
                              rows: p.overdue.map { [$0.action, DateWords.words($0.target), lateWords($0.monthsLate), $0.owners.joined(separator: "; "), $0.text] }))
            body.append(table(caption: "Due within \(Wording.count(p.dueWithinMonths, "month")): \(p.dueSoon.count)",
                              headers: ["Action", "Target", "Owners", "Action text"],
                              rows: p.dueSoon.map { [$0.action, DateWords.words($0.target), $0.owners.joined(separator: "; "), $0.text] }))
            body.append(table(caption: "Slipped targets: \(p.slippage.count)",
                              headers: ["Action", "Times", "Months in all", "First target", "Current target", "Moves"],
                              rows: p.slippage.map { [$0.action, String($0.times), String($0.monthsSlipped), DateWords.words($0.firstTarget),
                                                      DateWords.words($0.currentTarget), movesWords($0)] }))
            body.append(ownerHTML(p.owners, caption: "Owners"))
            body.append("</section>")
        }
        if let owners = report.owners {
            body.append("<section><h2>Owners across \(report.plans.count) plans</h2>")
            body.append(ownerHTML(owners, caption: "Owners across all plans"))
            body.append("</section>")
        }
        let title = report.plans.count == 1 ? "Progress: \(report.plans[0].title)" : "Progress of \(report.plans.count) plans"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; margin: 1.5rem; color: #1b1b1b; max-width: 75rem; }
            table { border-collapse: collapse; margin: 1rem 0 1.5rem; width: 100%; }
            caption { text-align: left; font-weight: bold; font-size: 1.1rem; padding: 0.3rem 0; }
            th, td { border: 1px solid #6f777b; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
            thead th { background: #e8eaeb; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1rem 0; }
            figcaption { font-weight: bold; }
            @media print { @page { size: A4 landscape; } thead { display: table-header-group; } tr { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static func table(caption: String, headers: [String], rows: [[String]], numeric: Bool = false) -> String {
        var out = ["<table>", "<caption>\(escape(caption))</caption>", "<thead><tr>"]
        out.append(headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined())
        out.append("</tr></thead>")
        out.append("<tbody>")
        if rows.isEmpty {
            out.append("<tr><td colspan=\"\(headers.count)\">None.</td></tr>")
        }
        for row in rows {
            out.append("<tr>" + row.enumerated().map { i, v in
                i == 0 && !numeric ? "<th scope=\"row\">\(escape(v))</th>" : "<td\(numeric || Int(v) != nil ? " class=\"n\"" : "")>\(escape(v))</td>"
            }.joined() + "</tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    static func ownerHTML(_ owners: [PlanProgress.OwnerLine], caption: String) -> String {
        table(caption: caption, headers: ["Owner", "Open", "Overdue", "Completed"],
              rows: owners.map { [$0.owner, String($0.open), String($0.overdue), String($0.completed)] })
    }

    /// A line chart of actions by state over time, in SVG, with a text alternative.
    static func chart(_ timeline: [PlanProgress.TimelinePoint]) -> String {
        guard timeline.count >= 2, let first = timeline.first?.date, let last = timeline.last?.date else {
            return "<p>No chart of actions by state over time: the plan has \(timeline.isEmpty ? "no" : "only one") day of history.</p>"
        }
        let width = 720.0, height = 260.0, left = 48.0, right = 130.0, top = 16.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        func serial(_ d: Day) -> Double { Double(d.year * 372 + (d.month - 1) * 31 + d.day) }
        let x0 = serial(first), span = max(1, serial(last) - x0)
        let maxCount = max(1, timeline.flatMap { $0.counts.map(\.count) }.max() ?? 1)
        func x(_ d: Day) -> Double { left + (serial(d) - x0) / span * plotW }
        func y(_ n: Int) -> Double { top + plotH - Double(n) / Double(maxCount) * plotH }
        func f(_ v: Double) -> String { String(Int(v.rounded())) }
        var svg = ["<figure>",
                   "<figcaption>Actions by state over time</figcaption>",
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">",
                   "<title id=\"chart-title\">Actions by state from \(DateWords.words(first)) to \(DateWords.words(last))</title>",
                   "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#1b1b1b\"/>",
                   "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#1b1b1b\"/>",
                   "<text x=\"\(f(left - 6))\" y=\"\(f(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(maxCount)</text>",
                   "<text x=\"\(f(left - 6))\" y=\"\(f(top + plotH + 4))\" text-anchor=\"end\" font-size=\"11\">0</text>",
                   "<text x=\"\(f(left))\" y=\"\(f(height - 14))\" font-size=\"11\">\(first)</text>",
                   "<text x=\"\(f(left + plotW))\" y=\"\(f(height - 14))\" text-anchor=\"end\" font-size=\"11\">\(last)</text>"]
        for (i, state) in ActionState.allCases.enumerated() {
            let points = timeline.map { point -> String in
                let n = point.counts.first { $0.state == state }?.count ?? 0
                return "\(f(x(point.date))),\(f(y(n)))"
            }
            svg.append("<polyline fill=\"none\" stroke=\"\(colour(state))\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>")
            let ly = top + Double(i) * 18 + 8
            svg.append("<line x1=\"\(f(left + plotW + 12))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotW + 30))\" y2=\"\(f(ly))\" stroke=\"\(colour(state))\" stroke-width=\"3\"/>")
            svg.append("<text x=\"\(f(left + plotW + 36))\" y=\"\(f(ly + 4))\" font-size=\"12\">\(escape(state.words))</text>")
        }
        svg.append("</svg>")
        svg.append("</figure>")
        // The same numbers as a table, for screen readers and print.
        let rows = timeline.map { point in [point.date.description] + point.counts.map { String($0.count) } }
        svg.append(table(caption: "Actions by state over time (the chart's figures)", headers: ["Day"] + ActionState.allCases.map(\.words), rows: rows))
        return svg.joined(separator: "\n")
    }
}
