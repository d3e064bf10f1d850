import SalvoModel
import SalvoText

/// Where a figure's attack landed: a place of its clause or sentence in a locative role ("in
/// Kharkiv", "над Одесою"), a place carried over from the sentences before, the place the article's
/// lead says was struck, or — for a nationwide total — the country attacked. Where weapons came
/// from, actors ("Kyiv said") and the attacker's own territory are weighed against.
extension Attribution {
    func settlePlace(_ d: inout FigureDraft) {
        let attacker = d.attacker ?? frame.attacker
        var candidates: [Candidate<Place>] = .candidates()
        let here = facts[d.sentence]
        let role = data.scope(ofRole: d.claimantRole)

        // "28 над Курською областю, 27 – над Брянською", "88 drones, including 26 over Kursk and 21
        // over Belgorod": in a list each count is followed by its own place, and a place belongs to
        // the count before it. Only a list: in "five killed and 10 injured in Kharkiv" the place is both's.
        let allCounts = analysis.numbers(in: analysis.sentences[d.sentence]).filter { $0.kind == .count }
        // A locative place before every count, in the first count's clause, is that count's when the
        // list goes on with a count and its own place ("над Брянською областю знищено 20, 15 – над Курською").
        func owner(_ p: PlaceOccurrence) -> Range<Int>? {
            if let before = allCounts.last(where: { $0.tokens.upperBound <= p.tokens.lowerBound }) { return before.tokens }
            guard let first = allCounts.first, isLocative(p), clauses.same(p.tokens, first.tokens) else { return nil }
            return first.tokens
        }
        var placed = Set<Int>()
        for p in here.places where !isOrigin(p) { if let o = owner(p) { placed.insert(o.lowerBound) } }
        let isList = placed.count >= 2
        // "the head of the Poltava regional administration said four were injured": a local speaker's
        // count lies in the area they answer for, or in the frame's place inside it (the more specific).
        let jurisdiction = role == .local ? here.places.first { isJurisdiction($0) && !isOrigin($0) }?.place : nil
        let spread = spansRegions(d, here: here, attacker: attacker, isList: isList, owner: owner)
        for p in here.places {
            var c = placeCandidate(p)
            c.add(.placeCoordinated, if: spread && p.place.kind != .country && clauses.same(p.tokens, d.number))
            c.add(.placeSameSentence)
            c.add(.placeSameClause, if: clauses.same(p.tokens, d.number) || clauses.spellsOut(p.tokens, by: d.number))
            c.add(.placeDistance, Double(min(analysis.clauseDistance(p.tokens, d.number), 40)) / 10)
            c.add(.placeAfterNumber, if: p.tokens.lowerBound >= d.number.upperBound)
            c.add(.placeOrigin, if: isOrigin(p))
            c.add(.placeActor, if: isActor(p) || isTimeZone(p))
            c.add(.placeSubset, if: isNamedAsPart(p))
            c.add(.placeAttackerTerritory, if: holder(p) == attacker)
            c.add(.placeOtherNumberOwns, if: isList && owner(p) != d.number)
            c.add(.placeJurisdiction, if: jurisdiction == p.place)
            candidates.append(c)
        }
        for (back, k) in earlierSentences(of: d.sentence).enumerated() {
            for p in facts[k].places where !isOrigin(p) && !isActor(p) && !isTimeZone(p) && holder(p) != attacker {
                var c = placeCandidate(p)
                c.add(d.quantity.isCasualty ? .placeCarried : .placeCarriedWeapons)
                c.add(.placeSentencesBack, Double(back))
                // "… struck Kyiv and other regions. Three people were killed.": a place the sentence
                // before named as part of a wider area does not place the next sentence's count either.
                c.add(.placeSubset, if: isNamedAsPart(p))
                candidates.append(c)
            }
        }
        if let p = frame.place {
            var c = Candidate(p)
            c.add(.placeFrame)
            c.add(.placeFrameCasualty, if: d.quantity.isCasualty || d.quantity == .hit)
            // The lead's place is one of the regions the clause joins: the count is over both, not the frame's.
            c.add(.placeCoordinated, if: spread && here.places.contains { $0.place.name == p.name && clauses.same($0.tokens, d.number) })
            // "the city" stands for the frame's place; "the villages of the Zaporizhzhia district" do not:
            // their clause names a place of its own.
            c.add(.placeFrameAnaphora, if: here.hits.contains { h in
                h.hit.first(.unit)?.unit == .settlement && !here.places.contains { clauses.same($0.tokens, h.tokens) }
            })
            c.add(.placeLocalClaimant, if: role == .local)
            c.add(.placeFrameInJurisdiction, if: jurisdiction.map { $0 != p && $0.contains(p) } ?? false)
            candidates.append(c)
        }
        // "У столиці було три влучання", "in the capital": the capital of the side attacked.
        if let capital = data.capitals[attacker.opponent],
           here.hits.contains(where: { $0.hit.first(.unit)?.unit == .capital && clauses.same($0.tokens, d.number)
               && analysis.placeIndex(at: $0.tokens.upperBound) == nil }) {
            var c = Candidate(capital)
            c.add(.placeCapital)
            if let f = frame.place { c.add(.placeInFrame, if: f.contains(capital) || capital.contains(f)) }
            candidates.append(c)
        }
        var nation = Candidate(Place.country(of: attacker.opponent))
        nation.add(.placeNationwide)
        nation.add(.placeNationwideWeapons, if: !d.quantity.isCasualty)
        nation.add(.placeNationalClaimant, if: role == .national)
        nation.add(.placeFrameSeveral, if: frame.several)
        // "12 of the 30 drones were downed over Kyiv": a share of a total already counted is where it fell.
        nation.add(.placeNationwideBreakdown, if: d.isBreakdown)
        // "on Kyiv and other parts of the country", "по всій країні": the clause itself says nationwide.
        let namedNationwide = here.hits.contains { $0.hit.first(.unit)?.unit == .country && clauses.same($0.tokens, d.number) }
        nation.add(.placeNationwideNamed, if: namedNationwide)
        // "122 missiles and 36 drones struck Kyiv, Lviv, Odesa, Dnipro …": a salvo over many cities.
        // A handful of names: a list with a linear check beats hashing them.
        var struckHere: [String] = []
        for p in here.places where p.place.kind == .city && clauses.same(p.tokens, d.number) && !isOrigin(p) && !struckHere.contains(p.place.name) {
            struckHere.append(p.place.name)
        }
        nation.add(.placeClauseSeveral, if: struckHere.count >= 3)
        // "In the Poltava region, 9 drones were destroyed": a count its own clause places is not the
        // night's nationwide total, however many cities the article names.
        nation.add(.placeClauseRegions, if: spread)
        nation.add(.placeNationwideLocalClause, if: struckHere.count < 3 && !spread && here.places.contains { p in
            isLocative(p) && clauses.same(p.tokens, d.number) && p.place.kind != .country
                && !isOrigin(p) && !isActor(p) && !isTimeZone(p) && !isNamedAsPart(p) && holder(p) != attacker
                && !(isList && owner(p) != d.number)
        })
        // "… struck Kyiv, Lviv, Odesa and Dnipro. More than 30 people were killed.": the toll of the whole salvo.
        // "26 were killed. Deaths were reported in Dnipro, Kharkiv, Odesa and Kyiv.": so is a toll the
        // next sentence breaks down over the cities.
        var struckNearby = struckHere
        let next = d.sentence + 1 < analysis.sentences.count && analysis.sentences[d.sentence + 1].paragraph == analysis.sentences[d.sentence].paragraph
            ? d.sentence + 1 : d.sentence
        for k in max(0, d.sentence - Self.lookBack)...next where struckNearby.count < 3 {
            for p in facts[k].places where p.place.kind == .city && !isOrigin(p) && !isActor(p) && !struckNearby.contains(p.place.name) {
                struckNearby.append(p.place.name)
            }
        }
        nation.add(.placeContextSeveral, if: struckNearby.count >= 3)
        candidates.append(nation)
        EvidenceTrace.print("place", "\(d.quantity) \(d.value)", candidates)
        d.place = candidates.best()!.value
    }

