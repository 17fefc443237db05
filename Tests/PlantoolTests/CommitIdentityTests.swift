import Foundation
import Testing

/// Identities and dates that would corrupt a commit (a line break in a name writes a line of its
/// own into the commit object; libgit2 writes the seconds as 32 bits) are refused by every
/// command that commits, before anything is written.
@Suite("commit identities and dates")
struct CommitIdentityTests {
    static let forgedParent = "parent " + String(repeating: "1", count: 40)

    /// Each case: plantool's extra arguments, the environment, and what the refusal says.
    static let hostile: [(arguments: [String], env: [String: String], says: String)] = [
        (["--author", "Evil\n\(forgedParent) <e@x>"], [:], "the author's name (from --author) contains a line break"),
        ([], ["GIT_AUTHOR_NAME": "Evil\n\(forgedParent)"], "the author's name (from GIT_AUTHOR_NAME) contains a line break"),
        ([], ["GIT_COMMITTER_EMAIL": "c@x>\n\(forgedParent)"], "the committer's email (from GIT_COMMITTER_EMAIL) contains '<' or '>'"),
        ([], ["GIT_AUTHOR_NAME": "Ann <ann@x"], "the author's name (from GIT_AUTHOR_NAME) contains '<' or '>'"),
        ([], ["GIT_COMMITTER_NAME": "Tab\u{1}Bell"], "the committer's name (from GIT_COMMITTER_NAME) contains a control character"),
        ([], ["GIT_AUTHOR_DATE": "@-1 +0000"], "GIT_AUTHOR_DATE='@-1 +0000': dates before 1970"),
        ([], ["GIT_COMMITTER_DATE": "@4294967296 +0000"], "GIT_COMMITTER_DATE='@4294967296 +0000': dates after 2106-02-07"),
        ([], ["GIT_AUTHOR_DATE": "@1638871200 +2500"], "a time zone of 24 hours or more"),
    ]

    static func expectUnchanged(_ repo: URL, since before: RepositoryState, objects: String, _ label: String) throws {
        #expect(try RepositoryState.of(repo) == before, "\(label)")
        #expect(try gitOK(["count-objects"], in: repo) == objects, "\(label): objects were written")
        let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
        #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(label): \(fsck)")
    }

    @Test("commit refuses a name or email with a line break, '<', '>' or a control character, and dates libgit2 would wrap, changing nothing")
    func commitRefusesHostileIdentities() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            try GitFixture.replace("addressee: HM Prison and Probation Service", with: "addressee: Ministry of Justice",
                                   in: plan.appendingPathComponent("recommendations/02.yaml"))
            let before = try RepositoryState.of(repo)
            let objects = try gitOK(["count-objects"], in: repo)
            for (arguments, env, says) in Self.hostile {
                let label = "\(arguments) \(env)"
                let result = run(["commit", "-m", "Hostile"] + arguments, in: plan, env: env)
                #expect(result.status == 2, "\(label): \(result)")
                #expect(result.stderr.contains(says), "\(label): \(result)")
                #expect(result.stderr.contains("nothing was changed"), "\(label): \(result)")
                try Self.expectUnchanged(repo, since: before, objects: objects, label)
            }
            // From git's configuration too.
            try gitOK(["config", "user.name", "Ann\n\(Self.forgedParent)"], in: repo)
            let configured = run(["commit", "-m", "Hostile"], in: plan, env: ["GIT_AUTHOR_NAME": ""])
            #expect(configured.status == 2, "\(configured)")
            #expect(configured.stderr.contains("the author's name (from user.name) contains a line break"), "\(configured)")
            try gitOK(["config", "--unset", "user.name"], in: repo)
            try Self.expectUnchanged(repo, since: before, objects: objects, "user.name")

            // The largest date libgit2 writes, and the earliest, are kept exactly.
            for (number, date) in ["@4294967295 +0000", "@0 -1200"].enumerated() {
                try GitFixture.replace("addressee: ", with: "addressee: \(number) ", in: plan.appendingPathComponent("recommendations/04.yaml"))
                let result = run(["commit", "-m", "Edge \(date)"], in: plan, env: ["GIT_AUTHOR_DATE": date])
                #expect(result.status == 0, "\(result)")
                #expect(try gitOK(["log", "-1", "--format=%ad", "--date=raw"], in: repo) == String(date.dropFirst()))
            }
            let fsck = git(["fsck", "--strict", "--no-progress"], in: repo)
            #expect(fsck.status == 0 && fsck.stderr.isEmpty, "\(fsck)")
        }
    }

    @Test("init outside a repository refuses a hostile --author before creating anything")
    func initRefusesHostileAuthor() throws {
        try withTemporaryDirectory { dir in
            for (arguments, env, says) in Self.hostile {
                let result = run(["init", "newplan", "--title", "T"] + arguments, in: dir, env: env)
                #expect(result.status == 2, "\(arguments) \(env): \(result)")
                #expect(result.stderr.contains(says), "\(arguments) \(env): \(result)")
                let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                #expect(left.isEmpty, "init created \(left)")
            }
        }
    }

    @Test("draft finish refuses a hostile identity for its merge commit, leaving every branch as it was")
    func draftFinishRefusesHostileIdentity() throws {
        try withTemporaryDirectory { dir in
            let repo = try GitFixture.repository(in: dir)
            let plan = repo.appendingPathComponent("plan")
            let env = ["GIT_COMMITTER_NAME": "Evil\n\(Self.forgedParent)"]
            _ = try GitDraftTests.draftWithCommit("update", changing: 2, in: repo)
            try GitDraftTests.plantoolOK(["draft", "switch", "main"], in: repo)
            try GitDraftTests.setAddressee("Purple Futures", of: 3, in: repo)
            try GitDraftTests.plantoolOK(["commit", "-m", "Main: recommendation 3"], in: plan)
            let before = try RepositoryState.of(repo)

            let result = run(["draft", "finish", "update"], in: repo, env: env)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("the committer's name (from GIT_COMMITTER_NAME) contains a line break"), "\(result)")
            #expect(try RepositoryState.of(repo) == before)
            // The merged tree may be written before the identity is read; no commit is.
            #expect(try gitOK(["rev-list", "--all", "--count"], in: repo) == "3")
            let fsck = git(["fsck", "--strict", "--no-progress", "--no-dangling"], in: repo)
            #expect(fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty, "\(fsck)")
        }
    }
}
