import Testing
@testable import SalvoText

@Suite struct LanguageIdentifierTests {
    @Test(arguments: [
        ("Russia launched drones at the city and the region overnight.", "en"),
        ("Russland hat in der Nacht die Stadt mit Drohnen angegriffen und das ist schlimm.", "de"),
        ("Росія вночі атакувала місто дронами, є загиблі.", "uk"),
        ("Россия ночью атаковала город дронами, есть погибшие.", "ru"),
        ("Росія атакувала Київ дронами, повідомили в міській адміністрації.", "uk"),
        ("Россия атаковала Киев дронами, сообщили в городской администрации.", "ru"),
        ("Die Stadt wurde in der Nacht mit Drohnen angegriffen, und es gab Schäden.", "de"),
        ("The city was attacked with drones overnight, and there was damage.", "en"),
    ])
    func tellsTheFourLanguagesApart(_ text: String, _ expected: String) {
        #expect(LanguageIdentifier.identify(text) == expected)
        #expect(LanguageIdentifier.identify(FoldedText(text), lexicon: .shared) == expected)
    }

    /// Letters and function words alone, where the sentence has some of them.
    @Test(arguments: [
        ("Russia launched drones at the city and the region overnight.", "en"),
        ("Russland hat in der Nacht die Stadt mit Drohnen angegriffen und das ist schlimm.", "de"),
        ("Росія вночі атакувала місто дронами, є загиблі.", "uk"),
        ("Россия ночью атаковала город дронами, есть погибшие.", "ru"),
    ])
    func functionWordsAloneSuffice(_ text: String, _ expected: String) {
        #expect(LanguageIdentifier.identify(FoldedText(text)) == expected)
    }

    @Test func textWithoutLettersHasNoLanguage() {
        #expect(LanguageIdentifier.identify("12345 !!!") == nil)
    }

    @Test func functionWordsAndLettersAreLexiconData() throws {
        let lex = try Lexicon(files: [
            ("en.tsv", "en", "the\tfunction\t1\nand\tfunction\t1"),
            ("de.tsv", "de", "der\tfunction\t1\nä\tletter\t3"),
        ])
        let p = lex.languageProfiles
        #expect(p.profiles.map(\.language) == ["en", "de"])
        #expect(LanguageIdentifier.identify(FoldedText("der Hund and the cat"), profiles: p) == "en")
        #expect(LanguageIdentifier.identify(FoldedText("der Bär and the cat"), profiles: p) == "de")
        // A tie goes to the language listed first.
        #expect(LanguageIdentifier.identify(FoldedText("der the"), profiles: p) == "en")
        // No profile for the script: no answer rather than a guess.
        #expect(LanguageIdentifier.identify(FoldedText("Росія атакувала"), profiles: p) == nil)
    }

    @Test func analysisIdentifiesAnUndeclaredLanguage() {
        let a = TextAnalysis(text: "В ночь на воскресенье дроны атаковали город, сообщили власти.", language: nil, published: nil)
        #expect(a.language == "ru")
    }
}
