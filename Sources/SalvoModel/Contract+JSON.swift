// The output contract of DESIGN.md, field by field, every field present and `null` where unknown.

extension Place {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("name") { $0.string(name) }
            w.field("geonameid") { $0.optional(geonameid) { $0.int($1) } }
            w.field("admin1") { $0.optional(admin1) { $0.string($1) } }
            w.field("country") { $0.optional(country) { $0.string($1) } }
            w.field("lat") { $0.optional(lat) { $0.double($1) } }
            w.field("lon") { $0.optional(lon) { $0.double($1) } }
            w.field("kind") { $0.string(kind.rawValue) }
        }
    }
}

extension Figure {
    /// `extra` writes further fields into the same object (the store adds `document`).
    public func write(to w: inout JSONWriter, extra: ((inout JSONWriter) -> Void)? = nil) {
        w.object { w in
            w.field("quantity") { $0.string(quantity.rawValue) }
            w.field("weapon") { $0.optional(weapon) { $0.string($1.rawValue) } }
            w.field("model") { $0.optional(model) { $0.string($1) } }
            w.field("value") { $0.int(value) }
            w.field("qualifier") { $0.string(qualifier.rawValue) }
            w.field("place") { $0.optional(place) { $0.string($1) } }
            w.field("place_geonameid") { $0.optional(placeID) { $0.int($1) } }
            w.field("date") { $0.optional(date) { $0.day($1) } }
            w.field("claimant") { $0.string(claimant.rawValue) }
            w.field("claimant_name") { $0.optional(claimantName) { $0.string($1) } }
            w.field("sentence") { $0.string(sentence) }
            w.field("start") { $0.int(start) }
            w.field("end") { $0.int(end) }
            extra?(&w)
        }
    }
}

extension Event {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("date") { $0.optional(date) { $0.day($1) } }
            w.field("attacker") { $0.optional(attacker) { $0.string($1.rawValue) } }
            w.field("places") { w in w.array { w in for p in places { p.write(to: &w) } } }
            w.field("targets") { w in w.array { w in for t in targets { w.string(t) } } }
            w.field("figures") { w in w.array { w in for f in figures { f.write(to: &w) } } }
        }
    }
}

extension ExtractedDocument {
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id") { $0.string(id) }
            w.field("url") { $0.optional(url) { $0.string($1) } }
            w.field("title") { $0.optional(title) { $0.string($1) } }
            w.field("language") { $0.optional(language) { $0.string($1) } }
            w.field("published") { $0.optional(published) { $0.day($1) } }
            w.field("events") { w in w.array { w in for e in events { e.write(to: &w) } } }
            if let text { w.field("text") { $0.string(text) } }
        }
    }

    /// The contract as one line of JSON.
    public var jsonBytes: [UInt8] {
        var w = JSONWriter()
        write(to: &w)
        return w.bytes
    }
}
