import SalvoModel
import SalvoText

/// The day of a figure's attack: a date of its own clause ("the day before, four died"), of its
/// sentence, one carried from the sentences before, the date the article's lead gives, or the
/// publication date — never the publication date when the text dates the attack.
extension Attribution {
    func settleDate(_ d: inout FigureDraft) {
        var candidates: [Candidate<Day?>] = .candidates()
        for m in analysis.dates(in: analysis.sentences[d.sentence]) where m.day != nil {
            var c = Candidate<Day?>(m.day)
            c.add(.dateSameSentence)
            c.add(.dateSameClause, if: clauses.same(m.tokens, d.number))
            c.add(.dateDistance, Double(min(distance(m.tokens, d.number), 40)) / 10)
            c.add(.dateRelative, if: m.kind != .absolute)
            candidates.append(c)
        }
        for (back, k) in earlierSentences(of: d.sentence).enumerated() {
            guard let m = analysis.dates(in: analysis.sentences[k]).last(where: { $0.day != nil }) else { continue }
            var c = Candidate<Day?>(m.day)
            c.add(.dateCarried)
            c.add(.dateSentencesBack, Double(back))
            c.add(.dateRelative, if: m.kind != .absolute)
            candidates.append(c)
        }
        if let f = frame.date { candidates.append(Candidate<Day?>(f, [(.dateFrame, 1)])) }
        if let p = published { candidates.append(Candidate<Day?>(p, [(.datePublished, 1)])) }
        EvidenceTrace.print("date", "\(d.quantity) \(d.value)", candidates)
        d.date = candidates.best()?.value ?? nil
    }
}
