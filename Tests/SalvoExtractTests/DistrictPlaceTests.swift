import Testing

/// A district named in the sentence is where its figures are, though the headline names the city
/// the district is named after: the "district" of a district's name is no word standing for the
/// headline's place ("the city", "the district" alone are), and a clause a colon opens spells out
/// the clause before it ("attacked the villages of the district: two were killed").
@Suite struct DistrictPlaceTests {
    static let cases: [ExtractionCase] = [
        .init(text: "Shelling of Zaporizhzhia and the region\n\nOn Saturday the Russian army attacked villages of the Zaporizhzhia district: two people were killed, eight injured.",
              language: "en", expected: ["killed - 2 exact %Zaporizhzhia_Raion", "injured - 8 exact %Zaporizhzhia_Raion"]),
        .init(text: "Beschuss von Saporischschja und dem Gebiet\n\nAm Samstag griff die russische Armee Dörfer im Rajon Saporischschja an: zwei Menschen wurden getötet, acht verletzt.",
              language: "de", expected: ["killed - 2 exact %Zaporizhzhia_Raion", "injured - 8 exact %Zaporizhzhia_Raion"]),
        .init(text: "Обстріли Запоріжжя та області\n\nУ суботу армія РФ атакувала населені пункти Запорізького району: загинули дві людини, вісім поранені.",
              language: "uk", expected: ["killed - 2 exact %Zaporizhzhia_Raion", "injured - 8 exact %Zaporizhzhia_Raion"]),
        .init(text: "Обстрелы Запорожья и области\n\nВ субботу армия РФ атаковала населенные пункты Запорожского района: погибли два человека, восемь ранены.",
              language: "ru", expected: ["killed - 2 exact %Zaporizhzhia_Raion", "injured - 8 exact %Zaporizhzhia_Raion"]),
        // Guard: "the city" with no name of its own is the headline's.
        .init(text: "Missile strike on Poltava\n\nTwo people were killed in the city, the mayor said.",
              language: "en", expected: ["killed - 2 exact %Poltava"]),
        .init(text: "Ракетний удар по Полтаві\n\nУ місті загинули дві людини, повідомив міський голова.",
              language: "uk", expected: ["killed - 2 exact %Poltava"]),
    ]

    @Test(arguments: cases) func place(_ c: ExtractionCase) { c.run(sharedExtractor) }
}
