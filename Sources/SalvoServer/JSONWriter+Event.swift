import SalvoModel
import SalvoStore

// The same objects `StoredEvent`'s Codable conformance writes (the extract contract: every key
// present, `null` where unknown); a test checks the two agree.
extension JSONWriter {
    mutating func event(_ e: StoredEvent) {
        object { w in
            w.key("id"); w.string(e.id)
            w.key("date"); w.string(e.date?.description)
            w.key("attacker"); w.string(e.attacker?.rawValue)
            w.key("places"); w.array(e.places) { w, p in w.place(p) }
            w.key("targets"); w.array(e.targets) { w, t in w.string(t) }
            w.key("documents"); w.array(e.documents) { w, d in w.string(d) }
            w.key("figures"); w.array(e.figures) { w, f in w.figure(f) }
            w.key("summary"); w.array(e.summary) { w, s in w.summary(s) }
        }
    }

    mutating func place(_ p: Place) {
        object { w in
            w.key("name"); w.string(p.name)
            w.key("geonameid"); w.int(p.geonameid)
            w.key("admin1"); w.string(p.admin1)
            w.key("country"); w.string(p.country)
            w.key("lat"); w.double(p.lat)
            w.key("lon"); w.double(p.lon)
            w.key("kind"); w.string(p.kind.rawValue)
        }
    }

    mutating func figure(_ s: StoredFigure) {
        let f = s.figure
        object { w in
            w.key("quantity"); w.string(f.quantity.rawValue)
            w.key("weapon"); w.string(f.weapon?.rawValue)
            w.key("model"); w.string(f.model)
            w.key("value"); w.int(f.value)
            w.key("qualifier"); w.string(f.qualifier.rawValue)
            w.key("place"); w.string(f.place)
            w.key("date"); w.string(f.date?.description)
            w.key("claimant"); w.string(f.claimant.rawValue)
            w.key("claimant_name"); w.string(f.claimantName)
            w.key("sentence"); w.string(f.sentence)
            w.key("start"); w.int(f.start)
            w.key("end"); w.int(f.end)
            w.key("document"); w.string(s.document)
        }
    }

    mutating func summary(_ s: FigureSummary) {
        object { w in
            w.key("quantity"); w.string(s.quantity.rawValue)
            w.key("weapon"); w.string(s.weapon?.rawValue)
            w.key("minimum"); w.int(s.minimum)
            w.key("maximum"); w.int(s.maximum)
            w.key("headline"); w.int(s.headline)
            w.key("headline_claimant"); w.string(s.headlineClaimant.rawValue)
            w.key("conflict"); w.bool(s.conflict)
        }
    }
}
