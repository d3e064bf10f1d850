import SalvoModel

/// Places of Ukraine, Russia and their neighbours, matched in folded text in four languages.
///
/// The data is `Resources/gazetteer/places.tsv`, derived from GeoNames by
/// `scripts/gazetteer/build.py`: one place a row, with every form news write it in — English,
/// German, Ukrainian and Russian names, Slavic case forms (`Херсоні`, `Києва`, `Кривому Розі`),
/// region forms (`Kharkiv region`, `Oblast Charkiw`, `Харківщині`, `Харьковской области`).
/// Each form belongs to one place; the build settles clashes (Ukrainian places first, then
/// population) and leaves out forms that are common words (`Мир`, `Bar`, `Сад`).
///
/// ```swift
/// let text = FoldedText("Удар по Харкову та Харківщині")
/// Gazetteer.shared.mentions(in: text).map(\.place.name)   // ["Kharkiv", "Kharkiv Oblast"]
/// Gazetteer.shared.place(named: "Kiew")?.name               // "Kyiv"
/// ```
public struct Gazetteer: Sendable {
    /// Every place; the trie's payloads index this array.
    public let places: [Place]
    let trie: PlaceTrie

    /// The gazetteer shipped with SalvoText, loaded once on first use.
    ///
    /// A missing or broken resource gives an empty gazetteer (and a line on stderr) rather than a
    /// crash: extraction still runs, without places.
    public static let shared: Gazetteer = {
        do {
            return try Gazetteer(tsv: try Gazetteer.bundledData())
        } catch {
            FileHandleStderr.write("salvo: gazetteer not loaded: \(error)\n")
            return try! Gazetteer(tsv: [])
        }
    }()

    init(places: [Place], trie: PlaceTrie) {
        self.places = places
        self.trie = trie
    }
}

/// A place found in a text.
public struct PlaceMention: Sendable, Equatable {
    /// Byte offsets in `FoldedText.bytes`; `FoldedText.origin` maps them to the original text.
    public var range: Range<Int>
    public var place: Place

    public init(range: Range<Int>, place: Place) {
        self.range = range
        self.place = place
    }
}