    /// "killed three at airfields in the Ryazan region and in the Saratov region": a count whose
    /// clause joins places of two regions by "and" is about both, so about the country, not the
    /// first region named. Not with "each" ("je 8 über Lipezk und Orel"), which gives every place the count.
    private func spansRegions(_ d: FigureDraft, here: SentenceFacts.Facts, attacker: Belligerent, isList: Bool,
                              owner: (PlaceOccurrence) -> Range<Int>?) -> Bool {
        let country = Place.country(of: attacker.opponent).country
        var previous: PlaceOccurrence?
        for p in here.places where p.place.kind != .country && p.place.country == country && clauses.same(p.tokens, d.number)
            && !isOrigin(p) && !isActor(p) && !isTimeZone(p) && !isNamedAsPart(p) && holder(p) != attacker
            && !(isList && owner(p) != d.number) {
            defer { previous = p }
            guard let a = previous, joined(a, p), distinctAreas(a.place, p.place) else { continue }
            return !isDistributive(d.number)
        }
        return false
    }

    /// Two places with "and" between them and at most a few words ("Ryazan region and the Engels").
    private func joined(_ a: PlaceOccurrence, _ b: PlaceOccurrence) -> Bool {
        guard b.tokens.lowerBound > a.tokens.upperBound, b.tokens.lowerBound - a.tokens.upperBound <= 4 else { return false }
        var sawAnd = false
        for k in a.tokens.upperBound..<b.tokens.lowerBound {
            if let h = analysis.hitAt[k], h.hit.has(.conjunction) { sawAnd = true; continue }
            let t = analysis.tokens[k]
            if t.kind == .digits || analysis.hitAt[k]?.hit.has(.number) == true { return false }
            if t.kind == .punct && analysis.folded.bytes[t.start] != 0x2C { return false }
        }
        return sawAnd
    }

