import SalvoModel
import SalvoText

/// Which side attacked: the side named as the agent ("Ukrainian shelling", "Russian drones"), the
/// side that holds the place struck (Belgorod, occupied Donetsk: Ukraine attacked), the side that
/// fires the weapon model (ATACMS, Shahed), who counts their own air defence's kills ("Russia's
/// defence ministry said it downed 30 drones"), and the article's own framing.
extension Attribution {
    func settleAttacker(_ d: inout FigureDraft) {
        var candidates = Belligerent.allCases.map { Candidate<Belligerent>($0) }
        func add(_ side: Belligerent, _ f: Feature, _ x: Double = 1) {
            candidates[side == .russia ? 0 : 1].add(f, x)
        }
        let here = facts[d.sentence]
        for h in here.hits where Self.namesAttacker(h, in: analysis) {
            guard let side = side(ofAttackerHit: h, speaker: d.claimant.belligerent) else { continue }
            add(side, clauses.same(h.tokens, d.number) ? .attackerAgentClause : .attackerAgentSentence)
        }
        if let counting = d.claimant.belligerent, d.quantity == .intercepted || d.quantity == .lost {
            add(counting.opponent, .attackerClaimantCountsOwnDefence)
        }
        if let counting = d.claimant.belligerent, d.quantity.isCasualty {
            add(counting.opponent, .attackerClaimantCasualty)
        }
        let struck = here.places.filter { $0.place.kind != .country && !isOrigin($0) && !isActor($0) }
        let holders = Set(struck.filter { clauses.same($0.tokens, d.number) }.compactMap { holder($0) })
        if holders.count == 1, let holder = holders.first {
            add(holder.opponent, .attackerTargetTerritory)
        } else if struck.isEmpty, let p = frame.place, let holder = data.holder(of: p) {
            add(holder.opponent, .attackerTargetTerritory, 0.5)
        }
        if let model = d.model, let side = data.modelOrigins[model] {
            add(side, .attackerWeaponOrigin)
        }
        add(frame.attacker, .attackerFrame)
        EvidenceTrace.print("attacker", "\(d.quantity) \(d.value)", candidates)
        d.attacker = candidates.best()!.value
    }
}
