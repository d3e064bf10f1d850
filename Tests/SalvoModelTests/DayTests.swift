import Testing
@testable import SalvoModel

@Suite struct DayTests {
    @Test func parsesAndPrints() {
        #expect(Day("2024-11-17")?.description == "2024-11-17")
        #expect(Day("2024-11-17T05:46:54Z")?.description == "2024-11-17")
        #expect(Day("2024-02-30") == nil)
        #expect(Day("17.11.2024") == nil)
    }

    @Test func arithmeticCrossesMonthsAndYears() {
        #expect(Day("2024-03-01")!.adding(days: -1).description == "2024-02-29")
        #expect(Day("2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(Day(ordinal: Day("2000-01-01")!.ordinal) == Day("2000-01-01"))
    }

    @Test func weekdayIsISO() {
        #expect(Day("2024-11-17")!.weekday == 7)  // a Sunday
        #expect(Day("2025-05-26")!.weekday == 1)  // a Monday
    }
}
