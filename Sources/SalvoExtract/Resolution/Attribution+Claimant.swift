import SalvoModel
import SalvoText

/// Who a figure's number comes from: a claimant named beside a verb of saying in its clause or
/// sentence, a side that speaks ("Russia says"), a speaker whose statement runs on from the
/// sentences before ("The governor wrote on Telegram: …") or who is named right after ("… Про це
/// повідомив голова ОВА"), the source the article cites at its top, or the outlet itself.
extension Attribution {
    struct Speaker {
        var claimant: Claimant
        var name: String?
        /// The lexicon's canonical role ("Air Force", "Regional Governor").
        var role: String?
    }

    /// How many sentences ahead a speaker may be named.
    static let lookAhead = 2

    func settleClaimant(_ d: inout FigureDraft) {
        var candidates: [Candidate<Speaker>] = .candidates()
        let here = facts[d.sentence]
        for c in here.claimants {
            var cand = Candidate(speaker(c, places: here.places))
            cand.add(.claimantInSentence)
            cand.add(.claimantSpeaking, if: here.speaking.contains { $0.tokens == c.tokens })
            cand.add(.claimantSameClause, if: clauses.same(c.tokens, d.number))
            cand.add(.claimantDistance, Double(min(distance(c.tokens, d.number), 40)) / 10)
            candidates.append(cand)
        }
        if let side = sideSpeaking(in: here.hits, places: here.places) {
            var cand = Candidate(Speaker(claimant: side, name: nil, role: nil))
            cand.add(.claimantSideSpeaking)
            candidates.append(cand)
        }
        for (back, k) in earlierSentences(of: d.sentence).enumerated() {
            let prev = facts[k]
            guard let c = prev.speaking.last ?? prev.claimants.last else { continue }
            var cand = Candidate(speaker(c, places: prev.places))
            cand.add(.claimantEarlier)
            cand.add(.claimantSentencesBack, Double(back))
            cand.add(.claimantSpeaking, if: prev.speaking.contains { $0.tokens == c.tokens })
            cand.add(.claimantColon, if: prev.introducesStatement && back == 0)
            candidates.append(cand)
        }
        // «… Four people were injured. The shelling went on all night.» The speaker who opened the
        // quotation speaks to its end.
        if let o = quotes.continued(d.sentence) {
            for k in [o, o - 1] where k >= 0 {
                guard let c = facts[k].speaking.last ?? facts[k].claimants.last else { continue }
                var cand = Candidate(speaker(c, places: facts[k].places))
                cand.add(.claimantQuote)
                candidates.append(cand)
                break
            }
        }
        // "… Two were injured. This was reported by the governor." The speaker may be named after.
        var k = d.sentence
        for ahead in 0..<Self.lookAhead {
            // The speaker may also be named in a paragraph of its own right after ("This was reported by …").
            guard k + 1 < analysis.sentences.count else { break }
            k += 1
            if let c = facts[k].speaking.first {
                var cand = Candidate(speaker(c, places: facts[k].places))
                cand.add(.claimantNext)
                // A sentence with counts of its own speaks of those: "… four were killed. The mayor said 28 drones attacked."
                cand.add(.claimantNextCounts, if: analysis.numbers(in: analysis.sentences[k]).contains { $0.kind == .count })
                cand.add(.claimantSentencesBack, Double(ahead))
                candidates.append(cand)
                break
            }
        }
        if let source = frame.source {
            var cand = Candidate(Speaker(claimant: source.claimant, name: source.name, role: source.role))
            cand.add(d.quantity.isCasualty ? .claimantDocumentSourceCasualty : .claimantDocumentSource)
            // A mayor or governor quoted at the top does not count a nationwide salvo.
            cand.add(.claimantLocalSourceWeapons, if: !d.quantity.isCasualty && data.scope(ofRole: source.role) == .local)
            candidates.append(cand)
        }
        candidates.append(Candidate(Speaker(claimant: .media, name: nil, role: nil), [(.claimantMedia, 1)]))
        EvidenceTrace.print("claimant", "\(d.quantity) \(d.value)", candidates)
        let best = candidates.best()!.value
        d.claimant = best.claimant
        d.claimantName = best.name
        d.claimantRole = best.role
    }

    /// A claimant hit as a speaker. Generic local roles (governor, mayor, police) are listed as
    /// Ukrainian; they speak for Russia where their place is held by Russia.
    private func speaker(_ c: AnnotatedHit, places: ArraySlice<PlaceOccurrence>) -> Speaker {
        let entry = c.hit.first(.claimant)!
        var side = entry.side ?? .other
        if side == .ukraine, data.scope(ofRole: entry.extra) == .local {
            let holders = Set(places.filter { !isOrigin($0) }.compactMap { holder($0) })
            let held = holders.isEmpty ? frame.place.flatMap { data.holder(of: $0) }.map { [$0] } ?? [] : holders
            if held == [.russia] { side = .russia }
        }
        return Speaker(claimant: side, name: analysis.originalText(c.tokens), role: entry.extra)
    }

    /// "Russia says", "Україна заявила": a side named right before a verb of saying is the claimant.
    private func sideSpeaking(in hits: ArraySlice<AnnotatedHit>, places: ArraySlice<PlaceOccurrence>) -> Claimant? {
        for a in hits where a.hit.has(.attribution) {
            let k = a.tokens.lowerBound
            if let p = places.first(where: { $0.tokens.upperBound == k && $0.place.kind == .country }) {
                return Belligerent(country: p.place.country)?.claimant
            }
            if let h = hits.first(where: { $0.tokens.upperBound == k }), let side = h.hit.first(.attacker)?.belligerent {
                return side.claimant
            }
        }
        return nil
    }
}
