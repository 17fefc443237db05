import Foundation

/// A plan change as a Word document with tracked changes (`plantool diff A B --format docx`), for
/// reviewers who work in Word or LibreOffice: version B written by the export's own code
/// (`DocxWriter`), with every change from A a revision that "Accept/Reject change" handles.
///
/// - Inside a text, words A had and B has not are deleted (`w:del`, `w:delText`), words B adds
///   inserted (`w:ins`), aligned as the HTML redline aligns them (`RedlineCells`, `WordDiff`).
/// - A recommendation, action or update added is a row inserted (`w:trPr/w:ins`) with its every
///   run inserted; one removed is A's row deleted, where it stood (`RedlineTable`).
/// - A changed target is the old date deleted and the new one inserted, with a comment
///   (`comments.xml`) giving the move: "target slipped 8 months (July 2021 → March 2022)".
/// - The title block, introduction, heading and summary are marked the same way.
/// - Each revision's author and date are those of the latest commit between A and B that touched
///   the recommendation's file (or `plan.yaml`), as `RedlineStamps` gives them.
///
/// Accepting every change gives B's export; rejecting every one gives A's words.
public enum DocxRedline {
    /// The package. `old` is nil when A has no plan (everything is then inserted).
    public static func write(old: Plan?, new: Plan, changes: [Change], stamps: RedlineStamps) throws -> Data {
        let revisions = DocxRevisions()
        let doc = OfficialDocument(new), before = old.map(OfficialDocument.init)
        let planText = DocxRedlineText(revisions: revisions, stamp: stamps.planFile)
        let tableRows = RedlineTable.items(old: old, new: new, changes: changes).flatMap { item -> [String] in
            switch item {
            case .heading(let heading): [headingRow(heading, stamps.recommendation(heading.recommendation), revisions)]
            case .recommendation(let rec, _): rows(rec, stamp: stamps.recommendation(rec.rows.number), revisions: revisions)
            }
        }
        let blocks = titleBlock(before, doc, planText) + introduction(before, doc, planText)
            + [Body.termsTable(doc.terms)] + heading(before, doc, planText) + [Body.planTable(tableRows, header: doc.columns)]
            + summary(before, doc, planText)
        let body = Body.document(blocks)
        return try DocxWriter.package(DocxWriter.parts(title: new.info.title, creator: doc.organisation, body: body,
                                                       comments: revisions.commentsPart))
    }

    /// A theme or addressee row, inserted or deleted whole where only one version has it.
    static func headingRow(_ heading: RedlineTable.Heading, _ stamp: RevisionStamp, _ revisions: DocxRevisions) -> String {
        let shading = heading.kind == .theme ? Body.themeShading : Body.addresseeShading
        switch heading.mark {
        case .kept:
            return heading.kind == .theme ? Body.themeRow(heading.text) : Body.addresseeRow(heading.text)
        case .added:
            return Body.spanningRow(revisions.inserted(DocxWriter.run(heading.text, bold: true), stamp), shading: shading,
                                    revision: revisions.insertedMark(stamp))
        case .removed:
            return Body.spanningRow(revisions.deleted(DocxWriter.run(heading.text, bold: true, deleted: true), stamp), shading: shading,
                                    revision: revisions.deletedMark(stamp))
        }
    }

    static func titleBlock(_ old: OfficialDocument?, _ new: OfficialDocument, _ text: DocxRedlineText) -> [String] {
        var organisation = text
        organisation.list = false
        let labels = Dictionary(((old?.titleLines ?? []) + new.titleLines).map { ($0.text, $0.label.count + 1) }, uniquingKeysWith: { a, _ in a })
        var lines = organisation
        lines.bold = { labels[$1] ?? 0 }
        return organisation.lines(old: old.map { [$0.organisation] } ?? [], new: [new.organisation]).map {
            DocxWriter.paragraph($0.runs, .init(style: "Title", markRevision: $0.markRevision))
        } + lines.lines(old: old?.titleLines.map(\.text) ?? [], new: new.titleLines.map(\.text)).map {
            DocxWriter.paragraph($0.runs, .init(markRevision: $0.markRevision))
        }
    }

    /// INTRODUCTION and its paragraphs; the heading inserted or deleted with the last of them.
    static func introduction(_ old: OfficialDocument?, _ new: OfficialDocument, _ text: DocxRedlineText) -> [String] {
        let before = old?.introduction ?? []
        let lines = text.lines(old: before, new: new.introduction)
        guard before.isEmpty != new.introduction.isEmpty else { return Body.introduction(lines) }
        let heading = text.whole([OfficialDocument.introductionHeading], inserted: before.isEmpty)[0]
        return [DocxWriter.paragraph(heading.runs, .init(style: "Heading1", markRevision: heading.markRevision))] + DocxWriter.block(lines)
    }

    static func heading(_ old: OfficialDocument?, _ new: OfficialDocument, _ text: DocxRedlineText) -> [String] {
        var heading = text
        heading.list = false
        return heading.lines(old: old.map { [$0.heading] } ?? [], new: [new.heading]).map {
            DocxWriter.paragraph($0.runs, .init(style: "Heading1", pageBreakBefore: true, markRevision: $0.markRevision))
        }
    }

    /// The summary: a changed count is A's deleted and B's inserted; so is a changed caption.
    static func summary(_ old: OfficialDocument?, _ new: OfficialDocument, _ text: DocxRedlineText) -> [String] {
        let before = Dictionary((old?.summary.counts ?? []).map { ($0.label, $0.count) }, uniquingKeysWith: { a, _ in a })
        func replaced(_ a: String, _ b: String, bold: Bool) -> String {
            text.revisions.deleted(DocxWriter.run(a, bold: bold, deleted: true), text.stamp)
                + text.revisions.inserted(DocxWriter.run(b, bold: bold), text.stamp)
        }
        let caption = old.map(\.summary.caption).flatMap { $0 == new.summary.caption ? nil : replaced($0, new.summary.caption, bold: true) }
        return Body.summary(new.summary, captionRuns: caption) { label, count in
            guard let was = before[label], was != count else { return DocxWriter.run(String(count)) }
            return replaced(String(was), String(count), bold: false)
        }
    }
}
