import Testing

/// Whose side an unnamed official speaks for when a nationality names them ("US officials",
/// "occupation authorities"), which side a weapon's origin makes the attacker, and the model a
/// compound names ("Kalibr-Raketen"), in sentences written for these tests, in all four languages.
@Suite struct SideOfSourceTests {
    /// Officials of a third country speak for it, however the nationality is written: adjective,
    /// prefix or a genitive after the noun.
    static let foreignOfficials: [ExtractionCase] = [
        .init(text: "A US official said Russia launched 12 ballistic missiles at Kyiv overnight.", language: "en",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US %Kyiv"]),
        .init(text: "According to American officials, Russia launched 12 ballistic missiles at Kyiv overnight.", language: "en",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US"]),
        .init(text: "US-Beamte sagten, Russland habe in der Nacht 12 ballistische Raketen auf Kiew abgefeuert.", language: "de",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US %Kyiv"]),
        .init(text: "Amerikanische Regierungsvertreter sagten, Russland habe in der Nacht 12 ballistische Raketen auf Kiew abgefeuert.", language: "de",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US"]),
        .init(text: "Посадовці США заявили, що вночі Росія випустила 12 балістичних ракет по Києву.", language: "uk",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US %Kyiv"]),
        .init(text: "За словами американських посадовців, вночі Росія випустила 12 балістичних ракет по Києву.", language: "uk",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US"]),
        .init(text: "Американские чиновники заявили, что ночью Россия выпустила 12 баллистических ракет по Киеву.", language: "ru",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US %Kyiv"]),
        .init(text: "По словам представителей США, ночью Россия выпустила 12 баллистических ракет по Киеву.", language: "ru",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @US"]),
        // Guards: officials no nationality names speak for the side attacked.
        .init(text: "Officials said Russia launched 12 ballistic missiles at Kyiv overnight.", language: "en",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @UA"]),
        .init(text: "Посадовці заявили, що вночі Росія випустила 12 балістичних ракет по Києву.", language: "uk",
              published: "2025-03-12", expected: ["launched ballistic_missile 12 exact @UA"]),
    ]

    /// Occupation officials speak for Russia, and shelling of the occupied city they report is Ukraine's.
    static let occupationOfficials: [ExtractionCase] = [
        .init(text: "Occupation officials in Donetsk said Ukrainian shelling killed four people on Tuesday.", language: "en",
              published: "2025-03-12", expected: ["killed - 4 exact @RU !UA %Donetsk #2025-03-11"]),
        .init(text: "Die Besatzungsbehörden in Donezk teilten mit, bei Beschuss seien vier Menschen getötet worden.", language: "de",
              published: "2025-03-12", expected: ["killed - 4 exact @RU !UA %Donetsk"]),
        .init(text: "Окупаційна влада Донецька заявила, що внаслідок обстрілу загинули четверо людей.", language: "uk",
              published: "2025-03-12", expected: ["killed - 4 exact @RU !UA %Donetsk"]),
        .init(text: "Оккупационные власти Донецка сообщили, что в результате обстрела погибли четыре человека.", language: "ru",
              published: "2025-03-12", expected: ["killed - 4 exact @RU !UA %Donetsk"]),
    ]

    /// A weapon only one side fires names the attacker, whoever counts it.
    static let weaponOrigin: [ExtractionCase] = [
        .init(text: "Russia's defence ministry said its air defences shot down four Storm Shadow missiles over Crimea.", language: "en",
              published: "2025-03-12", expected: ["intercepted cruise_missile 4 exact @RU !UA %Crimea"]),
        .init(text: "Das russische Verteidigungsministerium teilte mit, die Luftabwehr habe vier Storm-Shadow-Raketen über der Krim abgeschossen.", language: "de",
              published: "2025-03-12", expected: ["intercepted cruise_missile 4 exact @RU !UA %Crimea"]),
        .init(text: "Міноборони Росії заявило, що ППО збила чотири ракети Storm Shadow над Кримом.", language: "uk",
              published: "2025-03-12", expected: ["intercepted cruise_missile 4 exact @RU !UA %Crimea"]),
        .init(text: "В Минобороны России заявили, что сбили пять ракет ATACMS над Белгородской областью.", language: "ru",
              published: "2025-03-12", expected: ["intercepted ballistic_missile 5 exact @RU !UA %Belgorod_Oblast"]),
    ]

    /// A compound of a model and a generic noun keeps the model and the more specific class.
    static let modelCompounds: [(text: String, weapon: String, model: String)] = [
        ("Die Luftabwehr habe vier Kalibr-Raketen über dem Schwarzen Meer abgeschossen.", "cruise_missile", "Kalibr"),
        ("Die Luftabwehr habe vier Storm-Shadow-Marschflugkörper über der Krim abgeschossen.", "cruise_missile", "Storm Shadow"),
        ("Russland griff in der Nacht mit vier Ch-101-Raketen an.", "cruise_missile", "Kh-101"),
        ("Die Luftabwehr habe vier ATACMS-Raketen über der Krim abgeschossen.", "ballistic_missile", "ATACMS"),
    ]

    @Test(arguments: foreignOfficials) func nationalityNamesTheOfficialsSide(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: occupationOfficials) func occupationOfficialsSpeakForRussia(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: weaponOrigin) func weaponOriginNamesTheAttacker(_ c: ExtractionCase) { c.run(sharedExtractor) }

    @Test(arguments: modelCompounds) func compoundKeepsItsModel(_ c: (text: String, weapon: String, model: String)) {
        let result = sharedExtractor.extract(.init(id: "t", language: "de", published: .init("2025-03-12"), text: c.text))
        let figures = result.events.flatMap(\.figures)
        #expect(figures.count == 1, "\(c.text)")
        #expect(figures.first?.weapon?.rawValue == c.weapon, "\(c.text)")
        #expect(figures.first?.model == c.model, "\(c.text)")
    }
}
