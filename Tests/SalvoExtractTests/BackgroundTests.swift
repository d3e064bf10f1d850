import Testing

/// Figures of an attack days before the one a document reports are context, not this attack's; a
/// war-long total is no figure at all. The night before stays: an overnight attack may be dated by
/// the evening it began.
@Suite struct BackgroundTests {
    static let cases: [ExtractionCase] = [
        .init(text: "Overnight on 17 November Russia launched 50 drones at Ukraine. On 14 November Russia attacked Ukraine with 30 drones, all of which were shot down.",
              language: "en",
              expected: ["launched drone 50 exact #2024-11-17"]),
        .init(text: "У ніч на 17 листопада Росія атакувала Україну 50 дронами. 14 листопада ворог атакував 30 дронами, усі їх збили.",
              language: "uk",
              expected: ["launched drone 50 exact #2024-11-17"]),
        // Guard: the evening before is the same night.
        .init(text: "On 17 November Russia launched 50 drones. On 16 November air defence shot down 20 drones.",
              language: "en",
              expected: ["launched drone 50 exact #2024-11-17", "intercepted drone 20 exact #2024-11-16"]),
        .init(text: "Russia has already used over 400 drones for its war.", language: "en", expected: []),
        .init(text: "За весь час війни Росія випустила понад 400 дронів.", language: "uk", expected: []),
    ]

    @Test(arguments: cases) func extracts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
