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
}
