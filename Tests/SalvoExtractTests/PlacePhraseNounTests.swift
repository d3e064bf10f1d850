import Testing

/// A place phrase between a number and its noun ("alle 24 über der Ukraine eingesetzten Drohnen")
/// does not part the count from what it counts; "and", a comma or another number still does.
@Suite struct PlacePhraseNounTests {
    static let cases: [ExtractionCase] = [
        .init(text: "Die Flugabwehr hat 30 über dem Gebiet Kiew gestartete Drohnen abgeschossen.", language: "de",
              expected: ["intercepted drone 30 exact %Kyiv_Oblast"]),
        .init(text: "Усі 24 над Україною запущені ворогом дрони були збиті.", language: "uk",
              expected: ["intercepted drone 24 exact", "launched drone 24 exact"]),
        // Guard: after "and" a new count names its own noun; the first keeps the weapon named before.
        .init(text: "Russia launched 40 missiles. Air defence shot down 14 over Kyiv and 10 drones over Odesa.", language: "en",
              expected: ["launched missile 40 exact", "intercepted missile 14 exact %Kyiv", "intercepted drone 10 exact %Odesa"]),
    ]

    @Test(arguments: cases) func extracts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
