import Testing

/// "Rescuers recovered the bodies of two more people; the toll rose to 14": the bodies found since
/// the last count are no toll of their own, the toll is. Without "more" a count of bodies is the
/// toll, and "two more were injured in another town" counts other people, so both stay figures.
@Suite struct RecoveredBodiesTests {
    static let cases: [ExtractionCase] = [
        .init(text: "In Kyiv, rescuers recovered the bodies of two more people from the rubble. The death toll rose to 14.",
              language: "en", expected: ["killed - 14 exact"]),
        .init(text: "In Kiew bargen Retter die Leichen zweier weiterer Menschen aus den Trümmern. Die Zahl der Toten stieg auf 14.",
              language: "de", expected: ["killed - 14 exact"]),
        .init(text: "У Києві рятувальники дістали з-під завалів тіла ще двох людей. Кількість загиблих зросла до 14.",
              language: "uk", expected: ["killed - 14 exact"]),
        .init(text: "В Киеве спасатели извлекли из-под завалов тела ещё двух человек. Число погибших возросло до 14.",
              language: "ru", expected: ["killed - 14 exact"]),
        // Guard: bodies without "more" are the toll.
        .init(text: "In Kyiv, rescuers recovered the bodies of three people from the rubble.", language: "en",
              expected: ["killed - 3 exact"]),
        .init(text: "У Києві рятувальники дістали з-під завалів тіла трьох людей.", language: "uk",
              expected: ["killed - 3 exact"]),
        // Guard: "more" without bodies counts other people.
        .init(text: "Three people were killed in Kyiv, and two more were injured in Irpin.", language: "en",
              expected: ["killed - 3 exact", "injured - 2 exact"]),
        .init(text: "У Києві загинули троє людей, ще двоє постраждали в Ірпені.", language: "uk",
              expected: ["killed - 3 exact", "injured - 2 exact"]),
    ]

    @Test(arguments: cases) func counts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
