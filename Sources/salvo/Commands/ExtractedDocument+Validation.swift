import SalvoModel

/// `salvo ingest --extracted` takes records it did not make: every number in them is checked before
/// anything downstream adds, compares or stores it.
extension ExtractedDocument {
    /// No count of strikes, weapons or people comes near this; beyond it a value is a mistake, and
    /// sums over many figures stay far from `Int.max`.
    static let maxFigureValue = 10_000_000
    /// Sentence offsets are Unicode scalar offsets in a document of at most 64 MB.
    static let maxOffset = 1 << 30
    static let maxEvents = 10_000

    /// The first problem with the record, said in one phrase; nil if it is fit to store.
    var problem: String? {
        if id.isEmpty { return "empty id" }
        if events.count > Self.maxEvents { return "more than \(Self.maxEvents) events" }
        for (e, event) in events.enumerated() {
            let at = "event \(e + 1)"
            for (p, place) in event.places.enumerated() {
                if let problem = place.problem { return "\(at), place \(p + 1): \(problem)" }
            }
            for (f, figure) in event.figures.enumerated() {
                if let problem = figure.problem { return "\(at), figure \(f + 1): \(problem)" }
            }
        }
        return nil
    }
}

extension Place {
    var problem: String? {
        if let lat, !(lat.isFinite && (-90...90).contains(lat)) { return "latitude \(lat) is not in -90...90" }
        if let lon, !(lon.isFinite && (-180...180).contains(lon)) { return "longitude \(lon) is not in -180...180" }
        if (lat == nil) != (lon == nil) { return "latitude without longitude" }
        if let geonameid, geonameid < 0 { return "negative geonameid \(geonameid)" }
        return nil
    }
}

extension Figure {
    var problem: String? {
        if value < 0 { return "negative value \(value)" }
        if value > ExtractedDocument.maxFigureValue { return "value \(value) is larger than \(ExtractedDocument.maxFigureValue)" }
        if start < 0 || end < start || end > ExtractedDocument.maxOffset { return "sentence offsets \(start)...\(end) are not a range in a document" }
        return nil
    }
}