    /// Places in different regions, neither inside the other. A capital city that is a region of
    /// its own ("Kyiv City") and the region named after it (Kyiv Oblast) are one area: the
    /// gazetteer names the region after the city.
    private func distinctAreas(_ a: Place, _ b: Place) -> Bool {
        if a.contains(b) || b.contains(a) { return false }
        func area(_ p: Place) -> String { p.kind == .region ? p.admin1 ?? p.name : p.admin1 ?? p.name }
        if area(a) == area(b) { return false }
        for (city, region) in [(a, b), (b, a)] where city.kind == .city && region.kind == .region {
            if region.name.hasPrefix(city.name + " ") || (region.admin1 ?? "").hasPrefix(city.name + " ") { return false }
        }
        return true
    }

    /// "je 8", "8 drones each", "по 8": the count holds for each place named with it.
    private func isDistributive(_ number: Range<Int>) -> Bool {
        for k in number.upperBound..<min(number.upperBound + 3, analysis.tokens.count) {
            if let h = analysis.hitAt[k], h.hit.first(.part)?.part == .each { return true }
        }
        for back in 1...2 where number.lowerBound - back >= 0 {
            if let h = analysis.hitAt[number.lowerBound - back], h.tokens.upperBound == number.lowerBound, h.hit.first(.part)?.part == .each { return true }
        }
        return false
    }

    private func placeCandidate(_ p: PlaceOccurrence) -> Candidate<Place> {
        var c = Candidate(p.place)
        switch p.place.kind {
        case .city: c.add(.placeCity)
        case .region: c.add(.placeRegion)
        case .country: c.add(.placeCountry)
        }
        c.add(.placeLocative, if: isLocative(p))
        if let f = frame.place { c.add(.placeInFrame, if: f.contains(p.place) || p.place.contains(f)) }
        return c
    }
}
