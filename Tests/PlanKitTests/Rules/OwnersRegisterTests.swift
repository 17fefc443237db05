import Testing
@testable import PlanKit

/// The owners register in `.plantool.yaml`: roles as text, or with an e-mail address for calendars.
@Suite("owners register")
struct OwnersRegisterTests {
    func parse(_ text: String) -> (LintConfiguration?, [Diagnostic]) {
        LintConfiguration.parse(Array(text.utf8), path: ".plantool.yaml")
    }

    @Test("an entry is a role, or a role with an e-mail address; both are known roles")
    func rolesAndAddresses() throws {
        let (parsed, diagnostics) = parse("""
            owners:
              - Head of Operations
              - role: Deputy Director, Public Protection Group
                email: ppg.lead@example.gov.uk
              - role: Chief Probation Officer

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let configuration = try #require(parsed)
        #expect(configuration.owners == ["Head of Operations", "Deputy Director, Public Protection Group", "Chief Probation Officer"])
        #expect(configuration.ownerEmails == ["deputy director, public protection group": "ppg.lead@example.gov.uk"])
    }

    @Test("a plan's register replaces the repository's, addresses and all")
    func overlay() throws {
        let outer = try #require(parse("owners:\n  - role: A\n    email: a@example.org\n").0)
        let inner = try #require(parse("owners:\n  - B\n").0)
        #expect(outer.overlaid(by: inner).ownerEmails.isEmpty)
        #expect(outer.overlaid(by: LintConfiguration()).ownerEmails == ["a": "a@example.org"])
    }

    @Test("an entry without a role, an unknown key or an address that could break a calendar line is refused at its place",
          arguments: [
              ("owners:\n  - email: a@example.org\n", "needs a non-empty role"),
              ("owners:\n  - role: A\n    phone: 1\n", "unknown key 'phone'"),
              ("owners:\n  - role: A\n    email: \"a@example.org\\r\\nATTENDEE:x\"\n", "is not an e-mail address"),
              ("owners:\n  - role: A\n    email: not-an-address\n", "is not an e-mail address"),
              ("owners:\n  - [A]\n", "{role: TEXT, email: ADDRESS}"),
          ])
    func refused(_ text: String, _ message: String) throws {
        let (parsed, diagnostics) = parse(text)
        #expect(parsed == nil)
        let first = try #require(diagnostics.first)
        #expect(first.message.contains(message), "\(first.message)")
        #expect(first.location != nil)
    }
}
