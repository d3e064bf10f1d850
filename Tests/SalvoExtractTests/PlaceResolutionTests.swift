import Testing

/// Where a figure's attack landed, on the phrasings that used to place it wrong, in sentences
/// written for these tests, in all four languages.
@Suite struct PlaceResolutionTests {
    /// The agent of a passive launch is the attacker, so a nationwide total goes to the country it attacked,
    /// even in an article mostly about the other side's strikes.
    static let passiveAgent: [ExtractionCase] = [
        .init(text: "Ukrainian drones set a refinery in Saratov on fire, Ukrainian commanders said. Ukrainian drones also hit an airfield.\nOvernight, 70 drones were fired by Russia, the Ukrainian air force said.", language: "en",
              expected: ["launched drone 70 exact %Ukraine !RU"]),
    ]

    /// A clause opened by "with", "wobei", "при цьому", "при этом" after a comma places its own count,
    /// not the total before it.
    static let absoluteClause: [ExtractionCase] = [
        .init(text: "The air force said 45 drones were shot down overnight, with most of the attack aimed at the Odesa region.", language: "en",
              expected: ["intercepted drone 45 exact %Ukraine"]),
        .init(text: "Die Luftwaffe meldete, in der Nacht seien 45 Drohnen abgeschossen worden, wobei vor allem das Gebiet Odessa angegriffen wurde.", language: "de",
              expected: ["intercepted drone 45 exact %Ukraine"]),
        .init(text: "Повітряні сили повідомили, що вночі збили 45 дронів, при цьому найбільше атакували Одещину.", language: "uk",
              expected: ["intercepted drone 45 exact %Ukraine"]),
        .init(text: "Воздушные силы сообщили, что ночью сбили 45 беспилотников, при этом больше всего атаковали Одесскую область.", language: "ru",
              expected: ["intercepted drone 45 exact %Ukraine"]),
    ]

    /// "Kyiv and other regions", "including Poltava, Sumy and Kharkiv": a place named as part of a
    /// wider attack is not where the next sentence's count lies, nor the attack the article is about.
    static let namedAsPart: [ExtractionCase] = [
        .init(text: "Russia attacked Kyiv and other parts of the country with drones overnight.\nFour people were killed, the government said.", language: "en",
              expected: ["killed - 4 exact %Ukraine"]),
        .init(text: "Russland hat in der Nacht Kiew und andere Landesteile mit Drohnen angegriffen.\nVier Menschen wurden getötet, teilte die Regierung mit.", language: "de",
              expected: ["killed - 4 exact %Ukraine"]),
        .init(text: "Росія вночі атакувала дронами Київ та інші регіони країни.\nЗагинули четверо людей, повідомив уряд.", language: "uk",
              expected: ["killed - 4 exact %Ukraine"]),
        .init(text: "Россия ночью атаковала беспилотниками Киев и другие регионы страны.\nПогибли четыре человека, сообщило правительство.", language: "ru",
              expected: ["killed - 4 exact %Ukraine"]),
        .init(text: "Russian drones struck several regions overnight, including Poltava, Sumy and Chernihiv.\nTwo people were killed and five injured, the government said.", language: "en",
              expected: ["killed - 2 exact %Ukraine", "injured - 5 exact %Ukraine"]),
    ]

