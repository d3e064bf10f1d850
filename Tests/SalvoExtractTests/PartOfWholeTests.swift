import Testing

/// A share of a total already counted ("12 of the 30 drones", "one of the drones") is that total
/// broken down by place: it takes the place its clause names, and is no nationwide figure of its own.
/// A whole that repeats a figure counted before is not counted again, and a part said to be the total
/// ("overall"), a part that names its own type, or a share of the number launched stay figures.
@Suite struct PartOfWholeTests {
    static let cases: [ExtractionCase] = [
        // A share of the intercepted total, placed by its own clause.
        .init(text: "Russia launched 40 drones overnight, and air defence shot down 30 drones. Air defence in the Odesa region downed 12 of the 30 drones.",
              language: "en",
              expected: ["launched drone 40 exact", "intercepted drone 30 exact %Ukraine", "intercepted drone 12 exact %Odesa_Oblast"]),
        .init(text: "Ворог атакував Україну 40 ударними дронами, протиповітряна оборона збила 30 дронів. В Одеській області збито 12 з 30 дронів.",
              language: "uk",
              expected: ["launched drone 40 exact", "intercepted drone 30 exact %Ukraine", "intercepted drone 12 exact %Odesa_Oblast"]),
        // A share with no place of its own only repeats part of the total.
        .init(text: "Russia launched 40 drones overnight, and air defence shot down 30 drones. One of the drones was shot down as well.",
              language: "en",
              expected: ["launched drone 40 exact", "intercepted drone 30 exact"]),
        .init(text: "Противник запустил 40 дронов, силы ПВО сбили 30 дронов. Два из них были сбиты.",
              language: "ru",
              expected: ["launched drone 40 exact", "intercepted drone 30 exact"]),
        .init(text: "Противник запустил 40 дронов, силы ПВО сбили 30 дронов. Два из них сбиты над Одесской областью.",
              language: "ru",
              expected: ["launched drone 40 exact", "intercepted drone 30 exact %Ukraine", "intercepted drone 2 exact %Odesa_Oblast"]),
        // Guard: "of them" after the number launched counts another way: the night's interceptions.
        .init(text: "Противник запустил 40 дронов. Два из них были сбиты.", language: "ru",
              expected: ["launched drone 40 exact", "intercepted drone 2 exact %Ukraine"]),
        // Guard: a share of the number launched is the night's total, not a breakdown.
        .init(text: "Russia launched 22 drones overnight. Air defence shot down 18 of the 22 drones.",
              language: "en",
              expected: ["launched drone 22 exact", "intercepted drone 18 exact %Ukraine"]),
        .init(text: "Росія запустила 22 дрони. Сили ППО збили 18 з 22 дронів.",
              language: "uk",
              expected: ["launched drone 22 exact", "intercepted drone 18 exact %Ukraine"]),
        // Guard: "overall" says the count is the total, whatever it is a share of.
        .init(text: "Russia launched 70 missiles, and 65 missiles were shot down. Overall, 60 of the missiles were shot down, the army said.",
              language: "en",
              expected: ["launched missile 70 exact", "intercepted missile 65 exact", "intercepted missile 60 exact"]),
        .init(text: "Россия выпустила 70 ракет, 65 ракет были сбиты. Всего 60 из них были сбиты.",
              language: "ru",
              expected: ["launched missile 70 exact", "intercepted missile 65 exact", "intercepted missile 60 exact"]),
        // Guard: a part that names its own type is a figure of that type.
        .init(text: "Ворог атакував 90 ударними БпЛА, понад 50 з них – шахеди.", language: "uk",
              expected: ["launched drone 90 exact", "launched drone 50 more_than"]),
        // A rounded whole that repeats the total already counted is not counted again.
        .init(text: "Russia attacked Ukraine with 86 drones overnight. Among almost 90 drones, 60 were Shaheds.", language: "en",
              expected: ["launched drone 86 exact", "launched drone 60 exact"]),
        .init(text: "Противник атаковал Украину 86 дронами. Среди почти 90 беспилотников 60 дронов – типа Shahed.", language: "ru",
              expected: ["launched drone 86 exact", "launched drone 60 exact"]),
        // "30 of 40 missiles and 20 of 25": a second whole of the same kind would contradict the first.
        .init(text: "Air defences shot down 30 of 40 Russian missiles and 20 of 25.", language: "en",
              expected: ["intercepted missile 30 exact", "launched missile 40 exact"]),
        .init(text: "ПВО сбила 30 из 40 ракет и 20 из 25.", language: "ru",
              expected: ["intercepted missile 30 exact", "launched missile 40 exact"]),
    ]

    @Test(arguments: cases) func extracts(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
