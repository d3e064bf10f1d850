import SalvoModel
import SalvoText

/// The attack an article is about, as its headline, dateline and lead establish it: its date, the
/// place it struck, the side that attacked, and the source the article cites near its top. A figure
/// inherits from the frame whatever its own clause does not say.
struct DocumentFrame {
    var attacker: Belligerent = .russia
    /// The place the lead says was struck; `nil` for a nationwide or unplaced report.
    var place: Place?
    /// The lead names several struck places, cities or regions ("on the Kyiv region, Kharkiv,
    /// Zaporizhzhia and the Cherkasy region"): a mass strike across the country.
    var several = false
    var date: Day?
    var source: (claimant: Claimant, name: String, role: String?)?

    /// How many sentences the lead may span, and how far into a text it may start (scraped pages
    /// open with menus and captions).
    static let leadSentences = 6
    static let leadHorizon = 25
    /// How many days before publication an attack the lead dates may lie.
    static let recentDays = 10
}

extension Attribution {
    func readFrame() -> DocumentFrame {
        var frame = DocumentFrame()
        let lead = leadSentences()

        var ru = 0, ua = 0
        for h in analysis.hits where Self.namesAttacker(h, in: analysis) {
            switch h.hit.first(.attacker)?.belligerent {
            case .russia: ru += 1
            case .ukraine: ua += 1
            default: break
            }
        }
        frame.attacker = ua > ru * 2 ? .ukraine : .russia
        // No side named as the attacker: the side that holds the places the lead says were struck did
        // not attack them ("Ukraine targeted the Engels airfield", "blasts in Belgorod overnight").
        if ua == 0 && ru == 0, let held = leadHolder(lead) { frame.attacker = held.opponent }

        for s in analysis.sentences.prefix(8) {
            if let c = facts[s.index].speaking.first, let e = c.hit.first(.claimant), let side = e.side {
                frame.source = (side, analysis.originalText(c.tokens), e.extra)
                break
            }
        }

        // The date: the first one a lead sentence gives, else one near the top, else publication.
        // A news report tells of an attack of the last days: a lead date weeks before publication
        // dates a file photo or a past attack, and is the frame's only when nothing else dates it.
        func isRecent(_ d: Day) -> Bool {
            guard let p = published else { return true }
            return d.ordinal <= p.ordinal + 1 && d.ordinal >= p.ordinal - DocumentFrame.recentDays
        }
        var date: Day?
        var stale: Day?
        for i in lead {
            for m in analysis.dates(in: analysis.sentences[i]) {
                guard let d = m.day else { continue }
                if isRecent(d) { date = d; break }
                if stale == nil { stale = d }
            }
            if date != nil { break }
        }
        if date == nil {
            for m in analysis.dates where m.day != nil {
                if analysis.sentenceIndex(ofToken: m.tokens.lowerBound) >= 4 { break }
                if isRecent(m.day!) { date = m.day; break }
                if stale == nil { stale = m.day }
            }
        }
        frame.date = date ?? published ?? stale

        frame.place = framePlace(lead: lead, attacker: frame.attacker, several: &frame.several)
        return frame
    }

    /// The side that holds most of the places the lead names, leaving out where weapons came from,
    /// actors and time zones; `nil` on a tie.
    private func leadHolder(_ lead: [Int]) -> Belligerent? {
        var russia = 0, ukraine = 0
        for i in lead {
            for p in analysis.places(in: analysis.sentences[i]) where !isOrigin(p) && !isActor(p) && !isTimeZone(p) {
                switch holder(p) {
                case .russia: russia += 1
                case .ukraine: ukraine += 1
                default: break
                }
            }
        }
        return russia > ukraine ? .russia : ukraine > russia ? .ukraine : nil
    }

    /// The first sentences that speak of an attack, within the top of the text.
    private func leadSentences() -> [Int] {
        var out: [Int] = []
        for s in analysis.sentences.prefix(DocumentFrame.leadHorizon) where out.count < DocumentFrame.leadSentences {
            if speaksOfAttack(s) { out.append(s.index) }
        }
        return out
    }

    private func framePlace(lead: [Int], attacker: Belligerent, several: inout Bool) -> Place? {
        // Counted on the first candidate, at its final size: a lead that names no place pays nothing,
        // and the table is not rehashed as it grows.
        var mentions: [String: Int]?
        func mentionCount(_ name: String) -> Int {
            if mentions == nil {
                var counts = [String: Int](minimumCapacity: analysis.places.count)
                for p in analysis.places { counts[p.place.name, default: 0] += 1 }
                mentions = counts
            }
            return mentions![name] ?? 1
        }
        var candidates: [Candidate<Place>] = []
        var struck = Set<String>()
        for (rank, i) in lead.enumerated() {
            for p in analysis.places(in: analysis.sentences[i]) {
                if isOrigin(p) || isActor(p) || isTimeZone(p) || holder(p) == attacker { continue }
                // "the attack on Kyiv and other parts of the country", "including Poltava and Sumy": the
                // lead's attack is wider than the place, which is no more its place than a city it lists.
                if isNamedAsPart(p) { continue }
                if p.place.kind != .country { struck.insert(p.place.name) }
                if candidates.contains(where: { $0.value.name == p.place.name }) { continue }
                var c = Candidate(p.place)
                c.add(rank == 0 ? .frameHeadline : .frameLead)
                c.add(.frameMentions, Double(min(mentionCount(p.place.name), 10)))
                c.add(.frameLocative, if: isLocative(p))
                switch p.place.kind {
                case .city: c.add(.frameCity)
                case .region: c.add(.frameRegion)
                case .country: c.add(.frameCountry)
                }
                candidates.append(c)
            }
        }
        several = struck.count >= 3
        guard let top = candidates.best(), top.score > 0 else { return nil }
        return top.value
    }
}
