import Testing

/// Official summaries list tolls as labels: "Загиблих: 5, поранених – 12", "Death toll: 23". A
/// trigger set off by a colon or a dash is the label of the number after it, unless that number
/// has a verb of its own ("Russia attacked with drones: 40 were shot down").
@Suite struct LabelledCountTests {
    static let cases: [ExtractionCase] = [
        .init(text: "Kharkiv after the strike. Death toll: 23, injured – 40.", language: "en",
              expected: ["killed - 23 exact", "injured - 40 exact"]),
        .init(text: "Charkiw nach dem Angriff. Tote: 23, Verletzte – 40.", language: "de",
              expected: ["killed - 23 exact", "injured - 40 exact"]),
        .init(text: "Харків після удару. Загиблих: 23, поранених – 40.", language: "uk",
              expected: ["killed - 23 exact", "injured - 40 exact"]),
        .init(text: "Харьков после удара. Количество погибших: 23, из них 4 ребенка.", language: "ru",
              expected: ["killed - 23 exact"]),
        // Guard: a verb after the number is its own.
        .init(text: "Russia attacked with drones overnight: 40 were shot down.", language: "en",
              expected: ["intercepted drone 40 exact"]),
        .init(text: "Росія атакувала дронами: 40 збито.", language: "uk",
              expected: ["intercepted drone 40 exact"]),
    ]

    @Test(arguments: cases) func counts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
