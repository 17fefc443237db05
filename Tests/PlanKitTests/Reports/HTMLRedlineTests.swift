import Foundation
import Testing
@testable import PlanKit

/// HTMLRedline: every kind of change gives its `<ins>`/`<del>` markup in B's official table,
/// the summary links to each recommendation's anchor, and nothing is loaded, run or unescaped.
@Suite("HTMLRedline")
struct HTMLRedlineTests {
    typealias F = DiffFixture

    static let labels = DiffRenderer.Labels(old: "v1", new: "v2")

    /// Version A: recommendations 1 to 3 and 8.
    static var old: [Recommendation] {
        [
            F.rec(1, actions: [F.action("1.1", updates: [Update(date: F.date("2021-12"), text: "Guidance drafted")])]),
            F.rec(2, actions: [F.action("2.1"), F.action("2.2", updates: [Update(date: F.date("2021-12"), text: "Pilot started in two regions")])]),
            F.rec(3),
            F.rec(8, text: "Make sure the recall framework is read the same way in every region and by every team", actions: [F.action("8.1")]),
        ]
    }

    /// Version B: 1 reworded, partly agreed, 1.1 reworded, re-owned and slipped with an update
    /// added, 1.2 added; 2.1 removed and 2.2's update removed; 3 removed; 5 added; 8 renumbered 9.
    static var new: [Recommendation] {
        var one = F.rec(1, text: F.text(1).replacingOccurrences(of: "are consistent", with: "are fair and consistent"), status: .partlyAgreed,
                        actions: [F.action("1.1", text: "Publish revised recall guidance for every probation region and court (action 1.1)",
                                           owners: ["Head of Recall Policy"], target: "2022-03",
                                           updates: [Update(date: F.date("2021-12"), text: "Guidance drafted"),
                                                     Update(date: F.date("2022-06"), text: "Consultation closed", state: .inProgress)]),
                                  F.action("1.2", text: "Train every recall caseworker on the guidance")])
        one.implementedPart = "The guidance, not the training budget"
        return [
            one,
            F.rec(2, actions: [F.action("2.2")]),
            F.rec(5, text: "Publish recall rates by region every quarter"),
            F.rec(9, text: "Make sure the recall framework is read the same way in every region and by every team", actions: [F.action("9.1")]),
        ]
    }

    static func render(old: [Recommendation], new: [Recommendation]) throws -> (html: String, changes: [Change]) {
        let result = try F.compare(PlanVersion(old), PlanVersion(new))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let html = HTMLRedline.render(old: Plan(info: F.info, recommendations: old), new: Plan(info: F.info, recommendations: new),
                                      changes: result.changes, labels: labels)
        return (html, result.changes)
    }

    /// The `<tr>` elements whose class attribute is exactly `classes`.
    static func rows(_ classes: String, in html: String) -> [String] {
        HTMLExportTests.elements("tr", in: html).filter { $0.contains("class=\"\(classes)\"") }
    }

