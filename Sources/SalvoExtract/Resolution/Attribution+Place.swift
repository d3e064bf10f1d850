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
        func owner(_ p: PlaceOccurrence) -> Range<Int>? { allCounts.last { $0.tokens.upperBound <= p.tokens.lowerBound }?.tokens }
        var placed = Set<Int>()
        for p in here.places where !isOrigin(p) { if let o = owner(p) { placed.insert(o.lowerBound) } }
        let isList = placed.count >= 2
        // "the head of the Poltava regional administration said four were injured": a local speaker's
        // count lies in the area they answer for, or in the frame's place inside it (the more specific).
        let jurisdiction = role == .local ? here.places.first { isJurisdiction($0) && !isOrigin($0) }?.place : nil
        for p in here.places {
            var c = placeCandidate(p)
            c.add(.placeSameSentence)
            c.add(.placeSameClause, if: clauses.same(p.tokens, d.number))
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
            c.add(.placeFrameAnaphora, if: here.hits.contains { $0.hit.first(.unit)?.unit == .settlement })
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
        nation.add(.placeNationwideLocalClause, if: struckHere.count < 3 && here.places.contains { p in
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
