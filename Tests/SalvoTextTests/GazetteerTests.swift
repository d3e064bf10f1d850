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

    @Test("Region forms in four languages", arguments: [
        ("Two people were injured in the Kharkiv region.", ["Kharkiv Oblast"]),
        ("Debris fell in Kharkiv Oblast and in Kyiv.", ["Kharkiv Oblast", "Kyiv"]),
        ("Im Gebiet Charkiw und in der Oblast Saporischschja gab es Explosionen.", ["Kharkiv Oblast", "Zaporizhzhia Oblast"]),
        ("Ворог атакував Харківщину, уламки впали на Харківщині.", ["Kharkiv Oblast", "Kharkiv Oblast"]),
        ("У Харківській області та Харківської області.", ["Kharkiv Oblast", "Kharkiv Oblast"]),
        ("Над Белгородской областью и Курской областью сбиты дроны.", ["Belgorod Oblast", "Kursk Oblast"]),
        ("В Краснодарском крае горит нефтебаза.", ["Krasnodar Krai"]),
        ("Голова Харківської ОВА повідомив про удар.", ["Kharkiv Oblast"]),
    ])
    func regions(text: String, expected: [String]) {
        #expect(names(text) == expected)
    }

    @Test func prefersUkrainianPlacesForSharedNames() {
        let pokrovsk = gazetteer.place(named: "Pokrovsk")
        #expect(pokrovsk?.country == "UA")
        #expect(pokrovsk?.admin1 == "Donetsk Oblast")
    }

    @Test func englishAndGermanSpellings() {
        #expect(names("Kiew und Charkiw, Kiev and Kharkov") == ["Kyiv", "Kharkiv", "Kyiv", "Kharkiv"])
        #expect(names("Strikes on Kyiv's power grid") == ["Kyiv"])
    }

    @Test("Common words are not places", arguments: [
        "Mir and glory to the bar; Sonne scheint, nova ray.",
        "Мир, сад і луч світла: щастя, слава, перемога.",
        "Володимир Зеленський говорив про мир.",
        "The human cost was high; good luck.",
    ])
    func commonWords(text: String) {
        #expect(names(text) == [])
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
