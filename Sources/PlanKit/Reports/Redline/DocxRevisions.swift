/// The tracked changes of a Word redline: every `w:ins`, `w:del` and comment gets a number of its
/// own and its author and date. One instance per document, so the numbers never repeat.
final class DocxRevisions {
    private var nextID = 1
    /// The comments, in the order they were made: `word/comments.xml`.
    private(set) var comments: [(id: Int, stamp: RevisionStamp, text: String)] = []

    private func attributes(_ stamp: RevisionStamp) -> String {
        defer { nextID += 1 }
        return " w:id=\"\(nextID)\" w:author=\"\(DocxWriter.escaped(stamp.author))\""
            + (stamp.date.map { " w:date=\"\(DocxWriter.escaped($0))\"" } ?? "")
    }

    /// The mark of a row or a paragraph mark inserted (in `w:trPr`, or `w:pPr/w:rPr`).
    func insertedMark(_ stamp: RevisionStamp) -> String { "<w:ins\(attributes(stamp))/>" }
    func deletedMark(_ stamp: RevisionStamp) -> String { "<w:del\(attributes(stamp))/>" }

    /// Runs inserted; nothing for no runs.
    func inserted(_ runs: String, _ stamp: RevisionStamp) -> String {
        runs.isEmpty ? "" : "<w:ins\(attributes(stamp))>" + runs + "</w:ins>"
    }

    /// Runs deleted: written with `deleted: true` (`w:delText`).
    func deleted(_ runs: String, _ stamp: RevisionStamp) -> String {
        runs.isEmpty ? "" : "<w:del\(attributes(stamp))>" + runs + "</w:del>"
    }

    /// A comment on what lies between the two markers returned: its range start, and its range
    /// end with the reference run.
    func comment(_ text: String, _ stamp: RevisionStamp) -> (start: String, end: String) {
        let id = nextID
        nextID += 1
        comments.append((id, stamp, text))
        return ("<w:commentRangeStart w:id=\"\(id)\"/>",
                "<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>")
    }

    /// `word/comments.xml`.
    var commentsPart: String {
        DocxWriter.Package.declaration + "<w:comments xmlns:w=\"\(DocxWriter.Package.wordNamespace)\">"
            + comments.map { comment in
                "<w:comment w:id=\"\(comment.id)\" w:author=\"\(DocxWriter.escaped(comment.stamp.author))\""
                    + (comment.stamp.date.map { " w:date=\"\(DocxWriter.escaped($0))\"" } ?? "")
                    + "><w:p>" + DocxWriter.run(comment.text) + "</w:p></w:comment>"
            }.joined() + "</w:comments>"
    }
}