    @Test("every kind of change is marked: words, rows, dates with their slip, status, numbers")
    func everyKind() throws {
        let (html, changes) = try Self.render(old: Self.old, new: Self.new)
        let kinds = Set(changes.map(\.kind))
        for kind: ChangeKind in [.textChanged, .statusChanged, .actionTextChanged, .ownerChanged, .targetChanged, .actionAdded,
                                 .actionRemoved, .updateAdded, .updateRemoved, .recommendationAdded, .recommendationRemoved,
                                 .recommendationRenumbered, .fieldChanged] {
            #expect(kinds.contains(kind), "the fixture lacks a \(kind.rawValue) change: \(changes.map(\.summary))")
        }
        // Words inside texts.
        #expect(html.contains("are <ins>fair and</ins> consistent"))
        #expect(html.contains("<strong><ins>Partly</ins> Agreed</strong>"))
        #expect(html.contains("<p><ins>Part agreed: The guidance, not the training budget</ins></p>"))
        #expect(html.contains("<strong>1.1</strong> Publish revised recall guidance for every probation region <ins>and court</ins> (action 1.1)"))
        #expect(html.contains("<del>Deputy Director, Public Protection Group</del>") && html.contains("<ins>Head of Recall Policy</ins>"))
        // The date replaced whole, the slip beside it.
        #expect(html.contains("<p><del>July 2021</del></p><p><ins>March 2022</ins></p><p class=\"move\">target slipped 8 months: <del>July 2021</del> → <ins>March 2022</ins></p>"))
        // Whole rows.
        let addedActions = Self.rows("action added", in: html)
        #expect(addedActions.count == 2, "1.2, and 5.1 in the added recommendation 5")
        #expect(addedActions.contains { $0.contains("<ins><p><strong>1.2</strong> Train every recall caseworker on the guidance</p></ins>") })
        #expect(Self.rows("action removed", in: html).contains { $0.contains("<del><p><strong>2.1</strong> Publish revised recall guidance") })
        #expect(Self.rows("update added", in: html).contains { $0.contains("<ins><p><strong>Update June 2022</strong></p><p>Consultation closed</p></ins>") })
        #expect(Self.rows("update removed", in: html).contains { $0.contains("<del><p><strong>Update December 2021</strong></p><p>Pilot started in two regions</p></del>") })
        // Recommendations added, removed and renumbered.
        #expect(html.contains("<tr id=\"rec-5\" class=\"action added\"><th scope=\"row\"><ins>5</ins></th><td><ins><p>Publish recall rates by region every quarter</p></ins></td>"))
        #expect(html.contains("<tr id=\"removed-rec-3\" class=\"action removed\"><th scope=\"row\"><del>3</del></th>"))
        #expect(html.contains("<tr id=\"rec-9\" class=\"action changed\"><th scope=\"row\"><del>8</del> <ins>9</ins></th>"))
        // Removed recommendation 3 stands between 2 and 5.
        let two = try #require(html.range(of: "id=\"rec-2\"")), three = try #require(html.range(of: "id=\"removed-rec-3\""))
        let five = try #require(html.range(of: "id=\"rec-5\""))
        #expect(two.lowerBound < three.lowerBound && three.lowerBound < five.lowerBound)
        // An update row names the owners in charge: a change of the action's owners shows there too.
        #expect(html.contains("<tr class=\"update changed\"><td><p><strong>Update December 2021</strong></p><p>Guidance drafted</p></td>"
            + "<td><p><del>Deputy Director, Public Protection Group</del> <ins>Head of Recall Policy</ins></p></td><td></td></tr>"))
    }

    @Test("the summary counts the changes, lists slips and status changes, and links each to its row")
    func summary() throws {
        let (html, changes) = try Self.render(old: Self.old, new: Self.new)
        #expect(html.contains("<p class=\"counts\">\(HTMLExport.escape(DiffRenderer.summaryLine(changes)))</p>"))
        #expect(html.contains("<h3>Slipped targets (1)</h3>\n<ul>\n<li><a href=\"#rec-1\">action 1.1: target slipped 8 months (July 2021 → March 2022)</a></li>\n</ul>"))
        #expect(html.contains("<h3>Status changes (1)</h3>\n<ul>\n<li><a href=\"#rec-1\">Recommendation 1: status Agreed → Partly Agreed</a></li>\n</ul>"))
        #expect(html.contains("<li><a href=\"#removed-rec-3\">Recommendation 3</a><ul>\n<li>Recommendation 3 removed (it was Agreed, 1 action)</li>"))
        // Every link goes to an anchor on the page.
        let ids = Set(HTMLExportTests.matches(#"id="[^"]*""#, in: html).map { String($0.dropFirst(4).dropLast()) })
        let links = HTMLExportTests.matches(#"href="[^"]*""#, in: html).map { String($0.dropFirst(6).dropLast()) }
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.hasPrefix("#") && ids.contains(String(link.dropFirst())), "\(link) goes nowhere on the page")
        }
        for number in [1, 2, 5, 9] { #expect(ids.contains("rec-\(number)")) }
    }

    @Test("hostile text is escaped; no script, nothing loaded; unsafe characters shown by their stand-ins")
    func hostile() throws {
        let plan = try ExportSupport.hostile()
        var edited = plan
        edited.recommendations[0].text += " <script>alert(\"new\")</script> & 'more' \u{202E}reversed"
        edited.recommendations[0].actions[0].text = "<img src=\"https://evil.invalid/x.png\"> \u{0007}bell"
        let old = try F.compare(nil, PlanVersion(info: plan.info, plan.recommendations))
        let changed = try F.compare(PlanVersion(info: plan.info, plan.recommendations), PlanVersion(info: plan.info, edited.recommendations))
        let pages = [
            HTMLRedline.render(old: nil, new: plan, changes: old.changes, labels: Self.labels),
            HTMLRedline.render(old: plan, new: edited, changes: changed.changes, labels: DiffRenderer.Labels(old: "<a href=x>", new: "\"v2\"")),
        ]
        #expect(pages[0].contains("<ins>"), "a plan that A does not have is inserted whole")
        for html in pages {
            for tag in HTMLExportTests.matches(#"<[^>]*>"#, in: html) {
                let lower = tag.lowercased()
                for banned in ["src=", "<script", "<link", "<img", "<iframe", "<object", "<embed", " on", "href=\"http", "href=\"//"] {
                    #expect(!lower.contains(banned), "\(tag)")
                }
                if lower.contains("href=") { #expect(lower.contains("href=\"#"), "\(tag)") }
            }
            let style = try #require(HTMLExportTests.elements("style", in: html).first)
            #expect(!style.contains("url(") && !style.contains("@import") && !style.contains("http"))
            #expect(!html.unicodeScalars.contains("\u{202E}") && !html.unicodeScalars.contains("\u{0007}"))
        }
        let html = pages[1]
        #expect(html.contains("<ins>&lt;script&gt;alert(&quot;new&quot;)&lt;/script&gt; &amp; &#39;more&#39; \(HTMLExport.escape("\u{202E}"))reversed</ins>"))
        #expect(html.contains("&lt;img <del>src=x onerror=alert(1)&gt;</del> <ins>src=&quot;https://evil.invalid/x.png&quot;&gt; \(HTMLExport.escape("\u{0007}"))bell</ins>"))
        #expect(html.contains("Changes from <strong>&lt;a href=x&gt;</strong> to <strong>&quot;v2&quot;</strong>"))
    }

    @Test("paragraphs align before words: a paragraph added, one removed, one reworded")
    func paragraphs() {
        let cell = RedlineCells.cell(old: ["One two", "Gone", "Kept"], new: ["One three", "Kept", "New"])
        #expect(cell == "<p>One <del>two</del> <ins>three</ins></p><p><del>Gone</del></p><p>Kept</p><p><ins>New</ins></p>")
        #expect(RedlineCells.cell(old: ["July 2021", "Ongoing"], new: ["March 2022", "Ongoing"], words: false)
            == "<p><del>July 2021</del></p><p><ins>March 2022</ins></p><p>Ongoing</p>")
        #expect(RedlineCells.cell(old: ["Same"], new: ["Same"]) == HTMLExport.cellContent(["Same"]))
    }
}
