import Testing

/// Whose statement a figure is and which day it dates, on the phrasings that used to leave a named
/// source unattributed or an overnight span dated by its evening, in sentences written for these
/// tests, in all four languages.
@Suite struct ClaimantDateTests {
    /// "He added …", "Er fügte hinzu …": a verb of saying that names no one goes on with the speaker
    /// named before it, across a paragraph.
    static let unnamedSpeaker: [ExtractionCase] = [
        .init(text: "The governor of the Odesa region wrote on Telegram that a drone hit a house.\nHe added that rescuers were still working at the site. Three people were killed.", language: "en",
              published: "2025-01-26", expected: ["killed - 3 exact @UA"]),
        .init(text: "Der Gouverneur des Gebiets Odessa schrieb auf Telegram, eine Drohne habe ein Wohnhaus beschädigt.\nEr fügte hinzu, die Rettungskräfte seien noch vor Ort. Drei Menschen wurden getötet.", language: "de",
              published: "2025-01-26", expected: ["killed - 3 exact @UA"]),
        .init(text: "Голова Одеської ОВА написав у Telegram, що дрон влучив у будинок.\nВін додав, що рятувальники досі працюють на місці. Загинули три людини.", language: "uk",
              published: "2025-01-26", expected: ["killed - 3 exact @UA"]),
        .init(text: "Губернатор Одесской области написал в Telegram, что дрон попал в дом.\nОн добавил, что на месте все еще идут работы. Погибли три человека.", language: "ru",
              published: "2025-01-26", expected: ["killed - 3 exact @UA"]),
    ]

    /// "This was reported by …", "Об этом сообщил …" opening the next paragraph speaks for the whole
    /// paragraph before it; a quotation there is the speaker's own words and does not.
    static let reportAfterParagraph: [ExtractionCase] = [
        .init(text: "Two people were killed in Odesa on Friday. Five more were injured. A drone struck a house.\nThis was reported by the regional governor.", language: "en",
              published: "2025-01-26", expected: ["killed - 2 exact @UA", "injured - 5 exact @UA"]),
        .init(text: "In Odessa wurden am Freitag zwei Menschen getötet. Fünf weitere wurden verletzt. Eine Drohne traf ein Wohnhaus.\nDas teilte der Gouverneur der Region mit.", language: "de",
              published: "2025-01-26", expected: ["killed - 2 exact @UA", "injured - 5 exact @UA"]),
        .init(text: "У п'ятницю в Одесі загинули двоє людей. Ще п'ятеро дістали поранення. Дрон влучив у житловий будинок.\nПро це повідомив голова обласної військової адміністрації.", language: "uk",
              published: "2025-01-26", expected: ["killed - 2 exact @UA", "injured - 5 exact @UA"]),
        .init(text: "В пятницу в Одессе погибли два человека. Еще пятеро получили ранения. Дрон попал в жилой дом.\nОб этом сообщил губернатор области.", language: "ru",
              published: "2025-01-26", expected: ["killed - 2 exact @UA", "injured - 5 exact @UA"]),
        // Guards: a quotation in the next paragraph is no report of the paragraph before.
        .init(text: "Two people were killed in Odesa on Friday. Five more were injured. A drone struck a house.\n\"The city will not give up,\" the regional governor said.", language: "en",
              published: "2025-01-26", expected: ["killed - 2 exact @media", "injured - 5 exact"]),
        .init(text: "В пятницу в Одессе погибли два человека. Еще пятеро получили ранения. Дрон попал в жилой дом.\n«Город не сдастся», – заявил губернатор области.", language: "ru",
              published: "2025-01-26", expected: ["killed - 2 exact @media", "injured - 5 exact"]),
    ]

