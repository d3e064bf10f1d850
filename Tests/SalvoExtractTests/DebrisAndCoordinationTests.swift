import Testing

/// Two grammatical rules of counting. Falling debris damages things, and the numbers after it are
/// counts of houses or cars, not of weapons; but people hurt by debris are casualties like any others.
/// And in "killed two and injured five" each number belongs to the verb right before it: only a bare
/// number with no verb of its own ("28 over Kursk, 27 over Bryansk") repeats the figure before it.
@Suite struct DebrisAndCoordinationTests {
    static let cases: [ExtractionCase] = [
        // People hurt by debris are counted.
        .init(text: "In Kharkiv, falling debris injured three people, the governor said.", language: "en",
              expected: ["injured - 3 exact"]),
        .init(text: "In Charkiw verletzten herabfallende Trümmer drei Menschen, teilte der Gouverneur mit.", language: "de",
              expected: ["injured - 3 exact"]),
        .init(text: "У Харкові внаслідок падіння уламків постраждали три людини, повідомив голова ОВА.", language: "uk",
              expected: ["injured - 3 exact"]),
        .init(text: "В Белгороде в результате падения обломков пострадали три человека, сообщил губернатор.", language: "ru",
              expected: ["injured - 3 exact"]),
        // Guard: what debris damaged is no figure.
        .init(text: "In Kharkiv, falling debris damaged 12 houses and 5 cars.", language: "en", expected: []),
        .init(text: "У Харкові уламки пошкодили 12 будинків і 5 автомобілів.", language: "uk", expected: []),

        // Each number takes its own verb.
        .init(text: "The strike killed two people and injured five in Kharkiv, the governor said.", language: "en",
              expected: ["killed - 2 exact", "injured - 5 exact"]),
        .init(text: "Der Angriff tötete zwei Menschen und verletzte fünf in Charkiw, sagte der Gouverneur.", language: "de",
              expected: ["killed - 2 exact", "injured - 5 exact"]),
        .init(text: "Удар убив двох людей і поранив п'ятьох у Харкові, повідомив голова ОВА.", language: "uk",
              expected: ["killed - 2 exact", "injured - 5 exact"]),
        .init(text: "Удар убил двух человек и ранил пятерых в Белгороде, сообщил губернатор.", language: "ru",
              expected: ["killed - 2 exact", "injured - 5 exact"]),
        // Guard: a bare number with a place and no verb repeats the figure before it.
        .init(text: "Air defence shot down 28 drones over the Kursk region, 27 over the Bryansk region.", language: "en",
              expected: ["intercepted drone 28 exact %Kursk_Oblast", "intercepted drone 27 exact %Bryansk_Oblast"]),
        .init(text: "Над Курской областью сбиты 28 беспилотников, 27 – над Брянской областью.", language: "ru",
              expected: ["intercepted drone 28 exact %Kursk_Oblast", "intercepted drone 27 exact %Bryansk_Oblast"]),
    ]

    @Test(arguments: cases) func counts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
