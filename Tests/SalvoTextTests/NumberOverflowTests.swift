import Testing
@testable import SalvoText
import SalvoModel

/// Numbers no type can hold end as `.tooLarge`, never as a trap or a count (issue 11).
@Suite struct NumberOverflowTests {
    func numbers(_ text: String, _ lang: String) -> [NumberMention] {
        TextAnalysis(text: text, language: lang, published: Day("2024-11-17")).numbers
    }

    func counts(_ text: String, _ lang: String) -> [Int] {
        numbers(text, lang).filter { $0.kind == .count }.map(\.value)
    }

    @Test func longDecimalsKeepTheirFirstThreeDigits() {
        let n = numbers("The ratio was 0.30000000000000004 that day.", "en")
        #expect(n.map(\.kind) == [.decimal])
        #expect(n.first?.value == 300)
        let many = numbers("Es waren 3,14159265358979323846264338 Prozent.", "de")
        #expect(many.map(\.kind) == [.decimal])
        #expect(many.first?.value == 3141)
    }

    @Test func longDigitGroupsAreTooLarge() {
        let en = numbers("They claimed 1,000,000,000,000,000,000,000 drones.", "en")
        #expect(en.map(\.kind) == [.tooLarge])
        #expect(en.first?.tokens.count == 15)
        #expect(numbers("Sie meldeten 1.000.000.000.000.000.000.000 Drohnen.", "de").map(\.kind) == [.tooLarge])
        for space in [" ", "\u{00A0}", "\u{2009}", "\u{202F}"] {
            let group = ["1", "000", "000", "000", "000", "000", "000", "000"].joined(separator: space)
            #expect(numbers("Заявили про \(group) дронів.", "uk").map(\.kind) == [.tooLarge])
            #expect(numbers("Заявили о \(group) дронах.", "ru").map(\.kind) == [.tooLarge])
        }
    }

    @Test func longDigitRunsAndMultipliedValuesAreTooLarge() {
        #expect(numbers("A total of 99999999999999999999 drones.", "en").map(\.kind) == [.tooLarge])
        #expect(numbers("Some 9999999999999 million shells.", "en").map(\.kind) == [.tooLarge])
        #expect(numbers("Понад 99999999999999999999 тис. снарядів.", "uk").map(\.kind) == [.tooLarge])
        // Fits an Int, but no strike has two trillion of anything.
        #expect(numbers("They fired 2,000,000,000,000 shells.", "en").map(\.kind) == [.tooLarge])
        #expect(counts("They fired 2,000,000,000,000 shells and 12 drones.", "en") == [12])
    }

    @Test func hugeDatePartsAreNoDates() {
        let a = TextAnalysis(text: "On 2024-11-99999999999999999999 and 17/11/99999999999999999999 drones came.",
                             language: "en", published: Day("2024-11-17"))
        #expect(a.dates.allSatisfy { $0.day == nil })
    }

    @Test func explainSaysTooLarge() {
        #expect(NumberMention.Kind.tooLarge.description == "number too large")
    }

    @Test func ordinaryNumbersStillRead() {
        #expect(counts("Russia launched 1,200 drones and 1.5 million shells.", "en") == [1200, 1_500_000])
        #expect(counts("Es waren 1.200 Drohnen und 1,5 Millionen Granaten.", "de") == [1200, 1_500_000])
        #expect(counts("Випущено 1\u{2009}200 дронів і 1,5 тис. снарядів.", "uk") == [1200, 1500])
        #expect(counts("Выпущено 1\u{00A0}200 дронов.", "ru") == [1200])
    }
}

/// Digit grouping comes from the lexicon's `separator` lines, not from code.
@Suite struct NumberFormatTests {
    func counts(_ text: String, _ lexicon: Lexicon, _ lang: String) -> [Int] {
        TextAnalysis(text: text, language: lang, published: nil, lexicon: lexicon).numbers.filter { $0.kind == .count }.map(\.value)
    }

    @Test func groupsFollowTheSeparatorLines() throws {
        let dotGroups = try Lexicon(files: [("en.tsv", "en", ".\tseparator\tgroup\n,\tseparator\tdecimal")])
        #expect(dotGroups.numberFormat(for: "en") == NumberFormat(groupMarks: [0x2E], groupsBySpace: false, decimalMarks: [0x2C]))
        #expect(counts("They fired 1.200 shells.", dotGroups, "en") == [1200])
        let commaGroups = try Lexicon(files: [("en.tsv", "en", ",\tseparator\tgroup\n.\tseparator\tdecimal")])
        #expect(counts("They fired 1.200 shells.", commaGroups, "en").isEmpty)
        #expect(counts("They fired 1,200 shells.", commaGroups, "en") == [1200])
    }

    @Test func spaceGroupsOnlyWhereListed() throws {
        let spaced = try Lexicon(files: [("uk.tsv", "uk", "space\tseparator\tgroup")])
        #expect(counts("випущено 1 200 снарядів", spaced, "uk") == [1200])
        let unspaced = try Lexicon(files: [("uk.tsv", "uk", ",\tseparator\tdecimal")])
        #expect(counts("випущено 1 200 снарядів", unspaced, "uk") == [1, 200])
    }

    @Test func bundledFormatsDifferByLanguage() {
        let shared = Lexicon.shared
        #expect(shared.numberFormat(for: "en").groupMarks == [0x2C])
        #expect(shared.numberFormat(for: "de").groupMarks == [0x2E])
        #expect(shared.numberFormat(for: "uk").groupsBySpace)
        #expect(!shared.numberFormat(for: "en").groupsBySpace)
        #expect(shared.numberFormat(for: "de").ordinalMarks == [0x2E])
        #expect(shared.numberFormat(for: "xx") == .fallback)
    }

    @Test func settingsAreNotMatchedAsTerms() throws {
        let lex = try Lexicon(files: [("en.tsv", "en", "the\tfunction\t2\n,\tseparator\tgroup")])
        #expect(lex.hits(in: FoldedText("the city, the region"), language: "en").isEmpty)
        #expect(lex.settings.count == 2)
    }
}
