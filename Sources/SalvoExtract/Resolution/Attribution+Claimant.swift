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
    static let lookAhead = 4

    /// Whether sentence `k` counts something a casualty figure before it cannot share a speaker with:
    /// a weapon count ("The mayor said 28 drones attacked") or a count of nothing named.
    private func countsOtherKind(in k: Int, than quantity: Quantity) -> Bool {
        let s = analysis.sentences[k]
        // A word for one ("eine Frau", "one more body") is as often an article as a count.
        guard analysis.numbers(in: s).contains(where: { $0.kind == .count && !($0.isWord && $0.value == 1) }) else { return false }
        let kinds = analysis.hits(in: s).flatMap { h in h.hit.entries.compactMap { $0.quantity } }
        return !quantity.isCasualty || kinds.isEmpty || kinds.contains { !$0.isCasualty }
    }

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
            var cand = Candidate(Speaker(claimant: side.claimant, name: nil, role: nil))
            cand.add(.claimantSideSpeaking)
            // "Russia says its units destroyed 40 drones, but 90 were launched at Ukraine, according to
            // Ukraine's air force": each clause has its own speaker.
            cand.add(.claimantSameClause, if: clauses.same(side.tokens, d.number))
            cand.add(.claimantDistance, Double(min(distance(side.tokens, d.number), 40)) / 10)
            candidates.append(cand)
        }
        if let source = sideOfSource(in: here.hits) {
            var cand = Candidate(Speaker(claimant: source.side, name: analysis.originalText(source.tokens), role: nil))
            cand.add(.claimantSourceSide)
            cand.add(.claimantSameClause, if: clauses.same(source.tokens, d.number))
            candidates.append(cand)
        }
        for (back, k) in earlierSentences(of: d.sentence).enumerated() {
            let prev = facts[k]
            // "As the ministry noted, …" / "he added": a verb of saying that names no one goes on with
            // the speaker last named before it.
            guard let (c, at) = prev.speaking.last.map({ ($0, k) }) ?? prev.claimants.last.map({ ($0, k) })
                    ?? (speaksUnnamed(prev) ? lastNamedSpeaker(before: k) : nil) else { continue }
            var cand = Candidate(speaker(c, places: facts[at].places))
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
        // "… Two were injured. This was reported by the governor." The speaker may be named after,
        // in the same paragraph or the next ("Об этом сообщил …"), not further.
        var k = d.sentence
        let paragraph = analysis.sentences[d.sentence].paragraph
        var paragraphsCrossed = 0
        for ahead in 0..<Self.lookAhead {
            guard k + 1 < analysis.sentences.count else { break }
            k += 1
            if analysis.sentences[k].paragraph != analysis.sentences[k - 1].paragraph { paragraphsCrossed += 1 }
            if paragraphsCrossed > 1 { break }
            let nextParagraph = analysis.sentences[k].paragraph != paragraph
            if let c = facts[k].speaking.first {
                // Across a paragraph only a sentence that reports what came before ("Про це
                // повідомив …"), not one with counts of its own, names the speaker.
                if nextParagraph && analysis.numbers(in: analysis.sentences[k]).contains(where: { $0.kind == .count }) { break }
                var cand = Candidate(speaker(c, places: facts[k].places))
                cand.add(.claimantNext)
                cand.add(.claimantNextParagraph, if: nextParagraph)
                // A sentence with counts of its own speaks of those: "… four were killed. The mayor
                // said 28 drones attacked." Counts of the same kind go on with the same statement.
                cand.add(.claimantNextCounts, if: countsOtherKind(in: k, than: d.quantity))
                // A report opening the next paragraph ("Об этом сообщает …") speaks for the whole
                // paragraph before it, its first sentence as much as its last; a quotation there is
                // the speaker's own statement, not a report of what came before.
                let reportsBefore = nextParagraph && !quotes.quotes(k)
                cand.add(.claimantSentencesBack, reportsBefore ? 0 : Double(ahead))
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

    /// Whether a sentence has a verb of saying but names no claimant ("як зазначили у міністерстві").
    private func speaksUnnamed(_ f: SentenceFacts.Facts) -> Bool {
        f.claimants.isEmpty && f.hits.contains { $0.hit.has(.attribution) }
    }

    /// The speaker named last in the few sentences before `sentence`, across paragraphs.
    private func lastNamedSpeaker(before sentence: Int) -> (AnnotatedHit, Int)? {
        var k = sentence - 1
        while k >= 0 && k >= sentence - Self.lookBack {
            if let c = facts[k].speaking.last ?? facts[k].claimants.last { return (c, k) }
            k -= 1
        }
        return nil
    }

    /// A claimant hit as a speaker. Generic local roles (governor, mayor, police) are listed as
    /// Ukrainian; they speak for Russia where their place is held by Russia.
    private func speaker(_ c: AnnotatedHit, places: ArraySlice<PlaceOccurrence>) -> Speaker {
        let entry = c.hit.first(.claimant)!
        var side = entry.side ?? .other
        let scope = data.scope(ofRole: entry.extra)
        if side == .ukraine, scope == .local || scope == .unnamed {
            // "Russia launched 122 missiles, officials said": a side that acts is not the place attacked.
            // Which sides hold the sentence's places (two flags: this runs for every candidate speaker).
            var russian = false, ukrainian = false
            for p in places where !isOrigin(p) && !isActor(p) {
                switch holder(p) {
                case .russia?: russian = true
                case .ukraine?: ukrainian = true
                case nil: break
                }
            }
            if !russian && !ukrainian, let held = frame.place.flatMap({ data.holder(of: $0) }) { russian = held == .russia }
            if russian && !ukrainian { side = .russia }
        }
        return Speaker(claimant: side, name: analysis.originalText(c.tokens), role: entry.extra)
    }

    /// "nach Angaben des ukrainischen Innenministers", "according to Russian officials' figures",
    /// "по данным украинской стороны": a source the lexicon does not name, but whose side an
    /// adjective or a country right after the verb of saying gives.
    private func sideOfSource(in hits: ArraySlice<AnnotatedHit>) -> (side: Claimant, tokens: Range<Int>)? {
        for a in hits where a.hit.has(.attribution) && !a.hit.has(.claimant) {
            var k = a.tokens.upperBound
            let end = min(analysis.tokens.count, k + Self.sourceReach)
            while k < end {
                if let h = analysis.hitAt[k] {
                    if h.hit.has(.claimant) { break }
                    if let side = h.hit.first(.attacker)?.belligerent, !Self.namesAttacker(h, in: analysis) {
                        // Named by the adjective and the noun it qualifies: "ukrainischen Innenministers".
                        let next = h.tokens.upperBound
                        let named = next < analysis.tokens.count && analysis.tokens[next].kind == .word ? next + 1 : next
                        return (side.claimant, h.tokens.lowerBound..<named)
                    }
                    k = h.tokens.upperBound
                } else {
                    if analysis.tokens[k].kind == .punct { break }
                    k += 1
                }
            }
        }
        return nil
    }

    /// How many words may stand between a verb of saying and the side adjective of its source
    /// ("nach Angaben des ukrainischen …").
    static let sourceReach = 3

    /// "Russia says", "Україна заявила": a side named right before a verb of saying is the claimant.
    private func sideSpeaking(in hits: ArraySlice<AnnotatedHit>, places: ArraySlice<PlaceOccurrence>) -> (claimant: Claimant, tokens: Range<Int>)? {
        for a in hits where a.hit.has(.attribution) {
            let k = a.tokens.lowerBound
            // "Киев заявил", "Moskau erklärte": a capital stands for its side's government.
            if let p = places.first(where: { $0.tokens.upperBound == k }), let side = data.sideStoodFor(by: p.place) {
                return (side.claimant, p.tokens.lowerBound..<a.tokens.upperBound)
            }
            if let h = hits.first(where: { $0.tokens.upperBound == k }), let side = h.hit.first(.attacker)?.belligerent {
                return (side.claimant, h.tokens.lowerBound..<a.tokens.upperBound)
            }
        }
        return nil
    }
}
