import Foundation
import Testing

/// Editing commands given what a new user gives them: `-m` commits the edit and nothing else,
/// words that do not read are refused as plantool refuses (not with a usage screen), a day
/// written as a UK spreadsheet writes it is read, and an owner given twice is named once.
@Suite("editing commands: -m commits only the edit; input in the forms people write")
struct EditCommitScopeTests {
    @Test("-m refuses, writing nothing, when a hand edit elsewhere in the plan or a staged file would go into its commit")
    func commitCarriesOnlyTheEdit() throws {
        try EditCommandTests.withRepository { repo, plan in
            let other = plan.appendingPathComponent("recommendations/03.yaml")
            try GitFixture.replace("Analyse information", with: "Analyse the information", in: other)
            let handEdited = try RepositoryState.of(repo)
            let refused = run(["action", "update", "5.1", "--text", "x", "--date", "2022-12", "-m", "Update 5.1"], in: plan)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("plan/recommendations/03.yaml") && refused.stderr.contains("nothing was written"), "\(refused)")
            #expect(!refused.stdout.contains("action 5.1"), "a refused -m shows no change as if made: \(refused)")
            #expect(try RepositoryState.of(repo) == handEdited)

            try gitOK(["checkout", "-q", "--", "."], in: repo)
            try Data("notes\n".utf8).write(to: repo.appendingPathComponent("notes.txt"))
            try gitOK(["add", "notes.txt"], in: repo)
            let staged = try RepositoryState.of(repo)
            let stagedRefused = run(["action", "update", "5.1", "--text", "x", "--date", "2022-12", "-m", "Update 5.1"], in: plan)
            #expect(stagedRefused.status == 1 && stagedRefused.stderr.contains("notes.txt (staged)"), "\(stagedRefused)")
            #expect(try RepositoryState.of(repo) == staged)

            try gitOK(["rm", "-q", "--cached", "notes.txt"], in: repo)
            let made = run(["action", "update", "5.1", "--text", "x", "--date", "2022-12", "-m", "Update 5.1"], in: plan)
            #expect(made.status == 0, "\(made)")
            #expect(try gitOK(["show", "--name-only", "--format=", "HEAD"], in: repo) == "plan/recommendations/05.yaml")
        }
    }

    @Test("a state, status or reason category that does not read is refused as plantool refuses, exit 2, with no usage screen")
    func wordsRefusedPlainly() throws {
        try EditCommandTests.withRepository { repo, plan in
            let before = try RepositoryState.of(repo)
            let cases: [([String], String)] = [
                (["action", "update", "5.1", "--text", "x", "--state", "half done"], "plantool: error: 'half done' is not a state"),
                (["rec", "set", "3", "--status", "disagreed"], "plantool: error: 'disagreed' is not a status"),
                (["rec", "set", "3", "--reason-category", "money", "--reason", "x"], "plantool: error: 'money' is not a reason category"),
            ]
            for (args, words) in cases {
                let result = run(args, in: plan)
                #expect(result.status == 2, "\(args): \(result)")
                #expect(result.stderr.contains(words) && !result.stderr.contains("Usage:"), "\(args): \(result)")
            }
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("a day written 31/03/2023 reads as 31 March 2023; 30/02/2023 is refused")
    func daysAsSpreadsheetsWriteThem() throws {
        try EditCommandTests.withRepository { _, plan in
            let bad = run(["action", "update", "5.1", "--text", "x", "--date", "2022-12", "--target", "30/02/2023"], in: plan)
            #expect(bad.status == 2 && bad.stderr.contains("'30/02/2023' is not a date"), "\(bad)")
            let good = run(["action", "update", "5.1", "--text", "Extended.", "--date", "2022-12", "--target", "31/03/2023"], in: plan)
            #expect(good.status == 0, "\(good)")
            let text = try #require(GitFixture.text(of: plan.appendingPathComponent("recommendations/05.yaml")))
            #expect(text.hasSuffix("        target: \"2023-03-31\"\n") || text.hasSuffix("        target: 2023-03-31\n"), "\(text)")
            EditCommandTests.expectCleanAndCanonical(plan)
        }
    }

    @Test("an owner given twice (--owner A --owner A) is written once")
    func ownerGivenTwice() throws {
        try EditCommandTests.withRepository { _, plan in
            let owner = "Deputy Director, Public Protection Group"
            let added = run(["action", "add", "8", "--text", "Deliver 3 refresher sessions by March 2023.",
                             "--owner", owner, "--owner", owner, "--target", "2023-03"], in: plan)
            #expect(added.status == 0, "\(added)")
            let text = try #require(GitFixture.text(of: plan.appendingPathComponent("recommendations/08.yaml")))
            #expect(text.components(separatedBy: "      - \(owner)\n").count == 2, "\(text)")
            EditCommandTests.expectCleanAndCanonical(plan)
        }
    }
}

/// `owner rename` of a name held by committed updates: a new spelling reaches them, a merge of two owners does not.
@Suite("owner rename: a name in committed updates")
struct OwnerRenameRecordTests {
    @Test("renaming the spelling that committed updates hold renames it there too: a new spelling, not a rewrite of the record")
    func renameReachesCommittedUpdates() throws {
        try EditCommandTests.withRepository { repo, plan in
            let renamed = run(["owner", "rename", EditCommandTests.long, EditCommandTests.short], in: plan)
            #expect(renamed.status == 0, "\(renamed)")
            for file in ["03.yaml", "04.yaml"] {
                let text = try String(contentsOf: plan.appendingPathComponent("recommendations/" + file), encoding: .utf8)
                #expect(!text.contains(EditCommandTests.long), "\(file)")
                #expect(text.contains(EditCommandTests.short), "\(file)")
            }
            EditCommandTests.expectCleanAndCanonical(plan)
        }
    }

    @Test("a rename that would merge two owners of a committed update is refused, writing nothing, saying why")
    func mergeInACommittedUpdateRefused() throws {
        try EditCommandTests.withRepository { repo, plan in
            // Action 8.1's update names both owners of the action after a committed edit.
            let file = plan.appendingPathComponent("recommendations/08.yaml")
            var text = try String(contentsOf: file, encoding: .utf8)
            text = text.replacingOccurrences(of: "        state: completed\n", with: """
                        state: completed
                        owners:
                          - Senior Responsible Officer, Probation Reform Programme
                          - Executive Director, Probation Workforce and Recovery Programme

                """, options: [], range: text.range(of: "        state: completed\n"))
            try Data(text.utf8).write(to: file)
            try gitOK(["commit", "-q", "-am", "Owners of 8.1's update"], in: repo)
            let before = try RepositoryState.of(repo)
            let refused = run(["owner", "rename", "Executive Director, Probation Workforce and Recovery Programme", EditCommandTests.short], in: plan)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("updates are a record"), "\(refused)")
            #expect(try RepositoryState.of(repo) == before)
        }
    }

    @Test("owner rename rewrites a register item `- role: NAME` with an address, and a quoted item with a comment, changing only those lines")
    func registerWithAddressesAndComments() throws {
        try EditCommandTests.withRepository { repo, plan in
            let register = plan.appendingPathComponent(".plantool.yaml")
            try Data("""
                owners:
                  # two spellings of the SRO
                  - "\(EditCommandTests.short)"   # old
                  - role: Deputy Director, Public Protection Group # lead
                    email: ppg@example.gov.uk

                """.utf8).write(to: register)
            try gitOK(["add", "-A"], in: repo)
            try gitOK(["commit", "-q", "-m", "Owners register"], in: repo)
            let sro = run(["owner", "rename", EditCommandTests.short, EditCommandTests.long], in: plan)
            #expect(sro.status == 0, "\(sro)")
            let ppg = run(["owner", "rename", "Deputy Director, Public Protection Group", "Deputy Director (PPG)"], in: plan)
            #expect(ppg.status == 0, "\(ppg)")
            #expect(GitFixture.text(of: register) == """
                owners:
                  # two spellings of the SRO
                  - \(EditCommandTests.long)   # old
                  - role: Deputy Director (PPG) # lead
                    email: ppg@example.gov.uk

                """)
            let lint = run(["lint"], in: plan).stdout
            #expect(!lint.contains("owner \"Deputy Director (PPG)\"") && !lint.contains("owner \"\(EditCommandTests.long)\""), "\(lint)")
            EditCommandTests.expectCleanAndCanonical(plan)
        }
    }
}
