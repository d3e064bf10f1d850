import Testing
@testable import SalvoIngest
import SalvoModel

@Suite struct TextCleanupTests {
    @Test func leadingDateStampBecomesThePublicationDate() async {
        let c = TextCleanup.clean(" date 2024-12-23 Overnight, drones attacked the city.\n\nA second paragraph.")
        #expect(c.published == "2024-12-23")
        #expect(c.text == "Overnight, drones attacked the city.\n\nA second paragraph.")
    }

    @Test func frontMatter() async {
        let c = TextCleanup.clean("---\nlayout: post\ntitle: \"Strike on depot\"\ndate: 2025-05-25T05:46:54\ntags: []\n---\n\nStrike on depot\n\nBody text here.")
        #expect(c.title == "Strike on depot")
        #expect(c.published == "2025-05-25")
        #expect(c.text == "Body text here.")
    }

    @Test func repeatedTitleShareLinesTagsBioAndCommentForm() async {
        let text = """
        Power cuts after night attack
        Share Tweet Email
        Engineers restored power to most homes by the afternoon.

        Tags: energy, attacks, region
        About the author: a reporter who covers the region.
        Leave a Reply Cancel reply
        Your email address will not be published.
        Latest Posts
        Some other headline
        """
        let c = TextCleanup.clean(text, title: "Power cuts after night attack")
        #expect(c.text == "Engineers restored power to most homes by the afternoon.")
    }

    @Test func ordinaryTextIsLeftAlone() async {
        let text = "Officials said they would share more details later.\nTags were found on the debris."
        #expect(TextCleanup.clean(text).text == text)
    }

    @Test func plainTextFilesAreCleaned() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("a.txt", " date 2024-11-17 Text of the report."))
        #expect(r.documents.first?.published == Day("2024-11-17"))
        #expect(r.documents.first?.text == "Text of the report.")
        var raw = DocumentReader()
        raw.cleanUp = false
        #expect(await raw.collect(dir.url.appendingPathComponent("a.txt").path).documents.first?.text == " date 2024-11-17 Text of the report.")
    }

    /// Ingest does not guess: a language nothing declares is left to the text layer's identifier.
    @Test func undeclaredLanguageStaysUnset() async {
        let dir = TempDir()
        defer { dir.remove() }
        let r = await DocumentReader().collect(dir.write("b.txt", "Росія атакувала Київ дронами, повідомили в міській адміністрації."))
        #expect(r.documents.count == 1)
        #expect(r.documents.first?.language == nil)
    }
}

@Suite struct TextCleanupLinesTests {
    /// The definition `normalized` must agree with: Unicode lowercasing, then letters and digits.
    func reference(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    @Test func normalizedAgreesWithUnicodeLowercasing() async {
        for s in ["Big News: Strikes — 5 killed", "ЁЖИК Ѐ Џ ҐЄЇІ ѢѣѲ", "Straße ẞ İstanbul ΟΔΟΣ", "LIN\u{212A} ½ ٣ x\u{301}", "", "…!?"] {
            #expect(TextCleanup.normalized(s) == reference(s))
            #expect(TextCleanup.normalized(Substring(s)) == reference(s))
        }
    }

    @Test func longFirstLinesAreNotTakenForTheTitle() async {
        let title = "Drones hit Odesa"
        let first = "Drones hit Odesa overnight and " + String(repeating: "damaged houses ", count: 10)
        #expect(TextCleanup.clean("---\ntitle: \(title)\n---\n\(first)\nMore.").text == first + "\nMore.")
        #expect(TextCleanup.clean("---\ntitle: \(title)\n---\nDRONES — hit «Odesa»\nMore.").text == "More.")
    }

    @Test func shareRowsGoButSentencesWithShareWordsStay() async {
        let text = "Tags: drones\nThis article was updated at 10:00.\nОдноклассники | Поделиться\nShare / Tweet · Email\nOn this day 5 drones flew.\nBody."
        #expect(TextCleanup.clean(text).text == "This article was updated at 10:00.\nOn this day 5 drones flew.\nBody.")
    }

    @Test func trimsOnlyWholeSpacesAndNewlines() async {
        #expect(TextCleanup.clean("Tags: x\n \n  Body text.  \n\n").text == "Body text.")
        #expect(TextCleanup.clean("Tags: x\n \u{301}Body.").text == " \u{301}Body.")
    }
}
