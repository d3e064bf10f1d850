import SalvoModel
import SalvoText

/// The syntactic role of a word in its sentence, read off the lexicon's categories: whether a place
/// is where something landed ("in/у/над X"), where weapons came from ("from X", "з напрямку X"),
/// or an actor ("Kyiv said", "Moscow fired"); whether a side is named as an attacker.
extension Attribution {
    /// Claimants beside a verb of saying: "according to the Air Force", "Nach Angaben der Luftwaffe",
    /// "повідомив голова ОВА", "reported by the head of the Cherkasy regional military administration".
    static func speakingClaimants(in hits: ArraySlice<AnnotatedHit>, reach: Int = speakingReach) -> [AnnotatedHit] {
        // Each verb of saying has one speaker, the claimant nearest it: in "Nach Angaben der
        // Luftwaffe setzten die russischen Streitkräfte … ein" the air force speaks, the army acts.
        func gap(_ a: AnnotatedHit, _ c: AnnotatedHit) -> Int {
            a.tokens.upperBound <= c.tokens.lowerBound ? c.tokens.lowerBound - a.tokens.upperBound : a.tokens.lowerBound - c.tokens.upperBound
        }
        var out: [AnnotatedHit] = []
        for a in hits where a.hit.has(.attribution) {
            // "Nach Militärangaben", "Kyiv said": a phrase that names its speaker speaks for itself.
            if a.hit.has(.claimant) {
                if !out.contains(where: { $0.tokens == a.tokens }) { out.append(a) }
                continue
            }
            var best: AnnotatedHit?
            for c in hits where c.hit.has(.claimant) && c.tokens != a.tokens && gap(a, c) >= 0 && gap(a, c) <= reach {
                if best == nil || gap(a, c) < gap(a, best!) { best = c }
            }
            if let best, !out.contains(where: { $0.tokens == best.tokens }) { out.append(best) }
        }
        return out.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// How many words may stand between a verb of saying and its speaker ("said the head of the
    /// Cherkasy regional …").
    static let speakingReach = 6

    /// "Russian drones", "Russia launched", "ворог атакував": a side named next to a weapon or a launch
    /// is the attacker; "Ukraine's capital" or "Russia's defence ministry" is not.
    static func namesAttacker(_ h: AnnotatedHit, in analysis: TextAnalysis) -> Bool {
        guard h.hit.has(.attacker) else { return false }
        if h.hit.first(.attacker)?.isEnemy == true { return true }
        // "drones were fired by Russia": the agent of a passive launch is the side that fired.
        if h.tokens.lowerBound > 0, let by = analysis.hitAt[h.tokens.lowerBound - 1], by.tokens.upperBound == h.tokens.lowerBound,
           by.hit.first(.part)?.part == .agent { return true }
        var k = h.tokens.upperBound
        let end = min(analysis.tokens.count, k + 3)
        while k < end {
            if let next = analysis.hitAt[k] {
                if next.hit.has(.weapon) { return true }
                if next.hit.entries.contains(where: { $0.quantity == .launched }) { return true }
                if next.hit.has(.claimant) { return false }
                k = next.tokens.upperBound
            } else {
                if analysis.tokens[k].kind == .punct { return false }
                k += 1
            }
        }
        return false
    }

    /// The side an attacker hit names; `enemy` is the enemy of whoever speaks ("беспилотники противника"
    /// in a Russian statement are Ukraine's), or the document's attacker where no side speaks.
    func side(ofAttackerHit h: AnnotatedHit, speaker: Belligerent? = nil) -> Belligerent? {
        guard let e = h.hit.first(.attacker) else { return nil }
        return e.belligerent ?? (e.isEnemy ? speaker?.opponent ?? frame.attacker : nil)
    }

    /// "launched from Kursk", "з напрямку Брянська", and every place of a list that such a
    /// preposition opens ("із напрямків: Курськ, Брянськ, Орел — РФ, Гвардійське — Крим"):
    /// where weapons came from is not where they struck.
    func isOrigin(_ p: PlaceOccurrence) -> Bool { roleCache.value(p, 0) { originRole(p) } }

    private func originRole(_ p: PlaceOccurrence) -> Bool {
        // "die Militärverwaltung von Charkiw", "the governor of the Kursk region": the area an
        // official answers for, whatever preposition joins them.
        if isJurisdiction(p) { return false }
        // "von der Krim aus an, in Odessa …": a place after a preposition of location of its own
        // begins another phrase, not the list of where weapons came from.
        return listOpened(before: p, by: { $0.hit.first(.preposition)?.preposition == .origin },
                   closedBy: { $0.hit.first(.preposition)?.preposition == .location })
    }

    /// Whether a hit `opens` passes stands before the place, or before the list the place ends
    /// ("from Kursk, Bryansk and Oryol", "including Poltava, Sumy and Kharkiv oblasts"): list items
    /// are places with at most two words of their own, between commas, colons and dashes.
    private func listOpened(before p: PlaceOccurrence, by opens: (AnnotatedHit) -> Bool,
                            closedBy closes: (AnnotatedHit) -> Bool = { _ in false }) -> Bool {
        var k = p.tokens.lowerBound - 1
        var plainWords = 0
        let limit = max(0, p.tokens.lowerBound - 40)
        while k >= limit {
            if let h = analysis.hitAt[k] {
                if opens(h) { return true }
                if closes(h) { return false }
            }
            let t = analysis.tokens[k]
            if t.kind == .punct {
                let c = analysis.folded.bytes[t.start]
                // Commas, colons and dashes separate list items; anything else ends the list.
                guard c == 0x2C || c == 0x3A || c == 0x2D || c == 0xE2 else { return false }
                plainWords = 0
            } else if let place = analysis.placeIndex(at: k) {
                k = analysis.places[place].tokens.lowerBound - 1
                plainWords = 0
                continue
            } else if t.kind == .word {
                // A list item may carry a word or two ("окупованого Криму", "— РФ").
                plainWords += 1
                if plainWords > 2 { return false }
            } else {
                return false
            }
            k -= 1
        }
        return false
    }

    /// "Kyiv said", "Moscow claims", "Russia launched", "Kyiv's Air Force": a place standing for its government is an
    /// actor, not where anything landed. Only a country or a side's capital launches, and the capital
    /// only with what it fired after the verb ("Moscow fired 40 missiles", "Москва вночі випустила
    /// 40 ракет"): "Kharkiv attacked" and "Kyiv attacked by drones" are headlines about strikes on them.
    func isActor(_ p: PlaceOccurrence) -> Bool { roleCache.value(p, 1) { actorRole(p) } }

    private func actorRole(_ p: PlaceOccurrence) -> Bool {
        // A lexicon phrase that starts with the place and says it speaks ("Kyiv said", "Moscow claims").
        if let h = analysis.hitAt[p.tokens.lowerBound], h.tokens.upperBound > p.tokens.upperBound, h.hit.has(.attribution) { return true }
        // "in Kryvyi Rih, according to the governor": a place where something happened stays one.
        if isLocative(p) { return false }
        // "the governor of the Mykolaiv region said", "Kharkiv's mayor said": the place a local official speaks for.
        if isJurisdiction(p) { return false }
        var k = p.tokens.upperBound
        // "Kyiv's air force", "Kyiv, said": only a possessive or a comma may stand between ("Kyiv is, officials said" is about Kyiv).
        var steps = 0
        while k < analysis.tokens.count && steps < 3 {
            if let h = analysis.hitAt[k] {
                if h.hit.has(.attribution) { return true }
                // "Kyiv's Air Force", "Moscow's defence ministry": a side's national body, not a target.
                if let c = h.hit.first(.claimant), data.scope(ofRole: c.extra) == .national { return true }
                if h.hit.entries.contains(where: { $0.quantity == .launched }) {
                    return p.place.kind == .country || data.sideOfCapital(p.place) != nil && firesSomething(after: h)
                }
                // "Russia overnight launched", "Москва вночі випустила": the time of day between a side and its verb.
                if h.hit.has(.relday) {
                    k = h.tokens.upperBound
                    steps += 1
                    continue
                }
                return false
            }
            let t = analysis.tokens[k]
            let isJoiner = t.kind == .punct && [0x27, 0xE2, 0x2C].contains(analysis.folded.bytes[t.start])
            let isPossessiveS = t.kind == .word && t.end - t.start == 1 && analysis.folded.bytes[t.start] == 0x73
            guard isJoiner || isPossessiveS else { return false }
            k += 1
            steps += 1
        }
        return false
    }

    /// Whether a verb of launching is followed by what was fired: a count, a qualifier or a weapon
    /// ("fired 40 missiles", "launched more than", "launched drones"), not an agent or a preposition.
    private func firesSomething(after verb: AnnotatedHit) -> Bool {
        var k = verb.tokens.upperBound
        // "Moskau feuerte in der Nacht 40 Raketen ab": the time of day may stand between.
        while let h = analysis.hitAt[k], h.hit.has(.relday), h.tokens.upperBound > k { k = h.tokens.upperBound }
        guard k < analysis.tokens.count else { return false }
        if analysis.tokens[k].kind == .digits { return true }
        guard let h = analysis.hitAt[k] else { return false }
        return h.hit.has(.number) || h.hit.has(.qualifier) || h.hit.has(.weapon)
    }

    /// "the governor of the Poltava region", "the mayor of Kharkiv", and with the title after the
    /// place, "Kharkiv's mayor", "Sumy Oblast's air defences", "Poltava Oblast Military
    /// Administration": the area a local official or a regional air defence answers for.
    func isJurisdiction(_ p: PlaceOccurrence) -> Bool { roleCache.value(p, 7) { jurisdictionRole(p) } }

    private func jurisdictionRole(_ p: PlaceOccurrence) -> Bool {
        var k = p.tokens.lowerBound - 1
        let limit = max(0, p.tokens.lowerBound - Self.jurisdictionReach)
        while k >= limit {
            if analysis.tokens[k].kind == .punct { break }
            if let h = analysis.hitAt[k], let c = h.hit.first(.claimant) {
                if data.scope(ofRole: c.extra) == .local { return true }
                break
            }
            k -= 1
        }
        // After the place only its possessive may stand before the title, which may begin inside
        // the place's own words ("Poltava Regional" + "Regional Military Administration").
        for j in p.tokens.dropFirst() {
            if let h = analysis.hitAt[j], let c = h.hit.first(.claimant) {
                let scope = data.scope(ofRole: c.extra)
                return scope == .local || scope == .actor
            }
        }
        k = p.tokens.upperBound
        var steps = 0
        while k < analysis.tokens.count && steps < 3 {
            if let h = analysis.hitAt[k] {
                guard let c = h.hit.first(.claimant) else { return false }
                let scope = data.scope(ofRole: c.extra)
                return scope == .local || scope == .actor
            }
            let t = analysis.tokens[k]
            let isApostrophe = t.kind == .punct && [0x27, 0xE2].contains(analysis.folded.bytes[t.start])
            let isPossessiveS = t.kind == .word && t.end - t.start == 1 && analysis.folded.bytes[t.start] == 0x73
            guard isApostrophe || isPossessiveS else { return false }
            k += 1
            steps += 1
        }
        return false
    }

    /// How many words may stand between a local official's title and its place ("the head of the military administration of the eastern").
    static let jurisdictionReach = 6

    /// "over several regions, including Moscow", "зокрема на Київщині", "Kyiv and other regions": a
    /// place named as part of a wider area the figure counts over.
    func isNamedAsPart(_ p: PlaceOccurrence) -> Bool { roleCache.value(p, 4) { partRole(p) } }

    private func partRole(_ p: PlaceOccurrence) -> Bool {
        for back in 1...3 where p.tokens.lowerBound - back >= 0 {
            if let h = analysis.hitAt[p.tokens.lowerBound - back], h.tokens.upperBound <= p.tokens.lowerBound, h.hit.has(.subset) { return true }
        }
        // Every place of a list the subset word opens: "including Poltava, Sumy and Kharkiv oblasts".
        if listOpened(before: p, by: { $0.hit.has(.subset) }) { return true }
        // "on Kyiv and other parts of the country", "по Києву та інших регіонах".
        if let and = analysis.hitAt[p.tokens.upperBound], and.hit.has(.conjunction),
           let next = analysis.hitAt[and.tokens.upperBound], next.hit.first(.unit)?.unit == .country { return true }
        return false
    }

    /// The side that holds a place occurrence, read once per document.
    func holder(_ p: PlaceOccurrence) -> Belligerent? {
        let russia = roleCache.value(p, 5) { data.holder(of: p.place) == .russia }
        if russia { return .russia }
        return roleCache.value(p, 6) { data.holder(of: p.place) == .ukraine } ? .ukraine : nil
    }

    /// "20:00 Moscow time", "за київським часом": a place inside a time zone names no place.
    func isTimeZone(_ p: PlaceOccurrence) -> Bool { roleCache.value(p, 2) { timeZoneRole(p) } }

    private func timeZoneRole(_ p: PlaceOccurrence) -> Bool {
        for back in 0..<3 where p.tokens.lowerBound - back >= 0 {
            if let h = analysis.hitAt[p.tokens.lowerBound - back], h.tokens.contains(p.tokens.lowerBound),
               h.hit.first(.unit)?.unit == .time { return true }
        }
        return false
    }

    /// "in Kharkiv", "над Одесою", "über Kiew": a place right after a preposition of location.
    func isLocative(_ p: PlaceOccurrence) -> Bool { roleCache.value(p, 3) { locativeRole(p) } }

    private func locativeRole(_ p: PlaceOccurrence) -> Bool {
        if followsLocation(p.tokens.lowerBound) { return true }
        // "über den Regionen Lipezk und Orel": the noun of the kind of place may stand between.
        for back in 1...2 where p.tokens.lowerBound - back >= 0 {
            if let h = analysis.hitAt[p.tokens.lowerBound - back], h.tokens.upperBound == p.tokens.lowerBound,
               h.hit.first(.unit)?.unit == .settlement { return followsLocation(h.tokens.lowerBound) }
        }
        return false
    }

    /// A preposition of location ends right before token `k`, or one word (an article) before it.
    private func followsLocation(_ k: Int) -> Bool {
        for back in 1...3 where k - back >= 0 {
            if let h = analysis.hitAt[k - back], h.tokens.upperBound == k || h.tokens.upperBound == k - back + 1 && back <= 2 {
                if h.hit.first(.preposition)?.preposition == .location { return true }
            }
        }
        return false
    }

    /// A sentence that speaks of an attack at all: a weapon, a figure verb or an attacker in it.
    func speaksOfAttack(_ s: Sentence) -> Bool {
        analysis.hits(in: s).contains { $0.hit.has(.weapon) || $0.hit.has(.quantity) || $0.hit.has(.attacker) }
    }
}

/// The roles of each place, worked out once per document: every figure of a sentence and of the
/// sentences after it asks about the same places again.
final class PlaceRoleCache {
    /// Per token where a place starts, two bits per role: known, and its value. Unchecked: each
    /// read and write is one step, and a role read while another is worked out touches the table
    /// only between them, so the runtime's exclusivity check guards nothing.
    @exclusivity(unchecked) private var bits: [UInt16]

    init(tokens: Int) {
        bits = Array(repeating: 0, count: tokens + 1)
    }

    /// Inlined, so that a known role costs a load and a test: called, it took a copy of the place
    /// occurrence (three strings) into the closure on every lookup, cached or not.
    @inline(__always)
    func value(_ p: PlaceOccurrence, _ role: Int, _ compute: () -> Bool) -> Bool {
        let k = p.tokens.lowerBound
        let known: UInt16 = 1 << (2 * role), set: UInt16 = 2 << (2 * role)
        let b = bits[k]
        if b & known != 0 { return b & set != 0 }
        let v = compute()
        // Or-ed into the table as it is now: working out one role may have settled others of the place.
        bits[k] |= known | (v ? set : 0)
        return v
    }
}
