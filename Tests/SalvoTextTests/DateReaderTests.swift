import Testing
@testable import SalvoText
import SalvoModel

/// The reader's mechanism, on the small lexicon of NumberReaderTests.
@Suite struct DateReaderTests {
    func days(_ text: String, _ lang: String, published: String? = "2024-11-17") -> [String] {
        analyze(text, lang, published: published).dates.compactMap { $0.day?.description }
    }

    @Test func resolvesNightsToTheMorningTheyEnd() {
        #expect(days("In the night of 16 to 17 November, drones attacked.", "en") == ["2024-11-17"])
        #expect(days("У ніч на 17 листопада ворог атакував.", "uk") == ["2024-11-17"])
        #expect(days("In der Nacht zu Sonntag griffen Drohnen an.", "de") == ["2024-11-17"])
    }

    @Test func resolvesRelativeDaysAgainstPublication() {
        #expect(days("Overnight, drones attacked.", "en") == ["2024-11-17"])
        #expect(days("Yesterday, drones attacked.", "en") == ["2024-11-16"])
        #expect(days("On Sunday drones attacked.", "en", published: "2024-11-19") == ["2024-11-17"])
    }

    @Test func yearComesFromPublicationOrTheYearBefore() {
        #expect(days("On 17 November drones attacked.", "en") == ["2024-11-17"])
        #expect(days("Am 28. November griffen Drohnen an.", "de", published: "2025-01-03") == ["2024-11-28"])
        #expect(days("On 17 November 2023 drones attacked.", "en") == ["2023-11-17"])
        #expect(days("On 17 November drones attacked.", "en", published: nil).isEmpty)
    }

    @Test func relativeDayValuesAreLexiconData() throws {
        // The same word, told to mean two days back and a night, resolves so.
        let lex = try Lexicon(files: [("en.tsv", "en", "erewhile\trelday\t-2\tnight")])
        let a = TextAnalysis(text: "Erewhile drones attacked.", language: "en", published: Day("2024-11-17"), lexicon: lex)
        #expect(a.dates.map { $0.day?.description } == ["2024-11-15"])
        #expect(a.dates.first?.isNight == true)
        #expect(a.dates.first?.offset == -2)
    }

    @Test func relativeDaysCountFromTheDatelineTheStoryOpensWith() {
        func days(_ text: String, _ lang: String, published: String = "2025-11-18") -> [String] {
            TextAnalysis(text: text, language: lang, published: Day(published)).dates.map { $0.day?.description ?? "?" }
        }
        #expect(days("KYIV, Nov 17 (Reuters) - Russia launched 80 drones overnight.", "en") == ["2025-11-17", "2025-11-17"])
        #expect(days("Russian strike on Kyiv\nKYIV, Nov 17 (Reuters) - Russia launched 80 drones yesterday.", "en") == ["2025-11-17", "2025-11-16"])
        #expect(days("Київ, 17 листопада. Росія вночі атакувала Україну.", "uk") == ["2025-11-17", "2025-11-17"])
        #expect(days("МОСКВА, 17 ноя - РИА Новости. Ночью ПВО сбила дроны.", "ru") == ["2025-11-17", "2025-11-17"])
        // Guards: a date inside a sentence is no dateline; nor is one weeks before publication.
        #expect(days("Russia said on Nov 17 that drones attacked overnight.", "en") == ["2025-11-17", "2025-11-18"])
        #expect(days("KYIV, Oct 1 (Reuters) - Russia launched 80 drones overnight.", "en") == ["2025-10-01", "2025-11-18"])
    }

    @Test func dayBeforeCountsFromTheDateNamedJustBeforeItInItsParagraph() throws {
        let lex = try Lexicon(files: [("en.tsv", "en", "erewhile\trelday\t-2\tprevious\nmonday\tweekday\t1\nnovember\tmonth\t11")])
        func days(_ text: String) -> [String] {
            TextAnalysis(text: text, language: "en", published: Day("2024-11-17"), lexicon: lex).dates.map { $0.day?.description ?? "?" }
        }
        #expect(days("On 10 November drones attacked; erewhile, missiles.") == ["2024-11-10", "2024-11-08"])
        #expect(days("On Monday drones attacked. Erewhile, missiles.") == ["2024-11-11", "2024-11-09"])
        // No date before it, or one in another paragraph: counted from publication.
        #expect(days("Erewhile, missiles.") == ["2024-11-15"])
        #expect(days("On 10 November drones attacked.\nErewhile, missiles.") == ["2024-11-10", "2024-11-15"])
    }
}

