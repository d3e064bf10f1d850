import Testing

/// "45 cruise missiles, among them Kh-101 launched from bombers, were downed": the list a
/// count is broken down in stands between the count and its verb. The verb after the list is the
/// count's, and a trigger word inside the list ("launched") is not.
@Suite struct InsertedListTests {
    static let cases: [ExtractionCase] = [
        .init(text: "On Sunday 60 Russian cruise missiles, including Kh-101 launched from bombers and Kalibr fired from ships, were shot down over Ukraine, the army reported.",
              language: "en", expected: ["intercepted cruise_missile 60 exact"]),
        .init(text: "On Sunday 60 Russian cruise missiles, including Kh-101 launched from bombers were shot down over Ukraine, the army reported.",
              language: "en", expected: ["intercepted cruise_missile 60 exact"]),
        .init(text: "Am Sonntag wurden 60 russische Marschflugkörper, darunter Kh-101 und Kalibr-Raketen aus dem Schwarzen Meer, abgeschossen.",
              language: "de", expected: ["intercepted cruise_missile 60 exact"]),
        .init(text: "У неділю 60 російських крилатих ракет, зокрема Х-101 та «Калібри» морського базування, було збито.",
              language: "uk", expected: ["intercepted cruise_missile 60 exact"]),
        .init(text: "В воскресенье 60 российских крылатых ракет, в том числе Х-101 и «Калибры» морского базирования, были сбиты.",
              language: "ru", expected: ["intercepted cruise_missile 60 exact"]),
        // Guard: a count inside the list is a figure of its own.
        .init(text: "Russia launched 60 missiles, including 20 Kh-101, at Kyiv.", language: "en",
              expected: ["launched missile 60 exact", "launched cruise_missile 20 exact"]),
    ]

    @Test(arguments: cases) func counts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
