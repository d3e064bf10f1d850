import Foundation
import SalvoModel
import Testing
@testable import SalvoText

@Suite("Gazetteer")
struct GazetteerTests {
    let gazetteer = Gazetteer.shared

    func names(_ text: String) -> [String] {
        gazetteer.mentions(in: FoldedText(text)).map(\.place.name)
    }

    @Test func loadsTheShippedData() {
        #expect(gazetteer.places.count > 1000)
        #expect(gazetteer.place(named: "Kyiv")?.geonameid == 703448)
    }

    @Test("Ukrainian case forms", arguments: [
        ("Вибухи пролунали в Херсоні та поблизу Києва.", ["Kherson", "Kyiv"]),
        ("У Харкові та Одесі оголосили тривогу.", ["Kharkiv", "Odesa"]),
        ("Ракета влучила в Дніпро, уламки впали біля Дніпра.", ["Dnipro", "Dnipro"]),
        ("Енергетики Миколаєві та Запоріжжі працюють.", ["Mykolaiv", "Zaporizhzhia"]),
        ("Обстріл у Сумах і в Кривому Розі.", ["Sumy", "Kryvyi Rih"]),
        ("Вибухи у Білій Церкві та Новій Каховці.", ["Bila Tserkva", "Nova Kakhovka"]),
        ("Нова Каховка залишилася без світла.", ["Nova Kakhovka"]),
        ("Дрон атакував Львів, а потім Тернопіль.", ["Lviv", "Ternopil"]),
        ("Обстріл Куп’янська, Купянська і Слов'янська.", ["Kupiansk", "Kupiansk", "Sloviansk"]),
    ])
    func ukrainianCases(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Russian case forms", arguments: [
        ("Взрывы прогремели в Севастополе и Харькове.", ["Sevastopol", "Kharkiv"]),
        ("Беспилотник сбит над Кривым Рогом.", ["Kryvyi Rih"]),
        ("В Кривом Роге и в Одессе погибли люди.", ["Kryvyi Rih", "Odesa"]),
        ("Атака на Киев и на Днепр.", ["Kyiv", "Dnipro"]),
    ])
    func russianCases(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Russian towns in Ukrainian spelling", arguments: [
        ("Дрони атакували Морозовськ, Єйськ та нафтобазу в Тихорецьку.", ["Morozovsk", "Yeysk", "Tikhoretsk"]),
        ("Вибухи в Новоросійську, Енгельсі й Таганрозі.", ["Novorossiysk", "Engels", "Taganrog"]),
    ])
    func russianTownsInUkrainian(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Region forms in four languages", arguments: [
        ("Two people were injured in the Kharkiv region.", ["Kharkiv Oblast"]),
        ("Debris fell in Kharkiv Oblast and in Kyiv.", ["Kharkiv Oblast", "Kyiv"]),
        ("Im Gebiet Charkiw und in der Oblast Saporischschja gab es Explosionen.", ["Kharkiv Oblast", "Zaporizhzhia Oblast"]),
        ("Ворог атакував Харківщину, уламки впали на Харківщині.", ["Kharkiv Oblast", "Kharkiv Oblast"]),
        ("У Харківській області та Харківської області.", ["Kharkiv Oblast", "Kharkiv Oblast"]),
        ("Над Белгородской областью и Курской областью сбиты дроны.", ["Belgorod Oblast", "Kursk Oblast"]),
        ("В Краснодарском крае горит нефтебаза.", ["Krasnodar Krai"]),
        ("Голова Харківської ОВА повідомив про удар.", ["Kharkiv Oblast"]),
        ("In central Ukraine, rockets fell on the region of Vinnytsia.", ["Ukraine", "Vinnytsia Oblast"]),
        ("Most drones targeted Dnipropetrovsk; one hit the city of Dnipro.", ["Dnipropetrovsk Oblast", "Dnipro"]),
    ])
    func regions(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Multiword and hyphenated names", arguments: [
        ("Shelling of Nova Kakhovka and Bila Tserkva continued.", ["Nova Kakhovka", "Bila Tserkva"]),
        ("Drones hit Kryvyi Rih and Ivano-Frankivsk overnight.", ["Kryvyi Rih", "Ivano-Frankivsk"]),
        ("Angriff auf Krywyj Rih und Iwano-Frankiwsk.", ["Kryvyi Rih", "Ivano-Frankivsk"]),
        ("Обстріл Кам'янця-Подільського та Івано-Франківська.", ["Kamianets-Podilskyi", "Ivano-Frankivsk"]),
        ("Бои у Часового Яру и под Кривым Рогом.", ["Chasiv Yar", "Kryvyi Rih"]),
        ("Запорізького району та Запоріжжя.", ["Zaporizhzhia Raion", "Zaporizhzhia"]),
        ("Обстріли в Нікопольському районі; shelling of the Nikopol district.", ["Nikopol Raion", "Nikopol Raion"]),
    ])
    func multiword(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test("Countries in four languages", arguments: [
        ("Russia attacked Ukraine from Belarus.", ["Russia", "Ukraine", "Belarus"]),
        ("Russlands Angriff auf die Ukraine; Polen und Rumänien reagierten.", ["Russia", "Ukraine", "Poland", "Romania"]),
        ("Росія атакувала Україну, уламки впали в Польщі.", ["Russia", "Ukraine", "Poland"]),
        ("Россия ударила по Украине из Белоруссии.", ["Russia", "Ukraine", "Belarus"]),
    ])
    func countries(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test func regionsAreNotTheirCentres() throws {
        let oblast = try #require(gazetteer.place(named: "Kherson Oblast"))
        let city = try #require(gazetteer.place(named: "Kherson"))
        #expect(oblast.kind == .region)
        #expect(city.kind == .city)
        #expect(city.admin1 == oblast.name)
        #expect(oblast.contains(city))
        #expect(gazetteer.place(named: "Херсонщини")?.name == "Kherson Oblast")
        #expect(gazetteer.place(named: "Gebiet Cherson")?.name == "Kherson Oblast")
        let raion = try #require(gazetteer.place(named: "Nikopol Raion"))
        #expect(raion.kind == .region)
        #expect(raion.admin1 == "Dnipropetrovsk Oblast")
    }

    @Test func regionOfAPlace() throws {
        let rostov = try #require(gazetteer.place(named: "Rostov-on-Don"))
        #expect(gazetteer.region(of: rostov)?.name == "Rostov Oblast")
        let raion = try #require(gazetteer.place(named: "Zaporizhzhia Raion"))
        #expect(gazetteer.region(of: raion)?.name == "Zaporizhzhia Oblast")
        let oblast = try #require(gazetteer.place(named: "Kharkiv Oblast"))
        #expect(gazetteer.region(of: oblast) == nil)
        #expect(gazetteer.region(of: try #require(gazetteer.place(named: "Ukraine"))) == nil)
    }

    @Test func prefersUkrainianPlacesForSharedNames() {
        let pokrovsk = gazetteer.place(named: "Pokrovsk")
        #expect(pokrovsk?.country == "UA")
        #expect(pokrovsk?.admin1 == "Donetsk Oblast")
    }

    @Test func englishAndGermanSpellings() {
        #expect(names("Kiew und Charkiw, Kiev and Kharkov") == ["Kyiv", "Kharkiv", "Kyiv", "Kharkiv"])
        #expect(names("Strikes on Kyiv's power grid") == ["Kyiv"])
        #expect(names("Kiews Bürgermeister und Charkiws Gouverneur") == ["Kyiv", "Kharkiv"])
    }

    @Test("Common words are not places", arguments: [
        "Mir and glory to the bar; Sonne scheint, nova ray.",
        "Мир, сад і луч світла: щастя, слава, перемога.",
        "Володимир Зеленський говорив про мир.",
        "The human cost was high; good luck.",
        "Північний вітер, південного напрямку, на рівні області, великих сум.",
        "Северный ветер, свободный рынок, в тех краях.",
        "Chop the onions; Anna read Pushkin on Start day.",
        "Бригада «Азов» і батальйон «Айдар» отримали нагороди.",
        "Корабль в Черноморском флоте, октябрьский пленум, улица Жуковского.",
    ])
    func commonWords(text: String) {
        #expect(names(text) == [])
    }

    @Test func wordsContainingANameAreNotMentions() {
        #expect(names("Kyivstar and Kharkivski, Одесити і Київщинадругий") == [])
    }

    /// Every form in the shipped file is stored folded, so it matches folded text byte for byte.
    @Test func shippedFormsAreFolded() throws {
        let data = try Gazetteer.bundledDataForBenchmark()
        var unfolded: [String] = []
        for line in data.split(separator: 0x0A) where line.first != 0x23 {
            guard let field = line.split(separator: 0x09, omittingEmptySubsequences: false).last else { continue }
            for form in field.split(separator: 0x7C) {
                let s = String(decoding: form, as: UTF8.self)
                if FoldedText.fold(s) != Array(form) { unfolded.append(s) }
            }
        }
        #expect(unfolded.isEmpty, "not folded: \(unfolded.prefix(10))")
    }

    /// On the dev set (when ../shared is there), the places of the gold figures are found in their documents.
    @Test func findsTheDevSetsGoldPlaces() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/dev").standardized
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        var gold = 0, found = 0
        for file in files where file.hasSuffix(".gold.json") {
            let id = String(file.dropLast(".gold.json".count))
            guard let text = try? String(contentsOf: dir.appendingPathComponent(id + ".txt"), encoding: .utf8),
                  let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(file))) as? [String: Any]
            else { continue }
            let wanted = Set((json["figures"] as? [[String: Any]] ?? []).compactMap { $0["place"] as? String })
            let seen = Set(gazetteer.mentions(in: FoldedText(text)).map(\.place.name))
            gold += wanted.count
            found += wanted.intersection(seen).count
        }
        guard gold > 0 else { return }
        #expect(Double(found) / Double(gold) >= 0.9, "found \(found) of \(gold) gold places")
    }

    @Test func mentionOffsetsMapBackToTheOriginal() throws {
        let text = "Вибухи в  Херсоні."
        let folded = FoldedText(text)
        let m = try #require(gazetteer.mentions(in: folded).first)
        let bytes = Array(text.utf8)
        let start = folded.originalOffset(of: m.range.lowerBound), end = folded.originalOffset(of: m.range.upperBound)
        #expect(String(decoding: bytes[start..<end], as: UTF8.self) == "Херсоні")
    }

    @Test func parsesASmallTable() throws {
        let tsv = "# comment\n1\tTestburg\tcity\tTest Oblast\tUA\t1.0\t2.0\t100\ttestburg|тестбург|тестбурзі\n"
        let g = try Gazetteer(tsv: Array(tsv.utf8))
        #expect(g.mentions(in: FoldedText("у Тестбурзі")).map(\.place.name) == ["Testburg"])
        #expect(g.place(named: "ТЕСТБУРГ")?.admin1 == "Test Oblast")
        #expect(g.place(named: "Nowhere") == nil)
    }

    @Test func rejectsBrokenRows() {
        #expect(throws: GazetteerError.self) { try Gazetteer(tsv: Array("1\tX\tcity\n".utf8)) }
        #expect(throws: GazetteerError.self) { try Gazetteer(tsv: Array("1\tX\tvillage\t\tUA\t\t\t0\tx\n".utf8)) }
    }
}
