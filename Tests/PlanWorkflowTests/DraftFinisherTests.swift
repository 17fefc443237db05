import Foundation
import PlanGit
import PlanWorkflow
import Testing

@Suite("draft finish, without the binary")
struct DraftFinisherTests {
    @Test("a draft its base has not moved from is fast-forwarded, and what was done is reported")
    func fastForward() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder)
            try git(["switch", "-q", "-c", "draft/update"], in: folder)
            try git(["commit", "-q", "--allow-empty", "-m", "Update"], in: folder)
            let tip = try #require(ObjectID(hex: try git(["rev-parse", "HEAD"], in: folder)))
            var said: [String] = []
            try DraftFinisher(git: try GitSelection.open(at: folder.path), name: "update", keep: false, author: nil).finish { said.append($0) }
            #expect(said == ["finished draft 'update' into main (fast-forward, now at \(tip.short)); the draft's branch is deleted"])
            #expect(try git(["rev-parse", "main"], in: folder) == tip.description)
            #expect(try git(["symbolic-ref", "HEAD"], in: folder) == "refs/heads/main")
            #expect(try git(["branch", "--list", "draft/*"], in: folder) == "")
            #expect(try DraftFinishJournal.pending(in: try Repository.discover(from: folder.path)) == nil)
        }
    }

    @Test("a draft that does not exist is refused, naming the drafts there are")
    func unknownDraft() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder)
            try git(["branch", "draft/other"], in: folder)
            let error = #expect(throws: WorkflowError.self) {
                try DraftFinisher(git: try GitSelection.open(at: folder.path), name: "update", keep: false, author: nil).finish { _ in }
            }
            #expect(error?.message == "no draft named 'update' (drafts: other)")
        }
    }

    @Test("a tracked file changed between the dirty check and the checkout: refused, the journal gone, the edit kept, no branch moved")
    func fileChangedBeforeCheckout() throws {
        try withTemporaryFolder { folder in
            try repository(in: folder)
            let notes = folder.appendingPathComponent("notes.txt")
            try "first\n".write(to: notes, atomically: true, encoding: .utf8)
            try git(["add", "notes.txt"], in: folder)
            try git(["commit", "-q", "-m", "Notes"], in: folder)
            try git(["switch", "-q", "-c", "draft/update"], in: folder)
            try "drafted\n".write(to: notes, atomically: true, encoding: .utf8)
            try git(["commit", "-q", "-am", "Draft the notes"], in: folder)
            // The base already holds the draft, and has moved on: finishing from the draft
            // checks the base out over the working tree.
            try git(["switch", "-q", "main"], in: folder)
            try git(["merge", "-q", "--no-ff", "-m", "Merge the draft", "draft/update"], in: folder)
            try "on main\n".write(to: notes, atomically: true, encoding: .utf8)
            try git(["commit", "-q", "-am", "Notes on main"], in: folder)
            try git(["switch", "-q", "draft/update"], in: folder)
            let mainBefore = try git(["rev-parse", "main"], in: folder)

            var said: [String] = []
            let finisher = DraftFinisher(git: try GitSelection.open(at: folder.path), name: "update", keep: false, author: nil)
            #expect(throws: (any Error).self) {
                try finisher.finish { line in
                    said.append(line)
                    // Said after the dirty check, before the checkout: a person saves a file now.
                    try? "a person's edit\n".write(to: notes, atomically: true, encoding: .utf8)
                }
            }
            #expect(said == ["nothing to merge: main already holds every commit of the draft"])
            #expect(try DraftFinishJournal.pending(in: try Repository.discover(from: folder.path)) == nil)
            #expect(try String(contentsOf: notes, encoding: .utf8) == "a person's edit\n")
            #expect(try git(["rev-parse", "main"], in: folder) == mainBefore)
            #expect(try git(["symbolic-ref", "HEAD"], in: folder) == "refs/heads/draft/update")
            #expect(try git(["branch", "--list", "draft/update"], in: folder) == "* draft/update")
        }
    }
}
