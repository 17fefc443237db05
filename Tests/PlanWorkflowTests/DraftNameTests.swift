import PlanWorkflow
import Testing

@Suite("Draft names")
struct DraftNameTests {
    @Test("names people and git can use are accepted", arguments: ["update", "team/q1-review", "v1.2", "a_b"])
    func accepted(name: String) {
        #expect(throws: Never.self) { try Drafts.validate(name) }
    }

    @Test("names that trip people or git up are refused, saying why", arguments: [
        ("", "is empty"),
        (String(repeating: "a", count: 101), "is longer than 100 characters"),
        ("a b", "may use only letters, digits, '.', '_', '-' and '/' (no spaces or control characters)"),
        ("a\u{7}b", "may use only letters, digits, '.', '_', '-' and '/' (no spaces or control characters)"),
        ("a..b", "may not contain '..'"),
        ("-a", "may not start with '-', '.' or '/'"),
        (".a", "may not start with '-', '.' or '/'"),
        ("a/", "may not end with '/', '.' or '.lock'"),
        ("a.lock", "may not end with '/', '.' or '.lock'"),
        ("a//b", "may not have empty parts or parts starting with '.'"),
        ("a/.b", "may not have empty parts or parts starting with '.'"),
    ])
    func refused(name: String, reason: String) {
        let error = #expect(throws: WorkflowError.self) { try Drafts.validate(name) }
        #expect(error?.message == "'\(name)' is not a valid draft name: it \(reason)")
        #expect(error?.exitCode == 2)
    }

    @Test("a name git refuses as a branch is refused too")
    func gitRefuses() {
        let error = #expect(throws: WorkflowError.self) { try Drafts.validate("a.lock/b") }
        #expect(error?.message == "'a.lock/b' is not a valid draft name: git does not accept the branch draft/a.lock/b")
    }

    @Test("a draft's base is kept in git's configuration under the branch")
    func baseKey() {
        #expect(Drafts.baseKey("draft/update") == "branch.draft/update.plantoolBase")
    }

    @Test("a recommendation file is described by its number, another path as it is")
    func describe() {
        #expect(Drafts.describe(path: "plan/recommendations/05.yaml") == "Recommendation 5 (plan/recommendations/05.yaml)")
        #expect(Drafts.describe(path: "plan/plan.yaml") == "plan/plan.yaml")
        #expect(Drafts.describe(path: "notes/05.yaml") == "notes/05.yaml")
    }
}
