import SalvoModel
import SalvoText

/// Settles who claims each figure, which side attacked, where and when.
///
/// Claimant: the nearest claimant named in the sentence ("the Air Force said", "за даними ДСНС");
/// else the one of the sentence before in the same paragraph (reported speech runs on); else, for
/// launch and interception counts, the source the article cites in its first lines ("Джерело:
/// Повітряні сили"); else the outlet itself (`media`).
struct Attribution {
    let analysis: TextAnalysis
    let published: Day?
    /// The attacking side the document is mostly about.
    let documentAttacker: Belligerent
    /// The source cited in the first lines, if any.
    let documentSource: (Claimant, String)?
    let documentDate: Day?
    let facts: SentenceFacts

    init(analysis: TextAnalysis, published: Day?) {
        self.analysis = analysis
        self.published = published
        facts = SentenceFacts(analysis: analysis)
        var ru = 0, ua = 0
        for h in analysis.hits where Attribution.namesAttacker(h, in: analysis) {
            switch h.hit.first(.attacker)?.value {
            case "RU": ru += 1
            case "UA": ua += 1
            default: break
            }
        }
        documentAttacker = ua > ru * 2 ? .ukraine : .russia
        var source: (Claimant, String)?
        var date: Day?
        // The source an article cites near its top ("Джерело: Повітряні сили", "У Повітряному
        // командуванні повідомили") speaks for the counts that follow.
        for s in analysis.sentences.prefix(8) {
            let hs = analysis.hits(in: s)
            if let c = Attribution.speakingClaimants(in: hs).first, let side = c.hit.first(.claimant)!.side {
                source = (side, analysis.originalText(c.tokens))
                break
            }
        }
        for d in analysis.dates where d.day != nil {
            if analysis.sentenceIndex(ofToken: d.tokens.lowerBound) < 4 { date = d.day; break }
        }
        documentSource = source
        documentDate = date ?? published
    }

    func settle(_ draft: inout FigureDraft) {
        let sentenceFacts = facts[draft.sentence]
        let hits = sentenceFacts.hits
        let places = sentenceFacts.places
        settleClaimant(&draft, hits: hits, places: places)
        // People die where the weapons land, so for casualties the place tells the attacker;
        // for weapon counts the attacker is named and the place follows.
        if draft.quantity.isCasualty, let p = nearestCasualtyPlace(draft, places: places),
           let country = p.place.country, country == "UA" || country == "RU" {
            draft.place = p.place
            draft.attacker = country == "UA" ? .russia : .ukraine
        } else {
            settleAttacker(&draft, hits: hits, places: places)
            settlePlace(&draft, places: places)
        }
        settleDate(&draft)
    }

    // MARK: claimant

    private func settleClaimant(_ d: inout FigureDraft, hits: ArraySlice<AnnotatedHit>, places: ArraySlice<PlaceOccurrence>) {
        // A claimant next to a verb of saying ("according to the Air Force", "Nach Angaben der Luftwaffe")
        // is the source; another one may only be an actor ("russische Streitkräfte setzten … ein").
        let here = facts[d.sentence]
        let speaking = here.speaking
        let claimants = here.claimants
        if let c = nearest(speaking.isEmpty ? claimants : speaking, to: d.number) {
            d.claimant = side(of: c, places: places)
            d.claimantName = analysis.originalText(c.tokens)
            return
        }
        if let side = sideSpeaking(in: hits, places: places) {
            d.claimant = side
            return
        }
        let s = analysis.sentences[d.sentence]
        for k in earlierSentences(of: d.sentence, upTo: 2) {
            let prev = facts[k]
            if let c = prev.speaking.last ?? prev.claimants.last {
                d.claimant = side(of: c, places: prev.places)
                d.claimantName = analysis.originalText(c.tokens)
                return
            }
        }
        // The sentence after may name who said it: "… ракети Х-59. У Повітряному командуванні повідомили …"
        if d.sentence + 1 < analysis.sentences.count, analysis.sentences[d.sentence + 1].paragraph == s.paragraph || s.endsLine {
            let next = facts[d.sentence + 1]
            if let c = next.speaking.first {
                d.claimant = side(of: c, places: next.places)
                d.claimantName = analysis.originalText(c.tokens)
                return
            }
        }
        if !d.quantity.isCasualty, let (side, name) = documentSource {
            d.claimant = side
            d.claimantName = name
        }
    }