/// Every date pattern of issue 9 in all four languages, on the bundled lexicon. Publication is
/// Sunday 17 November 2024 unless a test says otherwise; Monday 18 November where "Sunday" is meant
/// to lie in the past.
@Suite struct DatePatternTests {
    func dates(_ text: String, _ lang: String, published: String = "2024-11-17") -> [DateMention] {
        analysis(text, lang, published).dates
    }

    func analysis(_ text: String, _ lang: String, _ published: String = "2024-11-17") -> TextAnalysis {
        TextAnalysis(text: text, language: lang, published: Day(published))
    }

    func days(_ text: String, _ lang: String, published: String = "2024-11-17") -> [String] {
        dates(text, lang, published: published).map { $0.day?.description ?? "?" }
    }

    /// The one date of `text`: its day, whether it is a night, and the words it covers.
    func only(_ text: String, _ lang: String, published: String = "2024-11-17") -> (String, Bool, String)? {
        let a = analysis(text, lang, published)
        guard a.dates.count == 1, let d = a.dates.first else { return nil }
        return (d.day?.description ?? "?", d.isNight, a.originalText(d.tokens))
    }

    @Test func overnightSpansEnglish() {
        #expect(only("Drones struck the city in the night of 16 to 17 November.", "en")! == ("2024-11-17", true, "in the night of 16 to 17 November"))
        #expect(only("Russia attacked the port overnight into Sunday.", "en", published: "2024-11-18")! == ("2024-11-17", true, "overnight into Sunday"))
        #expect(only("Air defence was active overnight on Sunday.", "en", published: "2024-11-18")! == ("2024-11-17", true, "overnight on Sunday"))
        #expect(only("Two drones were downed overnight.", "en", published: "2024-11-18")! == ("2024-11-18", true, "overnight"))
    }

    @Test func overnightSpansRussian() {
        #expect(only("В ночь на 17 ноября дроны атаковали город.", "ru")! == ("2024-11-17", true, "В ночь на 17 ноября"))
        #expect(only("В ночь с 16 на 17 ноября дроны атаковали город.", "ru")! == ("2024-11-17", true, "В ночь с 16 на 17 ноября"))
        #expect(only("В ночь на воскресенье дроны атаковали город.", "ru", published: "2024-11-18")!.0 == "2024-11-17")
    }

    @Test func overnightSpansUkrainian() {
        #expect(only("У ніч на неділю дрони атакували місто.", "uk", published: "2024-11-18")! == ("2024-11-17", true, "У ніч на неділю"))
        #expect(only("У ніч проти 17 листопада дрони атакували місто.", "uk")! == ("2024-11-17", true, "У ніч проти 17 листопада"))
    }

    @Test func overnightSpansGerman() {
        #expect(only("In der Nacht zu Sonntag griffen Drohnen die Stadt an.", "de", published: "2024-11-18")! == ("2024-11-17", true, "In der Nacht zu Sonntag"))
        #expect(only("In der Nacht vom 16. auf den 17. November griffen Drohnen an.", "de")! == ("2024-11-17", true, "In der Nacht vom 16. auf den 17. November"))
        #expect(only("In der Nacht griffen Drohnen die Stadt an.", "de")! == ("2024-11-17", true, "In der Nacht"))
    }

    @Test func nightsFromOneDayToTheNext() {
        let monday = "2024-11-18"
        #expect(only("Drones attacked overnight Saturday into Sunday.", "en", published: monday)! == ("2024-11-17", true, "overnight Saturday into Sunday"))
        #expect(only("In der Nacht von Samstag auf Sonntag griffen Drohnen an.", "de", published: monday)!.0 == "2024-11-17")
        #expect(only("В ночь с субботы на воскресенье дроны атаковали город.", "ru", published: monday)!.0 == "2024-11-17")
        #expect(only("У ніч із суботи на неділю дрони атакували місто.", "uk", published: monday)!.0 == "2024-11-17")
        // A day named later in the sentence is not the night's.
        #expect(days("Overnight on Sunday drones attacked, and on Monday again.", "en", published: "2024-11-19") == ["2024-11-17", "2024-11-18"])
    }

