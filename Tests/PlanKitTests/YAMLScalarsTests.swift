import Testing
@testable import PlanKit

/// What other YAML readers take a plain scalar for, at the edges of the first-byte test that
/// clears most text at once: long readings are still found, long text still passes.
@Suite struct YAMLScalarsTests {
    @Test(arguments: [
        ("2021-12-14 21:59:43", "a date"), ("2021-12-14t21:59:43.10-05:00", "a date"), ("2001-1-5", "a date"),
        ("-12345.5", "a number"), ("+1_000_000", "a number"), ("1234567", "a number"), ("0x1F_00", "a number"),
        ("190:20:30", "a number"), (".5e+10", "a number"), ("-.inf", "a number"), ("+.NaN", "a number"),
        ("FALSE", "a boolean"), ("off", "a boolean"), ("NULL", "null"), ("~", "null"), ("<<", "a special key"), ("=", "a special key"),
    ])
    func readingsOtherReadersMake(text: String, reading: String) {
        #expect(YAMLScalars.nonStringReading(text) == reading)
    }

    @Test(arguments: ["Head of Public Protection", "falsehood", "nullable", "12 months", "2021-12 and after", "-- see above",
                      ".5 of the cases", "+1 more", "Q1 2024", "<<< notes", "= total", "yes please", "2021-1x-14", "0x1G"])
    func textIsText(text: String) {
        #expect(YAMLScalars.nonStringReading(text) == nil)
    }
}