    /// Claimants beside a verb of saying: "according to the Air Force", "Nach Angaben der Luftwaffe", "повідомив голова ОВА".
    static func speakingClaimants(in hits: ArraySlice<AnnotatedHit>) -> [AnnotatedHit] {
        hits.filter { c in
            c.hit.has(.claimant) && hits.contains { a in
                a.hit.has(.attribution) && (a.tokens.upperBound <= c.tokens.lowerBound ? c.tokens.lowerBound - a.tokens.upperBound : a.tokens.lowerBound - c.tokens.upperBound) <= 3
            }
        }
    }

    /// Air defence shoots; unless it is said to speak, it is the actor of the sentence, not its source.
    static func isActor(_ claimant: AnnotatedHit, in analysis: TextAnalysis) -> Bool {
        let words = analysis.folded.bytes[analysis.tokens[claimant.tokens.lowerBound].start..<analysis.tokens[claimant.tokens.upperBound - 1].end]
        return actorWords.contains { bytes(words, contain: $0) }
    }

    static let actorWords: [[UInt8]] = ["defen", "ппо", "протиповітрян", "flugabwehr", "luftabwehr", "пво", "противовоздушн", "зенітн", "зенитн"].map { Array($0.utf8) }

    /// "Russia says", "Україна заявила": a side named right before a verb of saying is the claimant.
    private func sideSpeaking(in hits: ArraySlice<AnnotatedHit>, places: ArraySlice<PlaceOccurrence>) -> Claimant? {
        for a in hits where a.hit.has(.attribution) {
            let k = a.tokens.lowerBound
            if let p = places.first(where: { $0.tokens.upperBound == k && $0.place.kind == .country }) {
                return p.place.country == "RU" ? .russia : p.place.country == "UA" ? .ukraine : nil
            }
            if let h = hits.first(where: { $0.tokens.upperBound == k }), let v = h.hit.first(.attacker)?.value, v != "enemy" {
                return v == "RU" ? .russia : .ukraine
            }
        }
        return nil
    }

    static let regionalRoles: [[UInt8]] = ["Governor", "governor", "Mayor", "mayor", "Regional", "regional", "Authorities", "authorities", "Head", "head"].map { Array($0.utf8) }

    /// Regional officials speak for the side their region is on: a governor in Belgorod is Russian.
    private func side(of claimant: AnnotatedHit, places: ArraySlice<PlaceOccurrence>) -> Claimant {
        let entry = claimant.hit.first(.claimant)!
        let side = entry.side ?? .other
        guard side == .ukraine, let role = entry.extra, Self.regionalRoles.contains(where: { bytes(role.utf8, contain: $0) }) else { return side }
        let countries = Set(places.compactMap { $0.place.country })
        return countries == ["RU"] ? .russia : side
    }

    private func nearest(_ hits: [AnnotatedHit], to number: Range<Int>) -> AnnotatedHit? {
        hits.min { distance($0.tokens, number) < distance($1.tokens, number) }
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        a.upperBound <= b.lowerBound ? b.lowerBound - a.upperBound : a.lowerBound - b.upperBound
    }

    // MARK: attacker

    private func settleAttacker(_ d: inout FigureDraft, hits: ArraySlice<AnnotatedHit>, places: ArraySlice<PlaceOccurrence>) {
        // Russia counting what it shot down is counting Ukraine's weapons.
        if d.claimant == .russia && (d.quantity == .intercepted || d.quantity == .lost) {
            d.attacker = .ukraine
            return
        }
        let sides = hits.compactMap { h -> (Belligerent, Range<Int>)? in
            guard Attribution.namesAttacker(h, in: analysis) else { return nil }
            switch h.hit.first(.attacker)?.value {
            case "RU": return (.russia, h.tokens)
            case "UA": return (.ukraine, h.tokens)
            case "enemy": return (documentAttacker, h.tokens)
            default: return nil
            }
        }
        if let s = sides.min(by: { distance($0.1, d.number) < distance($1.1, d.number) }) {
            d.attacker = s.0
            return
        }
        let local = places.filter { $0.place.kind != .country }.compactMap { $0.place.country }
        if let c = local.first, Set(local).count == 1, c == "RU" || c == "UA" {
            d.attacker = c == "RU" ? .ukraine : .russia
            return
        }
        if d.claimant == .russia && d.quantity.isCasualty {
            d.attacker = .ukraine
            return
        }
        d.attacker = documentAttacker
    }

