import SalvoModel

extension StoredEvent {
    /// The event as one line of JSON, keys in contract order, written by hand: Foundation's
    /// encoder took most of a `salvo events --format json` run. Decodes as `StoredEvent`.
    ///
    /// ```swift
    /// print(event.json)   // {"id":"12","date":"2025-02-10","attacker":"RU","places":[…],…}
    /// ```
    public var json: String {
        var out = "{\"id\":"
        CompactJSON.string(id, &out)
        out += ",\"date\":" + (date.map { "\"\($0)\"" } ?? "null")
        out += ",\"attacker\":" + (attacker.map { "\"\($0.rawValue)\"" } ?? "null")
        out += ",\"places\":" + CompactJSON.places(places)
        out += ",\"targets\":" + CompactJSON.strings(targets)
        out += ",\"documents\":" + CompactJSON.strings(documents)
        out += ",\"figures\":["
        for (i, s) in figures.enumerated() {
            if i > 0 { out += "," }
            let f = s.figure
            out += "{\"quantity\":\"\(f.quantity.rawValue)\",\"weapon\":" + (f.weapon.map { "\"\($0.rawValue)\"" } ?? "null")
            out += ",\"model\":"
            CompactJSON.optional(f.model, &out)
            out += ",\"value\":\(f.value),\"qualifier\":\"\(f.qualifier.rawValue)\",\"place\":"
            CompactJSON.optional(f.place, &out)
            out += ",\"date\":" + (f.date.map { "\"\($0)\"" } ?? "null")
            out += ",\"claimant\":\"\(f.claimant.rawValue)\",\"claimant_name\":"
            CompactJSON.optional(f.claimantName, &out)
            out += ",\"sentence\":"
            CompactJSON.string(f.sentence, &out)
            out += ",\"start\":\(f.start),\"end\":\(f.end),\"document\":"
            CompactJSON.string(s.document, &out)
            out += "}"
        }
        out += "],\"summary\":" + CompactJSON.summary(summary) + "}"
        return out
    }
}
