import Testing
@testable import SalvoText
import SalvoModel

/// A lexicon small enough to read, so these tests pin the mechanisms rather than the data files.
let miniLexicon = try! Lexicon(files: [
    ("en.tsv", "en", """
    five\tnumber\t5
    twenty\tnumber\t20
    hundred\tnumber\t100
    thousand\tmultiplier\t1000
    november\tmonth\t11
    sunday\tweekday\t7
    overnight\trelday\t0\tnight
    night of\trelday\tnext\tnight
    yesterday\trelday\t-1
    mr.\tabbrev\t-
    ,\tseparator\tgroup
    .\tseparator\tdecimal
    ,\tseparator\tdecimal
    """),
    ("de.tsv", "de", """
    fünf\tnumber\t5
    november\tmonth\t11
    in der nacht zu\trelday\tnext\tnight
    sonntag\tweekday\t7
    .\tseparator\tgroup
    space\tseparator\tgroup
    ,\tseparator\tdecimal
    .\tseparator\tordinal
    """),
    ("uk.tsv", "uk", """
    п'ять\tnumber\t5
    п'яти\tnumber\t5
    тис.\tmultiplier\t1000
    листопад*\tmonth\t11
    у ніч на\trelday\tnext\tnight
    space\tseparator\tgroup
    ,\tseparator\tdecimal
    """),
])

func analyze(_ text: String, _ lang: String, published: String? = "2024-11-17") -> TextAnalysis {
    TextAnalysis(text: text, language: lang, published: published.flatMap { Day($0) }, lexicon: miniLexicon)
}

@Suite struct NumberReaderTests {
    func counts(_ text: String, _ lang: String) -> [Int] {
        analyze(text, lang).numbers.filter { $0.kind == .count }.map(\.value)
    }

    @Test func groupsThousandsByLanguage() {
        #expect(counts("They fired 1,900 shells and 12 drones.", "en") == [1900, 12])
        #expect(counts("Es wurden 1.900 Granaten abgefeuert.", "de") == [1900])
        #expect(counts("Випущено 1 900 снарядів.", "uk") == [1900])
        #expect(counts("Випущено 1\u{00A0}900 снарядів.", "uk") == [1900])
    }

    @Test func readsNumberWordsInTheirForms() {
        #expect(counts("five drones and twenty missiles", "en") == [5, 20])
        #expect(counts("fünf Drohnen", "de") == [5])
        #expect(counts("п'ять дронів, з п'яти ракет", "uk") == [5, 5])
        #expect(counts("п’ять дронів", "uk") == [5])
    }

    @Test func appliesMultipliers() {
        #expect(counts("понад 2 тис. дронів", "uk") == [2000])
        #expect(counts("1,5 тис. снарядів", "uk") == [1500])
        #expect(counts("five thousand shells", "en") == [5000])
    }

    @Test func setsAsideTimesDatesYearsAndPercentages() {
        let a = analyze("At 09:30 on 17.11.2024, 40% of 2024 budgets and 114 drones.", "en")
        let kinds = a.numbers.map(\.kind)
        #expect(kinds.contains(.time))
        #expect(kinds.contains(.date))
        #expect(kinds.contains(.percent))
        #expect(a.numbers.filter { $0.kind == .count }.map(\.value) == [114])
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let a = analyze(text, "en")
        return a.sentences.map { String(decoding: a.original[$0.original], as: UTF8.self) }
    }

    @Test func splitsAtStopsAndLineBreaks() {
        #expect(sentences("Drones attacked Kyiv\nFive people were hurt. Mr. Smith said so.") ==
            ["Drones attacked Kyiv", "Five people were hurt.", "Mr. Smith said so."])
    }

    @Test func keepsInitialsDecimalsAndQuotesTogether() {
        #expect(sentences("V. Zelensky said 1.5 million. \"It was bad.\" Then calm.") ==
            ["V. Zelensky said 1.5 million.", "\"It was bad.\"", "Then calm."])
    }

    @Test func doesNotSplitBeforeLowerCase() {
        #expect(sentences("About 5 p.m. drones came.").count == 1)
    }
}

@Suite struct NumberCaseEndingTests {
    @Test func caseEndingsStayWithTheirNumber() {
        let a = analyze("атакував 14-ма дронами і 22-річного", "uk")
        let counts = a.numbers.filter { $0.kind == .count }
        #expect(counts.map(\.value) == [14])
        #expect(counts.first.map { a.originalText($0.tokens) } == "14-ма")
    }
}
