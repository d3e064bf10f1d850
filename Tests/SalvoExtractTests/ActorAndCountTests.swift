import Testing

/// A side's capital as its government ("Moscow fired", "Киев заявил"), never the place struck; the
/// day of a date that owns no verb; a German verb whose particle follows its count; totals of a
/// month or the war; the target of "Beschuss von". Sentences written for these tests, in the
/// languages each phenomenon occurs in.
@Suite struct ActorAndCountTests {
    /// A capital followed by what it fired is the attacker, and the salvo lands elsewhere.
    static let capitalFires: [ExtractionCase] = [
        .init(text: "Moscow fired 40 missiles at Ukraine overnight, the air force said.", language: "en",
              published: "2025-11-17", expected: ["launched missile 40 exact @UA !RU %Ukraine"]),
        .init(text: "Moskau feuerte in der Nacht 40 Raketen auf die Ukraine ab, teilte die Luftwaffe mit.", language: "de",
              published: "2025-11-17", expected: ["launched missile 40 exact @UA !RU %Ukraine"]),
        .init(text: "Москва вночі випустила 40 ракет по Україні, повідомили Повітряні сили.", language: "uk",
              published: "2025-11-17", expected: ["launched missile 40 exact @UA !RU %Ukraine"]),
        .init(text: "Kyiv launched 30 drones at the Bryansk region, the Russian defence ministry said.", language: "en",
              published: "2025-11-17", expected: ["launched drone 30 exact @RU !UA %Bryansk_Oblast"]),
        // Guards: a capital attacked, by a passive or with its attacker after it, stays the place.
        .init(text: "Kyiv attacked by 40 drones overnight, two people injured.", language: "en",
              published: "2025-11-17", expected: ["launched drone 40 exact !RU %Kyiv", "injured - 2 exact %Kyiv"]),
        .init(text: "Moscow attacked by 30 Ukrainian drones, the mayor said.", language: "en",
              published: "2025-11-17", expected: ["launched drone 30 exact @RU !UA %Moscow"]),
    ]

    /// A capital right before a verb of saying speaks for its side.
    static let capitalSpeaks: [ExtractionCase] = [
        .init(text: "Киев заявил, что ночью были сбиты 30 российских дронов.", language: "ru",
              published: "2025-11-17", expected: ["intercepted drone 30 exact @UA !RU"]),
        .init(text: "Москва заявила, что сбила 30 украинских дронов.", language: "ru",
              published: "2025-11-17", expected: ["intercepted drone 30 exact @RU !UA"]),
        .init(text: "Київ заявив, що вночі було збито 30 російських дронів.", language: "uk",
              published: "2025-11-17", expected: ["intercepted drone 30 exact @UA !RU"]),
        .init(text: "Moskau erklärte, die Luftabwehr habe 30 ukrainische Drohnen abgeschossen.", language: "de",
              published: "2025-11-17", expected: ["intercepted drone 30 exact @RU !UA"]),
    ]

    /// The day of a date before the figure is no count, so the verb after it is the figure's.
    static let dateOwnsNoVerb: [ExtractionCase] = [
        .init(text: "On November 16 Russia attacked Ukraine with 70 drones, air defence shot down 50.", language: "en",
              published: "2025-11-17", expected: ["launched drone 70 exact #2025-11-16", "intercepted drone 50 exact"]),
        .init(text: "Am 16. November griff Russland die Ukraine mit 70 Drohnen an, die Luftabwehr zerstörte 50.", language: "de",
              published: "2025-11-17", expected: ["launched drone 70 exact #2025-11-16", "intercepted drone 50 exact"]),
        .init(text: "У ніч на 16 листопада Росія атакувала Україну 70 дронами, ППО збила 50.", language: "uk",
              published: "2025-11-17", expected: ["launched drone 70 exact #2025-11-16", "intercepted drone 50 exact"]),
        .init(text: "В ночь на 16 ноября Россия атаковала Украину 70 дронами, ПВО сбила 50.", language: "ru",
              published: "2025-11-17", expected: ["launched drone 70 exact #2025-11-16", "intercepted drone 50 exact"]),
    ]

