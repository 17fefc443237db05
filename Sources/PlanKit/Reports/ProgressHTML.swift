/// The progress report as one self-contained HTML page: tables, and a chart of actions by state.
extension ProgressRenderer {
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
            body.append(table(caption: c.words.countHeading(hasConcerns: c.concerns) + " by response", headers: statusHeaders(c),
                              rows: [[String(c.agreed), String(c.partlyAgreed), String(c.notAgreed), String(c.total)]], numeric: true))
            body.append(table(caption: "Actions by state", headers: p.actionsByState.map { $0.state.words },
                              rows: [p.actionsByState.map { String($0.count) }], numeric: true))
            body.append(chart(p.timeline, asOf: p.asOf))
            body.append(table(caption: "Overdue actions: \(p.overdue.count)", headers: ["Action", "Target", "Late", "Owners", "Action text"],
                              rows: p.overdue.map { [$0.action, DateWords.words($0.target), lateWords($0.monthsLate), $0.owners.joined(separator: "; "), $0.text] },
                              overdue: p.overdue.map { _ in true }))
            body.append(table(caption: "Due within \(Wording.count(p.dueWithinMonths, "month")): \(p.dueSoon.count)",
                              headers: ["Action", "Target", "Owners", "Action text"],
                              rows: p.dueSoon.map { [$0.action, DateWords.words($0.target), $0.owners.joined(separator: "; "), $0.text] }))
            body.append(table(caption: "Slipped targets: \(p.slippage.count)",
                              headers: ["Action", "Times", "Months in all", "First target", "Current target", "Moves"],
                              rows: p.slippage.map { [$0.action, String($0.times), String($0.monthsSlipped), DateWords.words($0.firstTarget),
                                                      DateWords.words($0.currentTarget), movesWords($0)] },
                              overdue: p.slippage.map { s in p.overdue.contains { $0.recommendation == s.recommendation && $0.action == s.action } }))
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
            tr.overdue > * { background: #fbe9e7; }
            tr.overdue > :first-child { border-left: 0.3rem solid #a31515; }
            .flag { display: inline-block; margin-right: 0.4rem; padding: 0 0.3rem; border: 1px solid currentColor; font-size: 0.85em; font-weight: bold; }
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

    /// A table whose first column heads its rows (unless `numeric`); rows whose `overdue` is true
    /// carry the class "overdue" and the word "Overdue" in their first cell, so the mark does not
    /// rest on colour alone.
    static func table(caption: String, headers: [String], rows: [[String]], numeric: Bool = false, overdue: [Bool] = []) -> String {
        var out = ["<table>", "<caption>\(escape(caption))</caption>", "<thead><tr>"]
        out.append(headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined())
        out.append("</tr></thead>")
        out.append("<tbody>")
        if rows.isEmpty {
            out.append("<tr><td colspan=\"\(headers.count)\">None.</td></tr>")
        }
        for (index, row) in rows.enumerated() {
            let late = index < overdue.count && overdue[index]
            out.append((late ? "<tr class=\"overdue\">" : "<tr>") + row.enumerated().map { i, v in
                let flag = late && i == 0 ? "<span class=\"flag\">Overdue</span>" : ""
                return i == 0 && !numeric ? "<th scope=\"row\">\(flag)\(escape(v))</th>"
                    : "<td\(numeric || Int(v) != nil ? " class=\"n\"" : "")>\(flag)\(escape(v))</td>"
            }.joined() + "</tr>")
        }
        out.append("</tbody></table>")
        return out.joined(separator: "\n")
    }

    static func ownerHTML(_ owners: [PlanProgress.OwnerLine], caption: String) -> String {
        table(caption: caption, headers: ["Owner", "Open", "Overdue", "Completed"],
              rows: owners.map { [$0.owner, String($0.open), String($0.overdue), String($0.completed)] })
    }

    /// A line chart of actions by state over time, in SVG, with a text alternative: from the
    /// first day of the plan's history to the as-of day, to scale in days.
    static func chart(_ timeline: [PlanProgress.TimelinePoint], asOf last: Day) -> String {
        guard let first = timeline.first?.date, first < last else {
            return "<p>No chart of actions by state over time: the plan has \(timeline.isEmpty ? "no history" : "no history before \(DateWords.words(last))").</p>"
        }
        let width = 720.0, height = 260.0, left = 48.0, right = 130.0, top = 16.0, bottom = 40.0
        let plotW = width - left - right, plotH = height - top - bottom
        func serial(_ d: Day) -> Double { Double(d.daysSince1970) }
        let x0 = serial(first), span = serial(last) - x0
        let maxCount = max(1, timeline.flatMap { $0.counts.map(\.count) }.max() ?? 1)
        func x(_ d: Day) -> Double { left + (serial(d) - x0) / span * plotW }
        func y(_ n: Int) -> Double { top + plotH - Double(n) / Double(maxCount) * plotH }
        func f(_ v: Double) -> String { String(Int(v.rounded())) }
        var svg = ["<figure>",
                   "<figcaption>Actions by state over time</figcaption>",
                   // Named by aria-label, not an SVG <title>: the page keeps one title.
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Actions by state from \(DateWords.words(first)) to \(DateWords.words(last))\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">",
                   "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(left + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#1b1b1b\"/>",
                   "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#1b1b1b\"/>",
                   "<text x=\"\(f(left - 6))\" y=\"\(f(top + 4))\" text-anchor=\"end\" font-size=\"11\">\(maxCount)</text>",
                   "<text x=\"\(f(left - 6))\" y=\"\(f(top + plotH + 4))\" text-anchor=\"end\" font-size=\"11\">0</text>",
                   "<text x=\"\(f(left))\" y=\"\(f(height - 14))\" font-size=\"11\">\(first)</text>",
                   "<text x=\"\(f(left + plotW))\" y=\"\(f(height - 14))\" text-anchor=\"end\" font-size=\"11\">\(last)</text>"]
        for (i, state) in ActionState.allCases.enumerated() {
            // Steps, not slopes: the plan stays as one commit left it until the next.
            var points: [String] = []
            var previous: Int? = nil
            for point in timeline {
                let n = point.counts.first { $0.state == state }?.count ?? 0
                if let previous { points.append("\(f(x(point.date))),\(f(y(previous)))") }
                points.append("\(f(x(point.date))),\(f(y(n)))")
                previous = n
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