    @Test func weekdaysAreTheLatestSuchDayNotAfterPublication() {
        #expect(days("On Monday, drones hit the city.", "en") == ["2024-11-11"])
        #expect(days("Am Montag trafen Drohnen die Stadt.", "de") == ["2024-11-11"])
        #expect(days("У понеділок дрони влучили в місто.", "uk") == ["2024-11-11"])
        #expect(days("В понедельник дроны попали в город.", "ru") == ["2024-11-11"])
        // Published on a Monday: "on Monday" is that day.
        #expect(days("On Monday, drones hit the city.", "en", published: "2024-11-18") == ["2024-11-18"])
        #expect(dates("On Monday, drones hit the city.", "en").first?.isRelative == true)
    }

    @Test func relativeDaysEnglish() {
        #expect(days("Yesterday drones hit the city.", "en") == ["2024-11-16"])
        #expect(days("The day before, drones hit the city.", "en") == ["2024-11-16"])
        #expect(days("Today drones hit the city.", "en") == ["2024-11-17"])
        #expect(days("This morning drones hit the city.", "en") == ["2024-11-17"])
        // In a morning article, last night is the night that ended that morning.
        #expect(only("Last night drones hit the city.", "en")! == ("2024-11-17", true, "Last night"))
    }

    @Test func relativeDaysOtherLanguages() {
        #expect(days("Gestern trafen Drohnen die Stadt.", "de") == ["2024-11-16"])
        #expect(days("Heute trafen Drohnen die Stadt.", "de") == ["2024-11-17"])
        #expect(days("Вчора дрони влучили в місто.", "uk") == ["2024-11-16"])
        #expect(only("Минулої ночі дрони влучили в місто.", "uk")! == ("2024-11-17", true, "Минулої ночі"))
        #expect(days("Вчера дроны попали в город.", "ru") == ["2024-11-16"])
        #expect(only("Прошлой ночью дроны попали в город.", "ru")! == ("2024-11-17", true, "Прошлой ночью"))
        let y = dates("Вчера дроны попали в город.", "ru").first
        #expect(y?.isRelative == true && y?.offset == -1 && y?.isNight == false)
    }

    @Test func apStyleAndOtherDayMonthOrders() {
        #expect(only("On Nov. 8, drones hit the city.", "en")! == ("2024-11-08", false, "Nov. 8"))
        #expect(days("On Sept. 30, drones hit the city.", "en") == ["2024-09-30"])
        #expect(days("On 8 Nov drones hit the city.", "en") == ["2024-11-08"])
        #expect(days("On November 8, 2023, drones hit the city.", "en") == ["2023-11-08"])
        #expect(days("Am 8. November trafen Drohnen die Stadt.", "de") == ["2024-11-08"])
        #expect(days("8-го ноября дроны попали в город.", "ru") == ["2024-11-08"])
        #expect(days("8 листопада дрони влучили в місто.", "uk") == ["2024-11-08"])
        #expect(dates("On Nov. 8, drones hit the city.", "en").first?.isRelative == false)
        // A month that ends a sentence does not take the next sentence's number as its day.
        #expect(days("It happened in November. 5 people died.", "en").isEmpty)
    }

    @Test func datesWithoutAYearLookBack() {
        #expect(days("On Dec. 28, drones hit the city.", "en", published: "2025-01-03") == ["2024-12-28"])
        #expect(days("28 грудня дрони влучили в місто.", "uk", published: "2025-01-03") == ["2024-12-28"])
        #expect(days("On Jan. 2, drones hit the city.", "en", published: "2025-01-03") == ["2025-01-02"])
    }

    @Test func numericDates() {
        #expect(days("Am 17.11.2024 trafen Drohnen die Stadt.", "de") == ["2024-11-17"])
        #expect(days("On 2024-11-17 drones hit the city.", "en") == ["2024-11-17"])
        #expect(days("17/11/2024 дрони влучили в місто.", "uk") == ["2024-11-17"])
        #expect(days("17.11.24 дроны попали в город.", "ru") == ["2024-11-17"])
        // "24/7" is no date.
        #expect(days("Air defence works 24/7.", "en").isEmpty)
    }

    @Test func linearOnAHugeText() {
        // 40,000 dated sentences, about 4 MB: one pass, no look-back.
        let sentence = "In der Nacht zu Sonntag griffen 25 Drohnen an, am 8. November trafen sie die Stadt, sagte man gestern dazu und heute. "
        let text = String(repeating: sentence, count: 40_000)
        let clock = ContinuousClock()
        var count = 0
        let took = clock.measure { count = analysis(text, "de").dates.count }
        #expect(count == 160_000)
        #expect(took < .seconds(30))  // debug builds; a release build reads it in well under a second
    }
}
