import SalvoModel

extension StoredEvent {
    /// Writes the event with the contract's writer: keys in contract order, figures as the extract
    /// contract plus `document`. Decodes as `StoredEvent`.
    public func write(to w: inout JSONWriter) {
        w.object { w in
            w.field("id") { $0.string(id) }
            w.field("date") { $0.optional(date) { $0.string($1.description) } }
            w.field("attacker") { $0.optional(attacker) { $0.string($1.rawValue) } }
            w.field("places") { w in w.array { w in for p in places { p.write(to: &w) } } }
            w.field("targets") { w in w.array { w in for t in targets { w.string(t) } } }
            w.field("documents") { w in w.array { w in for d in documents { w.string(d) } } }
            w.field("figures") { w in
                w.array { w in
                    for f in figures { f.figure.write(to: &w, extra: { w in w.field("document") { $0.string(f.document) } }) }
                }
            }
            w.field("summary") { w in
                w.array { w in
                    for s in summary {
                        w.object { w in
                            w.field("quantity") { $0.string(s.quantity.rawValue) }
                            w.field("weapon") { $0.optional(s.weapon) { $0.string($1.rawValue) } }
                            w.field("minimum") { $0.int(s.minimum) }
                            w.field("maximum") { $0.int(s.maximum) }
                            w.field("headline") { $0.int(s.headline) }
                            w.field("headline_claimant") { $0.string(s.headlineClaimant.rawValue) }
                            w.field("conflict") { w in for b in (s.conflict ? "true" : "false").utf8 { w.raw(b) } }
                        }
                    }
                }
            }
        }
    }

    /// The event as one line of JSON; Foundation's encoder took most of a `salvo events` run.
    ///
    /// ```swift
    /// print(event.json)   // {"id":"12","date":"2025-02-10","attacker":"RU","places":[…],…}
    /// ```
    public var json: String {
        var w = JSONWriter()
        write(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
