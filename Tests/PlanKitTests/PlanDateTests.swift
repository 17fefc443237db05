import TestSupport
import Testing
@testable import PlanKit

@Suite struct PlanDateTests {
    @Test func parsesTheThreeForms() {
        #expect(PlanDate("2021-07") == .month(year: 2021, month: 7))
        #expect(PlanDate("2021-07-31") == .day(Day(year: 2021, month: 7, day: 31)!))
        #expect(PlanDate("2021-Q3") == .quarter(year: 2021, quarter: 3))
        for bad in ["2021-7", "2021-00", "2021-13", "2021-Q0", "2021-Q5", "2021-q3", "202-07", "2021-07-32", "2021-02-29",
                    "2021--7", "+021-07", "2021-07-1", "", "2021", "2021-07-31-01", "２０２１-07"] {
            #expect(PlanDate(bad) == nil, "\(bad)")
        }
        #expect(Day("2024-02-29") != nil)
        #expect(Day("1900-02-29") == nil)
        #expect(Day("2000-02-29") != nil)
    }

    @Test func writesWhatItReads() {
        for text in ["2021-07", "2021-07-31", "2021-Q3", "0999-01"] {
            #expect(PlanDate(text)?.description == text)
        }
    }

    @Test func monthsBetweenTargets() {
        let from = PlanDate("2021-07")!, to = PlanDate("2022-03")!
        #expect(to.monthIndex - from.monthIndex == 8)
        #expect(PlanDate("2021-Q1")!.lastDay == Day(year: 2021, month: 3, day: 31))
        #expect(PlanDate("2024-02")!.lastDay == Day(year: 2024, month: 2, day: 29))
        #expect(PlanDate("2021-Q2")!.firstDay == Day(year: 2021, month: 4, day: 1))
    }
}

/// The reader takes dates byte by byte; it must agree with reading them the long way, by parts.
@Suite struct PlanDateReaderAgreementTests {
    /// The rules as the format states them: split at '-', four digits, then two digits (a month,
    /// or 'Q' and a quarter), then optionally two digits of a day, and a real date.
    static func byParts(_ text: String) -> PlanDate? {
        func number(_ part: Substring) -> Int? {
            guard !part.isEmpty, part.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int(part)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, let year = number(parts[0]),
              (1...9999).contains(year), parts[1].count == 2 else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 2, let month = number(parts[1]), let day = number(parts[2]),
                  let date = Day(year: year, month: month, day: day) else { return nil }
            return .day(date)
        }
        if let month = number(parts[1]) { return (1...12).contains(month) ? .month(year: year, month: month) : nil }
        guard parts[1].first == "Q", let quarter = number(parts[1].dropFirst()), (1...4).contains(quarter) else { return nil }
        return .quarter(year: year, quarter: quarter)
    }

    @Test func agreesWithReadingByParts() {
        let pieces = ["0", "1", "2", "3", "9", "-", "Q", "q", " ", "\u{301}", "２", "é", "\r\n", "00", "12", "31", "29", "2021", "0000"]
        var generator = SplitMix64(state: 7)
        var accepted = 0
        for _ in 0..<20_000 {
            // A date of one of the three forms (not always a real one), then up to two edits.
            let year = Int.random(in: 0...10_000, using: &generator), month = Int.random(in: 0...13, using: &generator)
            let day = Int.random(in: 0...32, using: &generator)
            func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
            var characters: [String] = Array([pad(year, 4) + "-" + pad(month, 2), pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2),
                                              pad(year, 4) + "-Q" + String(month % 6)].randomElement(using: &generator)!).map(String.init)
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                let at = Int.random(in: 0..<characters.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: characters[at] = pieces.randomElement(using: &generator)!
                case 1: characters.insert(pieces.randomElement(using: &generator)!, at: at)
                default: if characters.count > 1 { characters.remove(at: at) }
                }
            }
            let text = characters.joined()
            let read = PlanDate(text)
            #expect(read == Self.byParts(text), "\(text.debugDescription)")
            #expect(Day(text) == { if case .day(let d)? = read { d } else { nil } }(), "\(text.debugDescription)")
            // A substring is read as the string it shows (padded with line feeds, which no
            // combining mark joins).
            let padded = "\n" + text + "\n"
            #expect(PlanDate(padded.dropFirst().dropLast()) == read)
            if read != nil { accepted += 1 }
        }
        for text in ["2021-07", "2021-07-31", "2021-Q3", "9999-12-31", "0001-01", "2024-02-29"] {
            #expect(PlanDate(text) != nil && PlanDate(text) == Self.byParts(text), "\(text)")
        }
        #expect(accepted > 2_000 && accepted < 18_000, "the generated texts include valid and invalid dates (\(accepted) valid)")
    }
}