    /// A toll the next sentence breaks down over several cities is the whole salvo's: nationwide.
    static let tollBrokenDownAfter: [ExtractionCase] = [
        .init(text: "Russian missiles and drones hit Dnipro, Kharkiv, Odesa and Lviv overnight.\nThe air force called it one of the largest attacks of the war.\nRescue work went on all day.\nPower was cut in many districts.\nBy the evening 31 people had been killed, officials said. Deaths were reported in Dnipro, Kharkiv, Odesa and Lviv.", language: "en",
              expected: ["killed - 31 exact %Ukraine"]),
        .init(text: "Russische Raketen und Drohnen trafen in der Nacht Dnipro, Charkiw, Odessa und Lwiw.\nDie Luftwaffe sprach von einem der größten Angriffe des Krieges.\nDie Rettungsarbeiten dauerten den ganzen Tag.\nIn vielen Stadtteilen fiel der Strom aus.\nBis zum Abend wurden 31 Menschen getötet. Tote gab es in Dnipro, Charkiw, Odessa und Lwiw.", language: "de",
              expected: ["killed - 31 exact %Ukraine"]),
        .init(text: "Вночі російські ракети та дрони вдарили по Дніпру, Харкову, Одесі та Львову.\nПовітряні сили назвали це однією з наймасованіших атак війни.\nРятувальні роботи тривали весь день.\nУ багатьох районах зникло світло.\nДо вечора загинула 31 людина. Загиблі є в Дніпрі, Харкові, Одесі та Львові.", language: "uk",
              expected: ["killed - 31 exact %Ukraine"]),
        .init(text: "Ночью российские ракеты и дроны ударили по Днепру, Харькову, Одессе и Львову.\nВоздушные силы назвали это одной из самых массированных атак войны.\nСпасательные работы шли весь день.\nВо многих районах пропал свет.\nК вечеру погиб 31 человек. Погибшие есть в Днепре, Харькове, Одессе и Львове.", language: "ru",
              expected: ["killed - 31 exact %Ukraine"]),
    ]

    /// A count its clause lays over places of two regions joined by "and" is the country's; with
    /// "each" it is every place's, and stays with the place named first.
    static let coordinatedRegions: [ExtractionCase] = [
        .init(text: "Russian officials said Ukrainian drones killed four soldiers at airfields in the Kursk region and the Voronezh region.", language: "en",
              expected: ["killed - 4 exact %Russia !UA"]),
        .init(text: "Russian drones attacked overnight; air defence destroyed 12 drones over the Odesa region and the Kherson region.", language: "en",
              expected: ["intercepted drone 12 exact %Ukraine"]),
        .init(text: "In der Nacht hat die Flugabwehr zwölf Drohnen über dem Gebiet Odessa und dem Gebiet Cherson zerstört.", language: "de",
              expected: ["intercepted drone 12 exact %Ukraine"]),
        .init(text: "Вночі сили ППО знищили 12 дронів над Одеською та над Херсонською областями.", language: "uk",
              expected: ["intercepted drone 12 exact %Ukraine"]),
        .init(text: "Ночью ПВО уничтожила 12 беспилотников над Одесской областью и над Херсонской областью.", language: "ru",
              expected: ["intercepted drone 12 exact %Ukraine"]),
        // Guards: a city and its own region are one area; "each" gives every place the count.
        .init(text: "Air defence destroyed 12 drones over Kharkiv and the Kharkiv region overnight.", language: "en",
              expected: ["intercepted drone 12 exact %Kharkiv"]),
        .init(text: "Die Flugabwehr hat je acht Drohnen über dem Gebiet Sumy und dem Gebiet Poltawa zerstört.", language: "de",
              expected: ["intercepted drone 8 exact %Sumy_Oblast"]),
        .init(text: "Air defence destroyed eight drones each over the Sumy region and the Poltava region.", language: "en",
              expected: ["intercepted drone 8 exact %Sumy_Oblast"]),
        .init(text: "Сили ППО знищили по вісім дронів над Сумщиною та над Полтавщиною.", language: "uk",
              expected: ["intercepted drone 8 exact %Sumy_Oblast"]),
        .init(text: "ПВО уничтожила по восемь беспилотников над Сумской областью и над Полтавской областью.", language: "ru",
              expected: ["intercepted drone 8 exact %Sumy_Oblast"]),
    ]

    /// A lead that names no attacker: the side holding the places struck did not attack them, so
    /// the count stays at the place struck instead of going to the other side's country.
    static let unnamedAttacker: [ExtractionCase] = [
        .init(text: "Drone attack on an airfield near Engels\nThree soldiers were killed by the wreckage of a downed drone, the defence ministry said.", language: "en",
              expected: ["killed - 3 exact %Engels !UA"]),
        .init(text: "Drohnenangriff auf einen Flugplatz bei Engels\nDrei Soldaten wurden durch Trümmer einer abgeschossenen Drohne getötet, teilte das Verteidigungsministerium mit.", language: "de",
              expected: ["killed - 3 exact %Engels !UA"]),
        .init(text: "Атака дрона на аеродром поблизу Енгельса\nТроє військових загинули від уламків збитого дрона, заявили в міністерстві оборони.", language: "uk",
              expected: ["killed - 3 exact %Engels !UA"]),
        .init(text: "Атака беспилотника на аэродром под Энгельсом\nТрое военных погибли от обломков сбитого беспилотника, заявили в министерстве обороны.", language: "ru",
              expected: ["killed - 3 exact %Engels !UA"]),
    ]

