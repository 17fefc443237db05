import Foundation
import PlanGit
import PlanWorkflow
import Testing

@Suite("The draft finish journal: its text and its reading")
struct DraftJournalTests {
    static let ids = (a: ObjectID(hex: String(repeating: "a", count: 40))!, b: ObjectID(hex: String(repeating: "b", count: 40))!,
                      c: ObjectID(hex: String(repeating: "c", count: 40))!, d: ObjectID(hex: String(repeating: "d", count: 40))!)

    static let journal = DraftFinishJournal(draft: "team/update", base: "main", baseWas: ids.a, result: ids.b, draftTip: ids.c,
                                            head: .draft, keep: true)

    /// A journal's text with one line replaced (nil: removed) or added.
    static func text(replacing key: String, with line: String?) -> String {
        journal.text.split(separator: "\n").compactMap { existing in
            existing.hasPrefix(key + " ") ? line : String(existing)
        }.joined(separator: "\n") + "\n"
    }

    static func problem(_ text: String) -> String? {
        if case .failure(let error) = DraftFinishJournal.parse(text) { return error.message }
        return nil
    }

    @Test("a journal reads back as it was written, with and without the commit HEAD was at")
    func roundTrip() throws {
        #expect(try DraftFinishJournal.parse(Self.journal.text).get() == Self.journal)
        var other = Self.journal
        other.head = .other
        other.keep = false
        other.headWas = Self.ids.d
        #expect(try DraftFinishJournal.parse(other.text).get() == other)
        #expect(other.text.hasSuffix("head-was \(Self.ids.d)\n"))
    }

    @Test("the text starts with the header a person finding the file reads, then one key and value a line")
    func text() {
        let lines = Self.journal.text.split(separator: "\n").map(String.init)
        #expect(lines.first == DraftFinishJournal.header)
        #expect(lines.dropFirst() == ["draft team/update", "base main", "base-was \(Self.ids.a)", "result \(Self.ids.b)",
                                      "draft-tip \(Self.ids.c)", "head draft", "keep yes"])
    }

    @Test("a damaged journal is refused, saying what is wrong", arguments: [
        ("result", nil, "it has no 'result' line"),
        ("result", "result", "the line 'result' has no value"),
        ("result", "result zzz", "'result' is not a commit id: zzz"),
        ("head", "head sideways", "'head' is not base, draft or other"),
        ("keep", "keep maybe", "'keep' is not yes or no"),
        ("draft", "draft ../up", "it names an invalid draft or branch"),
        ("base", "base main..x", "it names an invalid draft or branch"),
        ("keep", "keep yes\nkeep no", "'keep' is given twice"),
        ("keep", "keep yes\ncolour blue", "it has an unknown line 'colour'"),
    ] as [(String, String?, String)])
    func damaged(key: String, line: String?, problem: String) {
        #expect(Self.problem(Self.text(replacing: key, with: line)) == problem)
    }

    @Test("an interrupted finish is found by its journal in the git folder; a damaged one is an error and stays")
    func pending() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder, committingPlan: false)
            let repository = try Repository.discover(from: folder.path)
            #expect(try DraftFinishJournal.pending(in: repository) == nil)
            try Self.journal.write(in: repository)
            #expect(try DraftFinishJournal.pending(in: repository) == Self.journal)
            let url = DraftFinishJournal.url(in: repository)
            try Data(Self.text(replacing: "result", with: nil).utf8).write(to: url)
            let error = #expect(throws: WorkflowError.self) { try DraftFinishJournal.pending(in: repository) }
            #expect(error?.message.contains("its journal \(url.path) cannot be read (it has no 'result' line); it was left in place") == true)
            #expect(FileManager.default.fileExists(atPath: url.path))
            try Self.journal.remove(in: repository)
            #expect(try DraftFinishJournal.pending(in: repository) == nil)
        }
    }

    @Test("the checkout to bring along is from where the working tree was, none when it already holds the result")
    func checkoutFrom() {
        var journal = Self.journal
        #expect(journal.checkoutFrom == Self.ids.c)
        journal.result = Self.ids.c
        #expect(journal.checkoutFrom == nil)
        journal.head = .base
        #expect(journal.checkoutFrom == Self.ids.a)
        journal.head = .other
        #expect(journal.checkoutFrom == nil)
        journal.headWas = Self.ids.d
        #expect(journal.checkoutFrom == Self.ids.d)
    }
}