    /// A night spanning two days is dated by the morning it ends, however the span is written.
    static let nightSpan: [ExtractionCase] = [
        .init(text: "On the night of January 24-25, Russia launched 50 drones at Ukraine, the air force said.", language: "en",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-25"]),
        .init(text: "On the night of January 24–25, Russia launched 50 drones at Ukraine, the air force said.", language: "en",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-25"]),
        .init(text: "On the night of 24-25 January, Russia launched 50 drones at Ukraine, the air force said.", language: "en",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-25"]),
        .init(text: "In der Nacht vom 24. auf den 25. Januar griff Russland die Ukraine mit 50 Drohnen an, teilte die Luftwaffe mit.", language: "de",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-25"]),
        .init(text: "У ніч з 24 на 25 січня Росія атакувала Україну 50 ударними дронами, повідомили Повітряні сили.", language: "uk",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-25"]),
        .init(text: "В ночь с 24 на 25 января Россия атаковала Украину 50 ударными дронами, сообщили в Воздушных силах.", language: "ru",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-25"]),
        // Guard: a span that is no night keeps its own dates; a date of the figure's own clause wins.
        .init(text: "Talks on January 24-25 ended. Russia launched 50 drones at Ukraine on January 24, the air force said.", language: "en",
              published: "2025-01-26", expected: ["launched drone 50 exact #2025-01-24"]),
    ]

    /// A window of hours that closes at midnight (between an evening hour and 00:00 of the next day) is the
    /// evening of its first day, not a night ending in the morning of the second.
    static let midnightWindow: [ExtractionCase] = [
        .init(text: "Between 18:00 on 24 May and 00:00 on 25 May, Russia's air defences downed 40 Ukrainian drones above several Russian regions, the Russian defence ministry said.", language: "en",
              published: "2025-05-26", expected: ["intercepted drone 40 exact #2025-05-24 @RU"]),
        .init(text: "Die russische Luftabwehr habe zwischen 18:00 Uhr am 24. Mai und 0:00 Uhr am 25. Mai über mehreren Regionen 40 ukrainische Drohnen zerstört, teilte das russische Verteidigungsministerium mit.", language: "de",
              published: "2025-05-26", expected: ["intercepted drone 40 exact #2025-05-24 @RU"]),
        .init(text: "Російська ППО між 18:00 24 травня та 00:00 25 травня збила над кількома регіонами Росії 40 українських дронів, заявили в Міноборони РФ.", language: "uk",
              published: "2025-05-26", expected: ["intercepted drone 40 exact #2025-05-24 @RU"]),
        .init(text: "Российская ПВО в период между 18.00 24 мая и 0.00 25 мая сбила над несколькими регионами 40 украинских беспилотников, сообщили в Минобороны РФ.", language: "ru",
              published: "2025-05-26", expected: ["intercepted drone 40 exact #2025-05-24 @RU"]),
        // Guards: a window that runs into the morning ends on its second day; a midnight alone opens it.
        .init(text: "Between 18:00 on 24 May and 06:00 on 25 May, Russia's air defences downed 40 Ukrainian drones above several Russian regions, the Russian defence ministry said.", language: "en",
              published: "2025-05-26", expected: ["intercepted drone 40 exact #2025-05-25"]),
        .init(text: "Shortly after 00:00 on 25 May Russia's air defences downed 40 Ukrainian drones above several Russian regions, the Russian defence ministry said.", language: "en",
              published: "2025-05-26", expected: ["intercepted drone 40 exact #2025-05-25"]),
    ]

    /// A speaker named in the next sentence goes on with the count before it when that sentence's only
    /// number is a word for one, which is as often an article ("eine Frau") as a count.
    static let oneIsNoCount: [ExtractionCase] = [
        .init(text: "A Russian missile struck a residential area of Lviv, and at least four people were killed. Late in the evening the authorities reported that one woman had been pulled from the rubble.", language: "en",
              published: "2025-05-26", expected: ["killed - 4 at_least @UA"]),
        .init(text: "Bei einem russischen Raketenangriff auf ein Wohnviertel in Lwiw wurden mindestens vier Menschen getötet. Am späten Abend meldeten die Behörden, dass eine Frau aus den Trümmern geborgen worden sei.", language: "de",
              published: "2025-05-26", expected: ["killed - 4 at_least @UA"]),
        .init(text: "Унаслідок російського ракетного удару по житловому кварталу Львова загинули щонайменше четверо людей. Пізно ввечері влада повідомила, що з-під завалів дістали одну жінку.", language: "uk",
              published: "2025-05-26", expected: ["killed - 4 at_least @UA"]),
        .init(text: "В результате российского ракетного удара по жилому кварталу Львова погибли по меньшей мере четыре человека. Поздно вечером власти сообщили, что из-под завалов достали одну женщину.", language: "ru",
              published: "2025-05-26", expected: ["killed - 4 at_least @UA"]),
    ]

    /// "The day before" after a date counts from that date, in its own clause; with no date before
    /// it, from publication.
    static let dayBefore: [ExtractionCase] = [
        .init(text: "Nine people were killed on Sunday; the day before, four died in Sumy, officials said.", language: "en",
              published: "2025-11-17", expected: ["killed - 9 exact #2025-11-16", "killed - 4 exact #2025-11-15"]),
        .init(text: "Am Sonntag wurden neun Menschen getötet; am Tag zuvor starben vier in Sumy.", language: "de",
              published: "2025-11-17", expected: ["killed - 9 exact #2025-11-16", "killed - 4 exact #2025-11-15"]),
        .init(text: "У неділю загинули дев'ятеро людей; напередодні в Сумах загинули четверо.", language: "uk",
              published: "2025-11-17", expected: ["killed - 9 exact #2025-11-16", "killed - 4 exact #2025-11-15"]),
        .init(text: "В воскресенье погибли девять человек; накануне в Сумах погибли четверо.", language: "ru",
              published: "2025-11-17", expected: ["killed - 9 exact #2025-11-16", "killed - 4 exact #2025-11-15"]),
        .init(text: "Russia launched 40 drones at Ukraine on 12 November. The day before, 12 people were killed in Odesa.", language: "en",
              published: "2025-11-17", expected: ["launched drone 40 exact #2025-11-12", "killed - 12 exact #2025-11-11"]),
        // Guard: with no date before it, the day before publication.
        .init(text: "The day before, 12 people were killed in Odesa.", language: "en",
              published: "2025-11-17", expected: ["killed - 12 exact #2025-11-16"]),
    ]

    @Test(arguments: dayBefore) func dayBeforeCountsFromTheDateNamedBefore(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: oneIsNoCount) func wordForOneIsNoCountOfItsOwn(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: midnightWindow) func windowClosingAtMidnightIsItsFirstDay(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: unnamedSpeaker) func unnamedSpeakerGoesOnWithTheNamedOne(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: reportAfterParagraph) func reportOpeningNextParagraphSpeaksForIt(_ c: ExtractionCase) { c.run(sharedExtractor) }
    @Test(arguments: nightSpan) func nightSpanIsDatedByItsMorning(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