    /// "Russian drones", "Russia launched", "ворог атакував": a side named next to a weapon or a launch
    /// is the attacker; "Ukraine's capital" or "Russia's defence ministry" is not.
    static func namesAttacker(_ h: AnnotatedHit, in analysis: TextAnalysis) -> Bool {
        guard let value = h.hit.first(.attacker)?.value else { return false }
        if value == "enemy" { return true }
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

    // MARK: place

    private func settlePlace(_ d: inout FigureDraft, places: ArraySlice<PlaceOccurrence>) {
        // Neither side strikes its own territory, so the attacker's own places are where weapons came from.
        let attackerCountry = d.attacker == .ukraine ? "UA" : "RU"
        let counts = analysis.numbers(in: analysis.sentences[d.sentence]).filter { $0.kind == .count && $0.tokens != d.number }
        let usable = places.filter { p in
            // "15 над Курською областю і 12 …": a place right after another number is that number's.
            p.place.country != attackerCountry && !isOrigin(p)
                && !counts.contains { $0.tokens.upperBound <= p.tokens.lowerBound && p.tokens.lowerBound - $0.tokens.upperBound <= 3
                    && p.tokens.upperBound <= d.number.lowerBound }
        }
        // A nationwide count is placed only by a place right beside it ("14 drones over Sumy region");
        // a casualty count by the nearest place in its sentence.
        let reach = d.quantity.isCasualty ? Int.max : 6
        // "28 над Курською областю, 27 – над Брянською": in a list the place after a number is its own.
        func cost(_ p: PlaceOccurrence) -> Int {
            analysis.clauseDistance(p.tokens, d.number) + (p.tokens.upperBound <= d.number.lowerBound ? 6 : 0)
        }
        if let p = usable.min(by: { cost($0) < cost($1) }),
           analysis.clauseDistance(p.tokens, d.number) <= reach || p.place.kind == .country {
            d.place = p.place
            return
        }
        if d.quantity.isCasualty {
            for k in earlierSentences(of: d.sentence, upTo: 2) {
                if let p = analysis.places(in: analysis.sentences[k]).last(where: { $0.place.kind != .country && !isOrigin($0) }) {
                    d.place = p.place
                    return
                }
            }
        }
        d.place = d.attacker == .ukraine ? .russia : .ukraine
    }

    /// The place nearest a casualty count in its sentence, the country only when nothing more specific is named.
    private func nearestCasualtyPlace(_ d: FigureDraft, places: ArraySlice<PlaceOccurrence>) -> PlaceOccurrence? {
        // A bare country is as often the attacker ("Атака России") as the victim, so only a city or region decides.
        let specific = places.filter { !isOrigin($0) && $0.place.kind != .country }
        // "killed in Mykolaiv" more often than "in Mykolaiv, … killed": a place before the number costs a little more.
        func cost(_ p: PlaceOccurrence) -> Int {
            analysis.clauseDistance(p.tokens, d.number) + (p.tokens.upperBound <= d.number.lowerBound ? 1 : 0)
        }
        return specific.min { cost($0) < cost($1) }
    }

    /// "launched from Kursk", "з напрямку Брянська", and every place of a list that such a
    /// preposition opens ("із напрямків: Курськ, Брянськ, Орел — РФ, Гвардійське — Крим"):
    /// where weapons came from is not where they struck.
    private func isOrigin(_ p: PlaceOccurrence) -> Bool {
        var k = p.tokens.lowerBound - 1
        var plainWords = 0
        let limit = max(0, p.tokens.lowerBound - 40)
        while k >= limit {
            if let h = analysis.hitAt[k], h.hit.first(.preposition)?.value == "origin" { return true }
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

    // MARK: date

    private func settleDate(_ d: inout FigureDraft) {
        let s = analysis.sentences[d.sentence]
        let inSentence = analysis.dates(in: s).filter { $0.day != nil }
        if let nearest = inSentence.min(by: { distance($0.tokens, d.number) < distance($1.tokens, d.number) }) {
            d.date = nearest.day
            return
        }
        for k in earlierSentences(of: d.sentence) {
            if let last = analysis.dates(in: analysis.sentences[k]).last(where: { $0.day != nil }) {
                d.date = last.day
                return
            }
        }
        d.date = documentDate
    }

    /// The sentences before `sentence` in its paragraph, nearest first, at most `limit` of them:
    /// where reported speech, a place or a date carries over from.
    private func earlierSentences(of sentence: Int, upTo limit: Int = .max) -> [Int] {
        let paragraph = analysis.sentences[sentence].paragraph
        var out: [Int] = []
        var k = sentence - 1
        while k >= 0 && out.count < limit && analysis.sentences[k].paragraph == paragraph {
            out.append(k)
            k -= 1
        }
        return out
    }
}

extension Place {
    static let ukraine = Place(name: "Ukraine", geonameid: 690791, country: "UA", lat: 49.0, lon: 32.0, kind: .country)
    static let russia = Place(name: "Russia", geonameid: 2017370, country: "RU", lat: 60.0, lon: 100.0, kind: .country)
}
