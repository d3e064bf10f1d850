import Testing

/// A rounded figure told beside the exact one ("up to 300 drones" … "297 drones") is one figure; a
/// qualifier the exact value contradicts ("more than 300" beside 297) keeps both.
@Suite struct RoundedFigureTests {
    static let cases: [ExtractionCase] = [
        .init(text: "Russia fired up to 300 drones at Ukraine overnight. The air force said Russia launched 297 drones.", language: "en",
              expected: ["launched drone 297 exact"]),
        .init(text: "Росія випустила по Україні майже 300 дронів. Повітряні сили повідомили, що ворог запустив 297 дронів.", language: "uk",
              expected: ["launched drone 297 exact"]),
        .init(text: "Россия запустила по Украине около 300 дронов. Воздушные силы сообщили, что противник запустил 297 дронов.", language: "ru",
              expected: ["launched drone 297 exact"]),
        // Guard: "more than 300" cannot stand for 297.
        .init(text: "Russia fired more than 300 drones at Ukraine overnight. The air force said Russia launched 297 drones.", language: "en",
              expected: ["launched drone 300 more_than", "launched drone 297 exact"]),
    ]

    @Test(arguments: cases) func extracts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