    /// "schoss 50 ab": the particle closes the verb; the count takes the weapon named before.
    static let particleAfterCount: [ExtractionCase] = [
        .init(text: "Russland griff mit 70 Drohnen an. Die Luftabwehr schoss 50 ab.", language: "de",
              published: "2025-11-17", expected: ["launched drone 70 exact", "intercepted drone 50 exact"]),
        .init(text: "Russland griff mit 70 Drohnen an. Die Luftabwehr schoss davon 50 ab.", language: "de",
              published: "2025-11-17", expected: ["launched drone 70 exact", "intercepted drone 50 exact"]),
        // Guard: a word that is no particle after a bare count still names something else.
        .init(text: "Russland griff mit 70 Drohnen an. Die Trümmer beschädigten 5 Häuser.", language: "de",
              published: "2025-11-17", expected: ["launched drone 70 exact"]),
    ]

    /// Totals of a month or of the whole war are no one attack's figures.
    static let periodTotals: [ExtractionCase] = [
        .init(text: "In October, Russia launched more than 5,000 drones at Ukraine, Zelensky said.", language: "en",
              published: "2025-11-17", expected: []),
        .init(text: "Im Oktober hat Russland mehr als 5000 Drohnen auf die Ukraine abgefeuert, sagte Selenskyj.", language: "de",
              published: "2025-11-17", expected: []),
        .init(text: "У жовтні Росія випустила по Україні понад 5000 дронів, заявив Зеленський.", language: "uk",
              published: "2025-11-17", expected: []),
        .init(text: "В октябре Россия выпустила по Украине более 5000 дронов, заявил Зеленский.", language: "ru",
              published: "2025-11-17", expected: []),
        .init(text: "Since the start of the full-scale invasion, Russia has launched more than 10,000 missiles at Ukraine.", language: "en",
              published: "2025-11-17", expected: []),
        .init(text: "С начала войны Россия выпустила по Украине более 10 тысяч ракет.", language: "ru",
              published: "2025-11-17", expected: []),
        // Guards: a month with its day is a date, and "in" before a place is no period.
        .init(text: "On 5 October Russia launched 50 drones at Ukraine, the air force said.", language: "en",
              published: "2025-11-17", expected: ["launched drone 50 exact #2025-10-05"]),
        .init(text: "5 жовтня Росія випустила по Україні 50 дронів, повідомили Повітряні сили.", language: "uk",
              published: "2025-11-17", expected: ["launched drone 50 exact #2025-10-05"]),
    ]

    /// "Beschuss von Belgorod": after a noun of shelling, "von" names the target.
    static let shellingOf: [ExtractionCase] = [
        .init(text: "Beim ukrainischen Beschuss von Belgorod wurden zwei Menschen getötet, teilte Gouverneur Gladkow mit.", language: "de",
              published: "2025-11-17", expected: ["killed - 2 exact @RU !UA %Belgorod"]),
        // Guard: "von" after a launch still says where the drones came from.
        .init(text: "Russland griff mit 30 Drohnen von der Krim aus an, in Odessa wurden zwei Menschen getötet.", language: "de",
              published: "2025-11-17", expected: ["launched drone 30 exact", "killed - 2 exact %Odesa"]),
    ]

    /// "von" after an official's title names the area they answer for, not where fire came from.
    static let officialOf: [ExtractionCase] = [
        .init(text: "Die Militärverwaltung von Charkiw teilte mit, fünf Menschen seien verletzt worden.", language: "de",
              published: "2025-11-17", expected: ["injured - 5 exact @UA %Kharkiv"]),
        .init(text: "The military administration of Kharkiv said five people were injured.", language: "en",
              published: "2025-11-17", expected: ["injured - 5 exact @UA %Kharkiv"]),
    ]

    @Test(arguments: officialOf) func officialOfAPlaceAnswersForIt(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: periodTotals) func periodTotalIsNoAttack(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: shellingOf) func shellingOfNamesTheTarget(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: capitalFires) func capitalThatFiresIsTheAttacker(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: capitalSpeaks) func capitalThatSpeaksIsItsSide(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: dateOwnsNoVerb) func dayOfADateOwnsNoVerb(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: particleAfterCount) func particleClosesTheVerbAfterACount(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
