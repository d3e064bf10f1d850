import Testing

/// The resolvers of place, claimant, date and attacker on the hard cases of the gold guidelines,
/// in sentences written for these tests, in all four languages.
@Suite struct ResolutionTests {
    static let cases: [ExtractionCase] = [
        // The headline names the place; the figures below it inherit it.
        .init(text: "Missile strike on Poltava\nNine people were killed and 20 injured, the governor said.", language: "en",
              expected: ["killed - 9 exact %Poltava @UA !RU", "injured - 20 exact %Poltava @UA"]),
        .init(text: "Ракетний удар по Полтаві\nЗагинули дев'ять людей, ще 20 отримали поранення.", language: "uk",
              expected: ["killed - 9 exact %Poltava !RU", "injured - 20 exact %Poltava"]),
        .init(text: "Raketenangriff auf Poltawa\nNeun Menschen wurden getötet.", language: "de",
              expected: ["killed - 9 exact %Poltava"]),
        .init(text: "Ракетный удар по Полтаве\nПогибли девять человек.", language: "ru",
              expected: ["killed - 9 exact %Poltava"]),
        // Metonymy: a capital that speaks is an actor, not a target.
        .init(text: "Kyiv said Russia launched 60 drones overnight.", language: "en",
              expected: ["launched drone 60 exact %Ukraine !RU"]),
        .init(text: "Russia fired 70 drones overnight, Kyiv's air force said.", language: "en",
              expected: ["launched drone 70 exact %Ukraine @UA"]),
        // A clause opened by "while" after a comma is another statement.
        .init(text: "Officials in Kharkiv reported power cuts, while two people were killed when a missile struck a house in the southern city of Kryvyi Rih.", language: "en",
              expected: ["killed - 2 exact %Kryvyi_Rih"]),
        // A lead date weeks before publication dates a file photo, not the attack.
        .init(text: "File photo, 3 March 2021.\nRussia launched 40 drones at Ukraine overnight, the Air Force said.", language: "en",
              expected: ["launched drone 40 exact #2024-11-17 %Ukraine"]),
        // A date applies to its own clause.
        .init(text: "Nine people were killed in Kharkiv on 12 November; on 11 November, four died in Sumy.", language: "en",
              expected: ["killed - 9 exact #2024-11-12 %Kharkiv", "killed - 4 exact #2024-11-11 %Sumy"]),
        // A statement introduced by a colon keeps its speaker; so does one attributed right after.
        .init(text: "The governor wrote on Telegram:\nFour people were injured in Sumy.", language: "en",
              expected: ["injured - 4 exact @UA %Sumy"]),
        .init(text: "In Odesa two residents were injured. The head of the regional military administration reported it on Telegram.", language: "en",
              expected: ["injured - 2 exact @UA %Odesa"]),
        .init(text: "У Херсоні поранено двох людей. Про це повідомив начальник обласної військової адміністрації.", language: "uk",
              expected: ["injured - 2 exact @UA %Kherson"]),
        // The side that holds the place struck decides the attacker; a local role there speaks for it.
        .init(text: "Three people were killed in Belgorod after a drone attack, the regional governor said.", language: "en",
              expected: ["killed - 3 exact %Belgorod @RU !UA"]),
        .init(text: "In Sewastopol wurden zwei Menschen verletzt.", language: "de",
              expected: ["injured - 2 exact %Sevastopol !UA"]),
        // A source the lexicon does not name speaks for the side its adjective gives.
        .init(text: "Nach Angaben des ukrainischen Gesundheitsministers wurden in Poltawa sieben Menschen getötet.", language: "de",
              expected: ["killed - 7 exact %Poltava @UA"]),
        .init(text: "According to Russian regional figures, four people were injured in Kursk.", language: "en",
              expected: ["injured - 4 exact %Kursk @RU"]),
        .init(text: "За даними української обласної влади, у Сумах загинули троє людей.", language: "uk",
              expected: ["killed - 3 exact %Sumy @UA"]),
        .init(text: "По данным российского губернатора, в Белгороде ранены пять человек.", language: "ru",
              expected: ["injured - 5 exact %Belgorod @RU"]),
        // Officials named by no side speak for the side that holds the place attacked.
        .init(text: "Two people were killed in Belgorod, officials said.", language: "en",
              expected: ["killed - 2 exact %Belgorod @RU !UA"]),
        .init(text: "In Charkiw wurden nach offiziellen Angaben sechs Menschen verletzt.", language: "de",
              expected: ["injured - 6 exact %Kharkiv @UA"]),
        .init(text: "По официальным данным, в Донецке погибли два человека.", language: "ru",
              expected: ["killed - 2 exact %Donetsk @RU !UA"]),
        .init(text: "За офіційними даними, у Дніпрі поранено вісім людей.", language: "uk",
              expected: ["injured - 8 exact %Dnipro @UA"]),
        // The speaker named after a casualty count may follow further counts of people, in the next paragraph too.
        .init(text: "Five people were killed in Chernihiv. Another 30 were injured.\nThis was reported by the regional governor.", language: "en",
              expected: ["killed - 5 exact %Chernihiv @UA", "injured - 30 exact %Chernihiv @UA"]),
        // A local official's title names the place it speaks for; it is not an actor.
        .init(text: "The governor of the Mykolaiv region said 13 drones were destroyed above the province overnight.", language: "en",
              expected: ["intercepted drone 13 exact %Mykolaiv_Oblast @UA"]),
        // A count its own clause places stays there, however many cities the article names.
        .init(text: "Russia struck Kyiv, Lviv, Odesa and Kharkiv overnight.\nIn the Poltava region, nine drones were shot down, the governor said.", language: "en",
              expected: ["intercepted drone 9 exact %Poltava_Oblast"]),
        .init(text: "Russland griff in der Nacht Kiew, Lwiw, Odessa und Charkiw an.\nIm Gebiet Poltawa wurden neun Drohnen abgeschossen.", language: "de",
              expected: ["intercepted drone 9 exact %Poltava_Oblast"]),
        .init(text: "Росія вночі атакувала Київ, Львів, Одесу та Харків.\nНа Полтавщині збили дев'ять дронів.", language: "uk",
              expected: ["intercepted drone 9 exact %Poltava_Oblast"]),
        .init(text: "Россия ночью атаковала Киев, Львов, Одессу и Харьков.\nВ Полтавской области сбили девять беспилотников.", language: "ru",
              expected: ["intercepted drone 9 exact %Poltava_Oblast"]),
        // A weapon the sentence names before its number is the one counted.
        .init(text: "Russia fired 40 missiles and 60 drones. As for the drones, 31 were destroyed.", language: "en",
              expected: ["launched missile 40 exact", "launched drone 60 exact", "intercepted drone 31 exact"]),
        // Drones lost to radar or jamming are lost, not downed; bombers are not missiles.
        .init(text: "Air defence shot down 50 drones; 20 further drones vanished from the radar.", language: "en",
              expected: ["intercepted drone 50 exact", "lost drone 20 exact"]),
        .init(text: "Die Luftabwehr fing 30 Drohnen ab; weitere 12 Drohnen waren danach nicht mehr aufspürbar.", language: "de",
              expected: ["intercepted drone 30 exact", "lost drone 12 exact"]),
        .init(text: "Russia fired 43 cruise missiles from 10 strategic bombers overnight.", language: "en",
              expected: ["launched cruise_missile 43 exact"]),
        .init(text: "Россия выпустила 43 крылатые ракеты с 10 бомбардировщиков.", language: "ru",
              expected: ["launched cruise_missile 43 exact"]),
        // A negated verb counts nothing; a vague amount has no value; an attack is not a weapon count.
        .init(text: "Air defence shot down 60 drones; 12 drones were not shot down.", language: "en",
              expected: ["intercepted drone 60 exact"]),
        .init(text: "Збито 60 дронів, близько 12 дронів не було збито.", language: "uk",
              expected: ["intercepted drone 60 exact"]),
        .init(text: "Сбиты 60 беспилотников, 12 беспилотников не были сбиты.", language: "ru",
              expected: ["intercepted drone 60 exact"]),
        .init(text: "Die Luftabwehr schoss 60 Drohnen ab, 12 Drohnen wurden nicht abgeschossen.", language: "de",
              expected: ["intercepted drone 60 exact"]),
        .init(text: "Die Luftabwehr hat in der Nacht mehrere Hundert Drohnen abgefangen.", language: "de", expected: []),
        .init(text: "Air defence shot down several hundred drones overnight.", language: "en", expected: []),
        .init(text: "ППО збила кілька сотень дронів.", language: "uk", expected: []),
        .init(text: "Kiew meldet, ein russischer Drohnenangriff sei in der Nacht abgewehrt worden.", language: "de", expected: []),
        .init(text: "Россия атаковала Украину полторы сотни беспилотников.", language: "ru",
              expected: ["launched drone 150 exact"]),
        .init(text: "Von 15 unbemannten Flugkörpern wurden in der Nacht 14 abgefangen.", language: "de",
              expected: ["launched drone 15 exact", "intercepted drone 14 exact"]),
        .init(text: "Von 74 Drohnen schoss die Luftabwehr gut die Hälfte ab.", language: "de",
              expected: ["launched drone 74 exact"]),
        // "All 24" shot down: as many were launched.
        .init(text: "Air defence destroyed all 24 drones Russia sent overnight.", language: "en",
              expected: ["intercepted drone 24 exact", "launched drone 24 exact"]),
        .init(text: "Сили ППО збили всі 24 ударні дрони.", language: "uk",
              expected: ["intercepted drone 24 exact", "launched drone 24 exact"]),
        .init(text: "According to the air force, 60 drones and 39 missiles were seen overnight.", language: "en",
              expected: ["launched drone 60 exact", "launched missile 39 exact"]),
        // "one-way attack drones", "eine solche Rakete": no number one.
        .init(text: "Russia launched 25 one-way attack drones at Ukrainian cities.", language: "en",
              expected: ["launched drone 25 exact"]),
        .init(text: "Noch nie zuvor wurde eine solche Rakete abgefangen.", language: "de", expected: []),
        // A clause that names the whole country places its count nationwide.
        .init(text: "Gegen Kiew und andere Landesteile setzte Russland in der Nacht 452 Drohnen und Raketen ein.", language: "de",
              expected: ["launched any 452 exact %Ukraine"]),
        .init(text: "Air defence shot down 37 drones across the country, according to the air force.", language: "en",
              expected: ["intercepted drone 37 exact %Ukraine"]),
        // People words: a man, soldiers; fatal wounds kill.
        .init(text: "In Sumy one man died and five others were wounded.", language: "en",
              expected: ["killed - 1 exact %Sumy", "injured - 5 exact %Sumy"]),
        .init(text: "In Belgorod, three servicemen received fatal wounds from debris.", language: "en",
              expected: ["killed - 3 exact %Belgorod"]),
        .init(text: "Seit dem Abend wurden insgesamt 270 Drohnenangriffe verzeichnet.", language: "de",
              expected: ["launched drone 270 exact"]),
        // A list goes on from the part of an "of", and past a participle with its agent.
        .init(text: "The air defence forces downed 56 of the 87 drones as well as two missiles.", language: "en",
              expected: ["intercepted drone 56 exact", "launched drone 87 exact", "intercepted missile 2 exact"]),
        .init(text: "The air force destroyed 18 drones, 1 missile fired by the enemy.", language: "en",
              expected: ["intercepted drone 18 exact", "intercepted missile 1 exact"]),
        .init(text: "60 drones were seen overnight, of which 58 drones were destroyed, the air force said.", language: "en",
              expected: ["launched drone 60 exact", "intercepted drone 58 exact"]),
        .init(text: "Of the 50 drones, 40 were shot down.", language: "en",
              expected: ["launched drone 50 exact", "intercepted drone 40 exact"]),
        .init(text: "З 40 дронів збито 31.", language: "uk",
              expected: ["launched drone 40 exact", "intercepted drone 31 exact"]),
        // The weapon's origin and who counts their own air defence's kills.
        .init(text: "Russia's defence ministry said air defences shot down four ATACMS missiles.", language: "en",
              expected: ["intercepted ballistic_missile 4 exact @RU !UA"]),
        // A total over several kinds of weapon, and "of" with a qualifier before the whole.
        .init(text: "Russia attacked Ukraine with 51 missiles and drones overnight.", language: "en",
              expected: ["launched any 51 exact"]),
        .init(text: "Air defence destroyed 44 of more than 50 missiles.", language: "en",
              expected: ["intercepted missile 44 exact", "launched missile 50 more_than"]),
        .init(text: "ППО знищила 44 з понад 50 ракет.", language: "uk",
              expected: ["intercepted missile 44 exact", "launched missile 50 more_than"]),
        .init(text: "Die ukrainische Luftabwehr schoss in der Nacht 40 der 50 Drohnen ab.", language: "de",
              expected: ["intercepted drone 40 exact @media", "launched drone 50 exact"]),
        // A bare count with an auxiliary before its verb counts the weapon named before.
        .init(text: "Russia launched 43 drones overnight. Of these, 37 were shot down.", language: "en",
              expected: ["launched drone 43 exact", "intercepted drone 37 exact"]),
        .init(text: "In der Nacht griff Russland mit 50 Drohnen an. 40 wurden abgeschossen.", language: "de",
              expected: ["launched drone 50 exact", "intercepted drone 40 exact"]),
        // In a list each count has the place that follows it; the total is nationwide.
        .init(text: "Минобороны России заявило, что над Брянской областью уничтожены 20 беспилотников, 15 – над Курской областью.", language: "ru",
              expected: ["intercepted drone 20 exact %Bryansk_Oblast @RU !UA", "intercepted drone 15 exact %Kursk_Oblast"]),
        .init(text: "Russia's defence ministry said it destroyed 88 Ukrainian drones, 26 of them over the Kursk region and 21 over the Belgorod region.", language: "en",
              expected: ["intercepted drone 88 exact %Russia @RU !UA", "intercepted drone 26 exact %Kursk_Oblast", "intercepted drone 21 exact %Belgorod_Oblast"]),
        // A count joined to the one before by a conjunction alone is counted the same way; "all" is no obstacle.
        .init(text: "Russia fired 70 cruise missiles and 4 guided missiles overnight, and air defence shot down 60 cruise missiles.", language: "en",
              expected: ["launched cruise_missile 70 exact", "launched missile 4 exact", "intercepted cruise_missile 60 exact"]),
        .init(text: "Росія випустила 70 крилатих ракет і 4 керовані авіаційні ракети, 60 крилатих ракет збили сили ППО.", language: "uk",
              expected: ["launched cruise_missile 70 exact", "launched cruise_missile 4 exact", "intercepted cruise_missile 60 exact"]),
        .init(text: "Air defence shot down six Shahed drones, three reconnaissance drones and nine Kalibr missiles overnight.", language: "en",
              expected: ["intercepted drone 6 exact", "intercepted drone 3 exact", "intercepted cruise_missile 9 exact"]),
        .init(text: "За ночь ПВО уничтожила шесть ударных беспилотников, три разведывательных дрона, а также шесть ракет «Кинжал».", language: "ru",
              expected: ["intercepted drone 6 exact", "intercepted drone 3 exact", "intercepted ballistic_missile 6 exact"]),
        .init(text: "Вночі українська ППО збила усі 18 ракет ворога.", language: "uk",
              expected: ["intercepted missile 18 exact", "launched missile 18 exact"]),
        .init(text: "Die Flugabwehr schoss alle 12 Drohnen ab.", language: "de",
              expected: ["intercepted drone 12 exact", "launched drone 12 exact"]),
        // Numbers inside model names, units and ranges are never counts; "81/94" is a count of a count.
        .init(text: "Overnight Russia used 29 Kh-101/555 cruise missiles along with 10 Shahed-136/131 drones.", language: "en",
              expected: ["launched cruise_missile 29 exact", "launched drone 10 exact"]),
        .init(text: "Soldiers fired a ZU-23-2 gun and its 23-mm shells at the drones; 2-3 drones were shot down.", language: "en",
              expected: []),
        .init(text: "Сили ППО збили 81/94 дрон.", language: "uk",
              expected: ["intercepted drone 81 exact", "launched drone 94 exact"]),
        // A quotation over several sentences keeps its speaker.
        .init(text: "The regional governor told reporters: «The drones came at two in the morning. The fire spread fast. The rescuers worked all night. Three people were killed in Sumy.»", language: "en",
              expected: ["killed - 3 exact @UA %Sumy"]),
        .init(text: "Глава обласної адміністрації розповів: «Дрони прилетіли о другій ночі. Пожежа швидко поширилася. Рятувальники працювали всю ніч. У Сумах загинули троє людей.»", language: "uk",
              expected: ["killed - 3 exact @UA %Sumy"]),
        // Weekly and monthly totals are not one attack.
        .init(text: "This week, Russia launched more than 1,200 drones at Ukraine.", language: "en", expected: []),
        .init(text: "За тиждень Росія випустила по Україні понад 1200 дронів.", language: "uk", expected: []),
        .init(text: "In der vergangenen Woche setzte Russland mehr als 1200 Drohnen ein.", language: "de", expected: []),
        .init(text: "За неделю Россия выпустила по Украине более 1200 дронов.", language: "ru", expected: []),
        // The toll of a salvo over many cities is the country's.
        .init(text: "Missile attack on Kyiv\nRussian missiles struck Kyiv, Lviv, Odesa and Dnipro overnight.\nMore than 30 people were killed.", language: "en",
              expected: ["killed - 30 more_than %Ukraine"]),
        // "The capital" with no name is the capital of the side attacked.
        .init(text: "У столиці сталося п'ять влучань дронів.", language: "uk",
              expected: ["hit drone 5 exact %Kyiv"]),
        .init(text: "In der Hauptstadt wurden drei Menschen verletzt.", language: "de",
              expected: ["injured - 3 exact %Kyiv"]),
        // A place named as part of a wider area is not the total's place.
        .init(text: "Russia's defence ministry said it downed 40 Ukrainian drones over several regions, including Moscow.", language: "en",
              expected: ["intercepted drone 40 exact %Russia @RU !UA"]),
        // A time zone names no place.
        .init(text: "From 20:00 Moscow time, air defence units destroyed 95 Ukrainian drones, the Russian defence ministry said.", language: "en",
              expected: ["intercepted drone 95 exact %Russia @RU !UA"]),
        // What could or is planned to happen is no attack.
        .init(text: "Experts warn that Moscow might launch 1,000 drones every night before long.", language: "en", expected: []),
        .init(text: "Russland könnte bald 1000 Drohnen pro Nacht einsetzen.", language: "de", expected: []),
        .init(text: "Росія готує удар 500 дронами по енергетиці.", language: "uk", expected: []),
        // Where weapons came from is not where they struck.
        .init(text: "Russia launched 30 drones from Kursk at Sumy, the air force said.", language: "en",
              expected: ["launched drone 30 exact @UA !RU"]),
        // A local official's count lies in the area they answer for; the frame's own place inside
        // that area is the more specific one.
        .init(text: "Rocket attack on Kremenchuk\nThe head of the Poltava regional military administration said four people were injured.", language: "en",
              expected: ["injured - 4 exact %Kremenchuk @UA"]),
        .init(text: "Ракетний удар по Кременчуку\nГолова Полтавської обласної військової адміністрації повідомив, що поранено чотирьох людей.", language: "uk",
              expected: ["injured - 4 exact %Kremenchuk @UA"]),
        .init(text: "Ракетный удар по Кременчугу\nГлава Полтавской областной военной администрации сообщил, что ранены четыре человека.", language: "ru",
              expected: ["injured - 4 exact %Kremenchuk @UA"]),
        // Officials named by no side speak for the side attacked, not for the side that launched.
        .init(text: "Russia fired 35 missiles before dawn, and nine people were killed, officials said.", language: "en",
              expected: ["launched missile 35 exact %Ukraine", "killed - 9 exact @UA"]),
        .init(text: "Russland feuerte in der Nacht 40 Raketen ab, zwölf Menschen wurden getötet, teilten Behörden mit.", language: "de",
              expected: ["launched missile 40 exact %Ukraine", "killed - 12 exact @UA"]),
        // "The enemy" is the enemy of whoever speaks.
        .init(text: "The Russian defence ministry said air defences destroyed 30 enemy drones over the Kursk region.", language: "en",
              expected: ["intercepted drone 30 exact @RU !UA"]),
        .init(text: "Das russische Verteidigungsministerium teilte mit, die Luftabwehr habe über dem Gebiet Kursk 30 feindliche Drohnen abgeschossen.", language: "de",
              expected: ["intercepted drone 30 exact @RU !UA"]),
        .init(text: "Міноборони Росії заявило, що над Курською областю збито 30 дронів противника.", language: "uk",
              expected: ["intercepted drone 30 exact @RU !UA"]),
        .init(text: "Российская ПВО уничтожила над Курской областью 30 беспилотников противника, сообщило Минобороны России.", language: "ru",
              expected: ["intercepted drone 30 exact @RU !UA"]),
        // "The region's head" is the regional governor, and speaks over a speaker of the sentence before.
        .init(text: "The Russian military said it downed 20 drones over Belgorod.\nFour residents were injured in Zaporizhzhia, the region's head wrote.", language: "en",
              expected: ["intercepted drone 20 exact @RU %Belgorod", "injured - 4 exact @UA %Zaporizhzhia"]),
        // A side that speaks ("Russia says") is weighed by clause like any speaker.
        .init(text: "Russia says its units destroyed 40 Ukrainian drones overnight, but 90 Russian drones were launched at Ukraine, according to Ukraine's air force.", language: "en",
              expected: ["intercepted drone 40 exact @RU !UA", "launched drone 90 exact @UA !RU"]),
    ]

    @Test(arguments: cases)
    func resolves(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
