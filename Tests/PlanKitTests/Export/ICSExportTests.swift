import Foundation
import Testing
@testable import PlanKit

/// The calendar of targets: dates, UIDs, escaping and folding as RFC 5545 asks.
@Suite("ICSExport")
struct ICSExportTests {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }

    static func plan(_ actions: [Action]) -> Plan {
        Plan(info: PlanInfo(title: "Recall", organisation: "HMPPS", inspectorate: "HMI Probation",
                            report: Report(title: "Recall culture"), submitted: day(2020, 12, 7)),
             recommendations: [Recommendation(number: 5, addressee: "HMPPS", text: "Review Part B", status: .agreed, actions: actions)])
    }

    /// The content lines of the calendar, unfolded.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test("an event per open action with a target, on the last day of its current target")
    func eventsOnTargets() {
        let plan = Self.plan([
            Action(id: "5.1", text: "Pilot", owners: ["Deputy Director"], target: .month(year: 2021, month: 7),
                   updates: [Update(date: .month(year: 2021, month: 12), text: "Extended", target: .quarter(year: 2022, quarter: 1))]),
            Action(id: "5.2", text: "Publish", target: .month(year: 2024, month: 2)),
            Action(id: "5.3", text: "Done", target: .month(year: 2021, month: 7), state: .completed),
            Action(id: "5.4", text: "No date"),
            Action(id: "5.5", text: "Year end", target: .day(Self.day(2023, 12, 31)), state: .inProgress),
        ])
        let lines = Self.lines(ICSExport.render(plan))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        #expect(lines.filter { $0.hasPrefix("DTSTART;VALUE=DATE:") } == [
            "DTSTART;VALUE=DATE:20220331", "DTSTART;VALUE=DATE:20240229", "DTSTART;VALUE=DATE:20231231",
        ])
        #expect(lines.filter { $0.hasPrefix("DTEND;VALUE=DATE:") } == [
            "DTEND;VALUE=DATE:20220401", "DTEND;VALUE=DATE:20240301", "DTEND;VALUE=DATE:20240101",
        ])
        // The stamp is the latest day the plan records for the action, not the clock.
        #expect(lines.filter { $0.hasPrefix("DTSTAMP:") } == [
            "DTSTAMP:20211201T000000Z", "DTSTAMP:20201207T000000Z", "DTSTAMP:20201207T000000Z",
        ])
        #expect(lines.contains("SUMMARY:Action 5.1 (recommendation 5) due: Pilot"))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
    }

    @Test("UIDs come from the plan's identity and the action's id: the same across runs and edits, different between plans")
    func stableUIDs() {
        var plan = Self.plan([Action(id: "5.1", text: "Pilot", target: .month(year: 2021, month: 7))])
        let uid = Self.lines(ICSExport.render(plan)).first { $0.hasPrefix("UID:") }
        #expect(uid == "UID:action-5.1-\(ICSExport.planIdentity(plan.info))@plantool")
        plan.recommendations[0].actions[0].text = "Pilot, rewritten"
        plan.info.revisions.append(Revision(submitted: Self.day(2021, 12, 7), title: "Update"))
        #expect(Self.lines(ICSExport.render(plan)).first { $0.hasPrefix("UID:") } == uid)
        plan.info.report.title = "Another report"
        #expect(Self.lines(ICSExport.render(plan)).first { $0.hasPrefix("UID:") } != uid)
        #expect(ICSExport.planIdentity(plan.info).count == 16)
    }

    @Test("text is escaped: backslash, semicolon, comma and every kind of line break; control characters by stand-ins")
    func escaping() {
        #expect(ICSExport.escaped("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng")
        #expect(ICSExport.escaped("bell\u{7}") == "bell␇")
        #expect(ICSExport.parameterText("Head \"Ops\"\u{1B}") == "Head 'Ops''")
    }

    @Test("lines fold at 75 octets, never inside a character's UTF-8 bytes, and end with CRLF")
    func folding() {
        let long = "DESCRIPTION:" + String(repeating: "é€😀a", count: 40)
        let folded = ICSExport.folded(long)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        for line in physical {
            #expect(line.utf8.count <= 75, "\(line.utf8.count)")
        }
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
        let calendar = ICSExport.render(Self.plan([Action(id: "5.1", text: String(repeating: "Sentence, with; marks\n", count: 20),
                                                          target: .month(year: 2021, month: 7))]))
        #expect(calendar.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!calendar.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!calendar.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test("--owner keeps the actions one of whose current owners contains the text; attendees are the owners the register gives an address")
    func ownersAndAttendees() {
        let plan = Self.plan([
            Action(id: "5.1", text: "Pilot", owners: ["Deputy Director, Public Protection Group", "Head of Ops"], target: .month(year: 2021, month: 7)),
            Action(id: "5.2", text: "Publish", owners: ["Head of Ops"], target: .month(year: 2021, month: 8),
                   updates: [Update(date: .month(year: 2021, month: 9), text: "Handed over", owners: ["Chief Probation Officer"])]),
        ])
        let addresses = ["deputy director, public protection group": "ppg@example.org"]
        let lines = Self.lines(ICSExport.render(plan, owner: "head of ops", addresses: addresses))
        #expect(lines.filter { $0.hasPrefix("UID:") }.count == 1)
        #expect(lines.contains("ATTENDEE;CN=\"Deputy Director, Public Protection Group\";ROLE=REQ-PARTICIPANT:mailto:ppg@example.org"))
        #expect(Self.lines(ICSExport.render(plan, owner: "chief")).filter { $0.hasPrefix("UID:") }.count == 1)
        #expect(!Self.lines(ICSExport.render(plan)).contains { $0.hasPrefix("ATTENDEE") })
    }

    @Test("the day after the last day of a month, of a year, and of February in a leap year")
    func nextDay() {
        #expect(ICSExport.nextDay(Self.day(2021, 7, 31)) == Self.day(2021, 8, 1))
        #expect(ICSExport.nextDay(Self.day(2021, 12, 31)) == Self.day(2022, 1, 1))
        #expect(ICSExport.nextDay(Self.day(2024, 2, 28)) == Self.day(2024, 2, 29))
        #expect(ICSExport.nextDay(Self.day(2024, 2, 29)) == Self.day(2024, 3, 1))
    }
}