    /// A lead naming several regions struck is a mass strike, as one naming several cities is: a
    /// national source's count with no place of its own is the country's.
    static let severalRegions: [ExtractionCase] = [
        .init(text: "Russia's defence ministry said Ukrainian drones struck airfields in the Ryazan region, the Saratov region and the Kursk region overnight.\nFour soldiers were wounded, the ministry said.", language: "en",
              expected: ["injured - 4 exact %Russia"]),
        .init(text: "Das russische Verteidigungsministerium teilte mit, ukrainische Drohnen hätten Flugplätze im Gebiet Rjasan, im Gebiet Saratow und im Gebiet Kursk angegriffen.\nVier Soldaten wurden verletzt, so das Verteidigungsministerium.", language: "de",
              expected: ["injured - 4 exact %Russia"]),
        .init(text: "У міноборони Росії заявили, що українські дрони атакували аеродроми в Рязанській області, Саратовській області та Курській області.\nЧетверо військових отримали поранення, заявили в міноборони Росії.", language: "uk",
              expected: ["injured - 4 exact %Russia"]),
        .init(text: "В Минобороны России заявили, что украинские беспилотники атаковали аэродромы в Рязанской области, Саратовской области и Курской области.\nЧетверо военных получили ранения, заявили в Минобороны России.", language: "ru",
              expected: ["injured - 4 exact %Russia"]),
        // The noun of the kind of place between a preposition and the place keeps the place a locative.
        .init(text: "Die russische Luftabwehr zerstörte je sechs ukrainische Drohnen über den Regionen Belgorod und Woronesch.", language: "de",
              expected: ["intercepted drone 6 exact %Belgorod"]),
    ]

    /// An interior ministry speaks for the whole side, as the air force does: its casualty count
    /// in a strike on many regions, with no place of its own, is the country's.
    static let nationalMinistry: [ExtractionCase] = [
        .init(text: "Russia struck the Kyiv region, Kharkiv, Zaporizhzhia and the Cherkasy region with missiles this morning.\nThe Interior Ministry said 13 people were injured.", language: "en",
              expected: ["injured - 13 exact %Ukraine @UA"]),
        .init(text: "Росія вранці вдарила ракетами по Київщині, Харкову, Запоріжжю та Черкащині.\nУ МВС повідомили, що постраждали 13 людей.", language: "uk",
              expected: ["injured - 13 exact %Ukraine @UA"]),
        .init(text: "Россия утром ударила ракетами по Киевской области, Харькову, Запорожью и Черкасской области.\nВ МВД Украины сообщили, что пострадали 13 человек.", language: "ru",
              expected: ["injured - 13 exact %Ukraine @UA"]),
        .init(text: "Russland griff am Morgen das Gebiet Kiew, Charkiw, Saporischschja und das Gebiet Tscherkassy mit Raketen an.\nInnenminister Klymenko sagte, 13 Menschen seien verletzt worden.", language: "de",
              expected: ["injured - 13 exact %Ukraine"]),
    ]

    @Test(arguments: nationalMinistry) func nationalMinistryCountIsTheCountrys(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: severalRegions) func severalRegionsInTheLeadMakeAMassStrike(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: unnamedAttacker) func unnamedAttackerIsNotTheSideStruck(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: coordinatedRegions) func countOverTwoRegionsIsTheCountrys(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: tollBrokenDownAfter) func tollBrokenDownInTheNextSentenceIsNationwide(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: passiveAgent) func passiveAgentAttacks(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: absoluteClause) func absoluteClausePlacesItsOwnCount(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: namedAsPart) func placeNamedAsPartIsNotTheFrame(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
