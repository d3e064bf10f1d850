import SalvoModel
import SalvoText

/// Turns the numbers of one sentence into figure drafts: what each number counts (its noun phrase),
/// what happened to it (the nearest compatible trigger: launched, shot down, killed …) and how
/// exactly it is stated (its qualifier).
struct FigureFinder {
    let analysis: TextAnalysis
    /// For each hit of the document, the index of the last weapon hit at or before it (-1: none),
    /// so that looking back for the weapon named before costs the same however long the text.
    private let lastWeaponHit: [Int32]
    /// How many clause-break marks (`,` `;` `:` `.`) come before each token: whether a span holds one
    /// is then one subtraction, not a walk over it (a long sentence of numbers took cubic time).
    private let clauseBreaksBefore: [Int32]

    init(analysis: TextAnalysis) {
        self.analysis = analysis
        var table = [Int32]()
        table.reserveCapacity(analysis.hits.count)
        var last: Int32 = -1
        for (i, h) in analysis.hits.enumerated() {
            if h.hit.first(.weapon)?.weaponClass != nil { last = Int32(i) }
            table.append(last)
        }
        lastWeaponHit = table
        var counts = [Int32](repeating: 0, count: analysis.tokens.count + 1)
        let bytes = analysis.folded.bytes
        for (k, t) in analysis.tokens.enumerated() {
            var isBreak = false
            if t.kind == .punct {
                switch bytes[t.start] {
                case 0x2C, 0x3B, 0x3A, 0x2E: isBreak = true
                default: break
                }
            }
            counts[k + 1] = counts[k] + (isBreak ? 1 : 0)
        }
        clauseBreaksBefore = counts
    }

    /// A trigger whose quantity suits a number, with how far it is.
    private struct Candidate {
        var quantity: Quantity
        var cost: Int
        /// The verb is negated ("30 were not shot down"): the number counts nothing it names.
        var negated = false
    }

    /// The last weapon figure of the sentence before, when it is in the same paragraph.
    var lastFigure: (draft: FigureDraft, paragraph: Int)?

    /// Every weapon figure found so far in the document, in text order.
    private(set) var counted: [CountedFigure] = []

    mutating func figures(in sentenceIndex: Int) -> [FigureDraft] {
        let found = figuresWithoutMemory(in: sentenceIndex)
        for d in found where !d.quantity.isCasualty {
            counted.append(CountedFigure(quantity: d.quantity, family: WeaponFamily(d.weapon), value: d.value, qualifier: d.qualifier))
        }
        if let last = found.last(where: { !$0.quantity.isCasualty }) {
            lastFigure = (last, analysis.sentences[sentenceIndex].paragraph)
        } else if !found.isEmpty || analysis.sentences[sentenceIndex].endsLine == false {
            lastFigure = nil
        }
        return found
    }

    private mutating func figuresWithoutMemory(in sentenceIndex: Int) -> [FigureDraft] {
        let carried = lastFigure.flatMap { last in
            last.paragraph == analysis.sentences[sentenceIndex].paragraph || sentenceIndex > 0 && analysis.sentences[sentenceIndex - 1].tokens.upperBound == analysis.sentences[sentenceIndex].tokens.lowerBound - 1
                ? last.draft : nil
        }
        let s = analysis.sentences[sentenceIndex]
        // Most sentences count nothing; they are done before their hits are read.
        let numbers = analysis.numbers(in: s).filter { $0.kind == .count }
        if numbers.isEmpty { return [] }
        let hits = analysis.hits(in: s)
        if hits.contains(where: { $0.hit.has(.negative) && isBlocking($0.hit) }) { return [] }
        if speaksOfAPeriod(s, hits: hits) { return [] }
        let triggers = hits.filter { $0.hit.has(.quantity) }
        if triggers.isEmpty && carried == nil { return [] }
        let numberStarts = numbers.map { $0.tokens.lowerBound }
        let excluded = excludedTokens(in: s, hits: hits)
        func isExcluded(_ n: NumberMention) -> Bool { excluded.contains { $0.overlaps(n.tokens) } }
        // The numbers that may own a verb near them: not the day of a date or a model's number
        // ("16 ноября Россия атаковала … 70 дронами": the verb is the 70's).
        let counts = excluded.isEmpty ? numbers : numbers.filter { !isExcluded($0) }
        var phrases: [NounPhrase] = numbers.map {
            NounPhrase(after: $0.tokens.upperBound, in: analysis, sentenceEnd: s.tokens.upperBound, numberStarts: numberStarts)
        }
        var drafts: [FigureDraft] = []
        /// Drafts that count the whole of the part before them (the 87 of "56 of the 87").
        var wholes = Set<Int>()
        /// Numbers whose weapon is their whole's ("12 of the 30 drones"): they name no type of their own.
        var borrowedType = Set<Int>()
        var weaponSoFar = lastWeapon(in: analysis.hits[..<hits.startIndex])
        // Until this sentence counts a weapon itself, one it names before a number ("Of the drones,
        // 31 were shot down") comes before the weapon of the sentences before.
        var weaponFromEarlier = weaponSoFar != nil
        /// Wholes of shares left uncounted.
        var uncounted = Set<Int>()
        for (i, n) in numbers.enumerated() {
            if uncounted.contains(i) || isExcluded(n) { continue }
            var np = phrases[i]
            if np.isUnit || np.isChild || isMoney(n, hits: hits) || !np.isPeople && followsDebris(n, hits: hits) || isVague(n, hits: hits)
                || countsRecovered(n, hits: hits) { continue }

            // "50 of 60 drones", "50 з 60 дронів": the first number counts the second's weapon.
            if np.weapon == nil, !np.isPeople, i + 1 < numbers.count, isOf(between: n.tokens.upperBound, and: numbers[i + 1].tokens.lowerBound) {
                np.weapon = phrases[i + 1].weapon
                np.model = phrases[i + 1].model
                phrases[i] = np
                borrowedType.insert(i)
            }
            // "28 were shot down over Kursk region, 27 – over Bryansk region": a bare number with a place
            // repeats the figure before it, unless a verb of its own stands right before it ("killed two
            // and injured five in Kharkiv").
            if np.weapon == nil, !np.isPeople, np.quantity == nil, let previous = drafts.last, isGapped(n, sentenceEnd: s.tokens.upperBound),
               !triggers.contains(where: { standsRightBefore($0, n) }) {
                drafts.append(FigureDraft(quantity: previous.quantity, weapon: previous.weapon, model: previous.model, value: n.value,
                                          qualifier: qualifier(before: n, hits: hits), number: n.tokens, sentence: sentenceIndex))
                continue
            }
            // A bare "one"/"один" is too often an article or pronoun to count without a noun,
            // unless a casualty verb stands right before it ("killing at least one").
            if n.isWord && n.value == 1 && np.weapon == nil && !np.isPeople && np.quantity == nil
                && !triggers.contains(where: { standsRightBefore($0, n)
                    && $0.hit.entries.contains { e in e.category == .quantity && (e.quantity?.isCasualty ?? false) } }) { continue }
            // "Von insgesamt 15 Drohnen wurden 14 abgefangen", "Of the 50 drones, 40 were shot down": a
            // whole named before its part is how many were launched.
            if np.weapon != nil, !np.isPeople, np.quantity == nil, opensWhole(n) {
                weaponSoFar = (np.weapon!, np.model)
                weaponFromEarlier = false
                let q = qualifier(before: n, hits: hits)
                // "Among almost 90 drones, 60 were Shaheds" after "86 drones attacked": a whole already counted.
                if isCounted(n.value, q, as: .launched, WeaponFamily(np.weapon), drafts: drafts) { continue }
                drafts.append(FigureDraft(quantity: .launched, weapon: np.weapon, model: np.model, value: n.value,
                                          qualifier: q, number: n.tokens, sentence: sentenceIndex))
                continue
            }
            // "12 of 15 missiles were shot down": the 15 is how many were launched.
            if i > 0, let previous = drafts.last, previous.number == numbers[i - 1].tokens, !previous.quantity.isCasualty,
               previous.quantity != .launched,
               isOf(between: numbers[i - 1].tokens.upperBound, and: n.tokens.lowerBound)
                || isOf(between: max(phrases[i - 1].end, numbers[i - 1].tokens.upperBound), and: n.tokens.lowerBound) {
                // "Kyiv's air defence downed 12 of the 30 drones" after "30 drones were downed": the
                // whole is a figure already counted, and its part a share of it.
                let q = qualifier(before: n, hits: hits)
                let family = WeaponFamily(np.weapon ?? previous.weapon)
                if isCounted(n.value, q, as: .launched, family, drafts: drafts.dropLast()) {
                    if borrowedType.contains(i - 1) || phrases[i - 1].weapon == nil, !isTotal(numbers[i - 1], hits: hits) {
                        drafts[drafts.count - 1].share = Share(form: .ofNumber, whole: CountedFigure(quantity: .launched, family: family, value: n.value, qualifier: q))
                    }
                    continue
                }
                wholes.insert(drafts.count)
                drafts.append(FigureDraft(quantity: .launched, weapon: np.weapon ?? previous.weapon, model: np.model ?? previous.model,
                                          value: n.value, qualifier: q, number: n.tokens, sentence: sentenceIndex))
                continue
            }
            // "70 cruise missiles and 4 guided missiles were launched", "shot down six Shaheds, three
            // reconnaissance drones and nine Kalibrs": a weapon count that continues a list of the figure
            // before it, with no verb of its own, is counted the same way ("5 killed and 10 injured" is
            // not this: its counts name people and have verbs).
            if let previous = drafts.last, !previous.quantity.isCasualty, previous.sentence == sentenceIndex,
               np.weapon != nil, np.quantity == nil,
               !(i + 1 < numbers.count && isOf(between: n.tokens.upperBound, and: numbers[i + 1].tokens.lowerBound)),
               continuesList(from: previous.number.upperBound, to: n.tokens.lowerBound, triggers: triggers),
               !triggers.contains(where: { $0.tokens.lowerBound >= np.end && !hasClauseBreak(from: np.end, to: $0.tokens.lowerBound)
                   && $0.tokens.lowerBound - np.end <= 2 && !isModifier($0) }) {
                weaponSoFar = (np.weapon!, np.model)
                weaponFromEarlier = false
                // "downed 30 of the 45 drones and three missiles": the list goes on from the part, not its whole.
                let listed = wholes.contains(drafts.count - 1) && drafts.count >= 2 ? drafts[drafts.count - 2].quantity : previous.quantity
                drafts.append(FigureDraft(quantity: listed, weapon: np.weapon, model: np.model, value: n.value,
                                          qualifier: qualifier(before: n, hits: hits), number: n.tokens, sentence: sentenceIndex))
                continue
            }
            let weaponContext = np.weapon != nil || weaponSoFar != nil || lastWeapon(in: hits, before: n.tokens.lowerBound) != nil
            let trigger = np.quantity == nil ? bestTrigger(for: n, phrase: np, triggers: triggers, numbers: counts,
                                                           weaponContext: weaponContext) : nil
            if trigger?.negated == true { continue }
            guard let quantity = np.quantity ?? trigger?.quantity
                // "Близько 60 дронів — шахеди.": a weapon count with no verb of its own goes on from the
                // figure of the sentence before.
                ?? (np.weapon != nil && triggersInClause(of: n, triggers: triggers) == 0 ? carried?.quantity : nil)
                // "понад 80 із них — шахеди", "davon 50 Shahed": a part of the figure just counted, counted the same way.
                ?? ofThem(n, previous: drafts.last ?? carried, phrase: &np) else {
                if let w = np.weapon { weaponSoFar = (w, np.model); weaponFromEarlier = false }
                continue
            }
            var weapon = np.weapon
            var model = np.model
            // "512 ударів по 12 населених пунктах": strikes of every kind when none is named or implied.
            if quantity == .hit && np.quantity == .hit && weapon == nil
                && weaponSoFar == nil && lastWeapon(in: hits, before: n.tokens.lowerBound) == nil {
                weapon = .any
            }
            if !quantity.isCasualty && weapon == nil {
                // "Six private houses were destroyed" counts houses, not the drones named before.
                if countsSomethingElse(n, sentenceEnd: s.tokens.upperBound) { continue }
                let named = lastWeapon(in: hits, before: n.tokens.lowerBound)
                guard let inherited = weaponFromEarlier ? named ?? weaponSoFar : weaponSoFar ?? named else { continue }
                // "shot down 30 of 40 missiles and 20 of 25 …": a second whole of the same kind would say
                // that 25 and 40 missiles were launched at once; a pair that names nothing counts another kind.
                if i + 1 < numbers.count, isOf(between: n.tokens.upperBound, and: numbers[i + 1].tokens.lowerBound),
                   wholes.contains(where: { WeaponFamily(drafts[$0].weapon) == WeaponFamily(inherited.0) }) {
                    uncounted.insert(i + 1)
                    continue
                }
                weapon = inherited.0
                model = inherited.1
            }
            if quantity.isCasualty {
                // "among them 7 children": a part of people already counted. "Of them, 50 were shot down" is a figure.
                if isSubset(n, hits: hits) { continue }
                weapon = nil
                model = nil
            }
            if let w = weapon, !quantity.isCasualty { weaponSoFar = (w, model); weaponFromEarlier = false }
            guard n.value > 0, n.value <= (quantity.isCasualty ? 20_000 : 10_000) else { continue }
            var draft = FigureDraft(quantity: quantity, weapon: weapon, model: model, value: n.value,
                                    qualifier: qualifier(before: n, hits: hits), number: n.tokens, sentence: sentenceIndex)
            if !quantity.isCasualty, !isTotal(n, hits: hits),
               let form = isOfNamedWhole(n, sentenceEnd: s.tokens.upperBound) ? PartForm.ofNamed : isOfThem(n) ? .ofThem : nil,
               !(form == .ofThem && (phrases[i].weapon != nil || namesTypeAfterOfThem(n, sentenceEnd: s.tokens.upperBound))) {
                draft.share = Share(form: form, whole: form == .ofThem ? (drafts.last ?? carried).map(Self.counted) : nil)
            }
            drafts.append(draft)
            // "downed all 24 drones", "збили всі 24 дрони": every one launched was shot down, so as many were launched.
            if quantity == .intercepted, followsAll(n) {
                drafts.append(FigureDraft(quantity: .launched, weapon: weapon, model: model, value: n.value,
                                          qualifier: .exact, number: n.tokens, sentence: sentenceIndex))
            }
        }
        return drafts
    }

    private static func counted(_ d: FigureDraft) -> CountedFigure {
        CountedFigure(quantity: d.quantity, family: WeaponFamily(d.weapon), value: d.value, qualifier: d.qualifier)
    }

    /// Whether a whole of `value` repeats a weapon figure counted before it in the document or the sentence.
    private func isCounted<C: Collection<FigureDraft>>(_ value: Int, _ q: Qualifier, as quantity: Quantity, _ family: WeaponFamily, drafts: C) -> Bool {
        counted.suffix(CountedFigure.lookBack).contains { $0.isRestated(as: value, q, quantity: quantity, family: family) }
            || drafts.contains { !$0.quantity.isCasualty && Self.counted($0).isRestated(as: value, q, quantity: quantity, family: family) }
    }

    /// "During 2024, Russia fired about 1,100 missiles", "In October, Russia launched more than 5,000
    /// drones", "у жовтні", "в октябре": a bare year, or a month as the time in which, neither part
    /// of a date, marks a period total rather than one attack.
    private func speaksOfAPeriod(_ s: Sentence, hits: ArraySlice<AnnotatedHit>) -> Bool {
        let years = analysis.numbers(in: s).filter { $0.kind == .year }
        let dated = analysis.dates(in: s)
        if years.contains(where: { y in !dated.contains { $0.tokens.overlaps(y.tokens) } }) { return true }
        return hits.contains { h in
            guard h.hit.has(.month), !dated.contains(where: { $0.tokens.overlaps(h.tokens) }),
                  let before = analysis.hitAt[h.tokens.lowerBound - 1], before.tokens.upperBound == h.tokens.lowerBound else { return false }
            return before.hit.first(.preposition)?.preposition == .location
        }
    }

    /// Sentences about other wars, history, war-wide totals, accidents or exercises count nothing.
    private func isBlocking(_ hit: LexiconHit) -> Bool {
        guard let v = hit.first(.negative)?.negative else { return false }
        // Money, debris and bodies found only rule out the numbers right beside them.
        return v != .money && v != .debris && v != .vague && v != .recovered
    }

    private func isMoney(_ n: NumberMention, hits: ArraySlice<AnnotatedHit>) -> Bool {
        hits.contains { h in
            h.hit.first(.negative)?.negative == .money
                && (abs(h.tokens.lowerBound - n.tokens.upperBound) <= 1 || abs(n.tokens.lowerBound - h.tokens.upperBound) <= 1)
        }
    }

    /// "several hundred drones", "сотні дронів": a number word inside a vague amount.
    private func isVague(_ n: NumberMention, hits: ArraySlice<AnnotatedHit>) -> Bool {
        hits.contains { h in h.hit.first(.negative)?.negative == .vague && h.tokens.overlaps(n.tokens) }
    }

    /// "among them 7 children", "серед них 3 дітей": a part of people already counted.
    private func isSubset(_ n: NumberMention, hits: ArraySlice<AnnotatedHit>) -> Bool {
        hits.contains { h in h.hit.has(.subset) && h.tokens.upperBound <= n.tokens.lowerBound && n.tokens.lowerBound - h.tokens.upperBound <= 2 }
    }

    /// "58 of 132", "58 out of 132", "81/94", "58 з 132", "58 von 132", and with an article or a
    /// qualifier before the whole: "51 of the 67", "44 из более чем 50", "57 von mehr als 80".
    private func isOf(between start: Int, and b: Int) -> Bool {
        // Closing quotes of a model name ("шахед") may stand before the "of".
        var a = start
        while a < b, analysis.tokens[a].kind == .punct, NounPhrase.isQuote(analysis.folded.bytes, analysis.tokens[a]) { a += 1 }
        if a < b, part(at: a) == .out { a += 1 }
        guard a < b, part(at: a) == .of else { return false }
        a += 1
        while a < b {
            if part(at: a) == .article { a += 1; continue }
            if let h = analysis.hitAt[a], h.hit.has(.qualifier), h.tokens.upperBound <= b { a = h.tokens.upperBound; continue }
            if part(at: a) == .link { a += 1; continue }
            return false
        }
        return true
    }

    /// Between two counts stand only the first's noun phrase, commas, quotes and conjunctions
    /// ("and", "а також", "sowie"): no verb, no other count's place, no stronger break.
    private func continuesList(from a: Int, to b: Int, triggers: [AnnotatedHit]) -> Bool {
        guard a < b, b - a <= Self.listGap else { return false }
        if triggers.contains(where: { $0.tokens.lowerBound >= a && $0.tokens.lowerBound < b }) { return false }
        var sawSeparator = false
        for k in a..<b {
            let t = analysis.tokens[k]
            if t.kind == .punct {
                switch analysis.folded.bytes[t.start] {
                case 0x2C: sawSeparator = true
                case 0x3B, 0x3A, 0x2E, 0x28, 0x29: return false
                default: break
                }
            } else if let h = analysis.hitAt[k], h.hit.has(.conjunction) {
                sawSeparator = true
            } else if analysis.placeIndex(at: k) != nil {
                return false
            }
        }
        return sawSeparator
    }

    /// How many tokens a list item may span ("три розвідувальні дрони типу «Орлан-10» і SuperCam,").
    private static let listGap = 12

    /// The `part` meaning of the one-token lexicon term at token `k` ("of", "з", "the", "out", …).
    private func part(at k: Int) -> LexiconPart? {
        guard let h = analysis.hitAt[k], h.tokens.count == 1 else { return nil }
        return h.hit.first(.part)?.part
    }

    /// The number is followed by a dash or a place preposition and then, within a few words, a place.
    private func isGapped(_ n: NumberMention, sentenceEnd: Int) -> Bool {
        var k = n.tokens.upperBound
        guard k < sentenceEnd else { return false }
        let t = analysis.tokens[k]
        if t.kind == .punct && analysis.folded.bytes[t.start] == 0xE2 || (t.kind == .punct && analysis.folded.bytes[t.start] == 0x2D) {
            k += 1
        } else if let h = analysis.hitAt[k], h.hit.first(.preposition)?.preposition == .location {
            k = h.tokens.upperBound
        } else {
            return false
        }
        let horizon = min(sentenceEnd, k + 5)
        if !analysis.places(startingIn: k..<max(k, horizon)).isEmpty { return true }
        // A region the gazetteer does not know still reads as one: "12 над Московським регіоном".
        return (k..<horizon).contains { analysis.hitAt[$0]?.hit.first(.unit)?.unit == .settlement }
    }

    /// "тіла ще двох осіб", "the bodies of two more people", "die Leichen zweier weiterer Menschen":
    /// bodies found since the last count raise the toll by that many; the toll is stated elsewhere.
    private func countsRecovered(_ n: NumberMention, hits: ArraySlice<AnnotatedHit>) -> Bool {
        let more = part(at: n.tokens.lowerBound - 1) == .more || part(at: n.tokens.upperBound) == .more
        return more && hits.contains { h in
            h.hit.first(.negative)?.negative == .recovered && h.tokens.upperBound <= n.tokens.lowerBound
                && n.tokens.lowerBound - h.tokens.upperBound <= 3
        }
    }

    /// "падіння уламків на 1 локації", "debris fell in 3 districts": where debris fell is not a hit.
    private func followsDebris(_ n: NumberMention, hits: ArraySlice<AnnotatedHit>) -> Bool {
        hits.contains { h in
            h.hit.first(.negative)?.negative == .debris && h.tokens.upperBound <= n.tokens.lowerBound
                && n.tokens.lowerBound - h.tokens.upperBound <= 6
                && !hasClauseBreak(from: h.tokens.upperBound, to: n.tokens.lowerBound)
        }
    }

    private func ofThem(_ n: NumberMention, previous: FigureDraft?, phrase: inout NounPhrase) -> Quantity? {
        guard let previous, !previous.quantity.isCasualty, isOfThem(n) else { return nil }
        if phrase.weapon == nil {
            phrase.weapon = previous.weapon
            phrase.model = previous.model
        }
        return previous.quantity
    }

    /// "80 of them", "80 із них", "davon 80", "из них 80".
    private func isOfThem(_ n: NumberMention) -> Bool {
        if analysis.hitAt[n.tokens.upperBound]?.hit.first(.part)?.part == .ofThem { return true }
        let before = n.tokens.lowerBound
        return (max(0, before - 2)..<before).contains { k in
            guard let h = analysis.hitAt[k], h.tokens.upperBound == before else { return false }
            return h.hit.first(.part)?.part == .ofThem
        }
    }

    private func triggersInClause(of n: NumberMention, triggers: [AnnotatedHit]) -> Int {
        triggers.filter { t in !hasClauseBreak(from: min(t.tokens.upperBound, n.tokens.upperBound), to: max(t.tokens.lowerBound, n.tokens.lowerBound)) }.count
    }

    /// A word the lexicon does not know right after the number names what it counts.
    private func countsSomethingElse(_ n: NumberMention, sentenceEnd: Int) -> Bool {
        let k = n.tokens.upperBound
        guard k < sentenceEnd, analysis.tokens[k].kind == .word else { return false }
        guard let h = analysis.hitAt[k] else { return true }
        if let part = h.hit.first(.part)?.part { return part == .article }
        return h.hit.has(.target) || h.hit.has(.unit)
    }

    /// The weapon of the last weapon term in `hits` that starts before token `index`: within the
    /// sentence for a bare count, or anywhere earlier in the document for "Of them, 50 were shot
    /// down" after a sentence that named the drones.
    private func lastWeapon(in hits: ArraySlice<AnnotatedHit>, before index: Int = .max) -> (WeaponClass, String?)? {
        // The last hit of the slice that starts before `index`: a step or two within a sentence.
        var j = hits.endIndex - 1
        while j >= hits.startIndex && hits[j].tokens.lowerBound >= index { j -= 1 }
        guard j >= hits.startIndex else { return nil }
        let w = Int(lastWeaponHit[j])
        guard w >= hits.startIndex, let entry = analysis.hits[w].hit.first(.weapon), let wc = entry.weaponClass else { return nil }
        return (wc, entry.extra)
    }

    /// Tokens that are parts of dates, weapon models ("S 300") or other lexicon terms, not counts.
    private func excludedTokens(in s: Sentence, hits: ArraySlice<AnnotatedHit>) -> [Range<Int>] {
        var out = analysis.dates(in: s).map { $0.tokens }
        for h in hits where h.hit.has(.weapon) && h.tokens.count > 1 { out.append(h.tokens) }
        for n in analysis.numbers(in: s) where isGlued(n.tokens) { out.append(n.tokens) }
        return out
    }

    /// "ZU-23-2", "Kh-101/555", "Shahed-136/131", "23-mm", "2-3": digits joined by a hyphen or a
    /// slash to a word, to a model number or (by a hyphen) to other digits are part of a name, a
    /// unit or a range, never a count. "81/94" is a count of a count (`of`).
    private func isGlued(_ r: Range<Int>) -> Bool {
        let t = analysis.tokens
        let b = analysis.folded.bytes
        func glued(joiner k: Int, neighbour m: Int) -> Bool {
            guard k >= 0, m >= 0, k < t.count, m < t.count, t[k].kind == .punct, t[k].end - t[k].start == 1,
                  t[k].end == t[m].start || t[m].end == t[k].start else { return false }
            let c = b[t[k].start]
            guard c == 0x2D || c == 0x2F else { return false }
            switch t[m].kind {
            case .word: return true
            case .digits: return c == 0x2D || isInsideModel(m)
            default: return false
            }
        }
        let first = r.lowerBound, last = r.upperBound - 1
        if first >= 2, t[first - 1].end == t[first].start, glued(joiner: first - 1, neighbour: first - 2) { return true }
        if last + 2 < t.count, t[last].end == t[last + 1].start, glued(joiner: last + 1, neighbour: last + 2) { return true }
        return false
    }

    /// Whether token `k` lies inside a multi-word weapon model ("Kh-101").
    private func isInsideModel(_ k: Int) -> Bool {
        for back in 0..<4 where k - back >= 0 {
            if let h = analysis.hitAt[k - back], h.tokens.contains(k), h.hit.has(.weapon) { return true }
        }
        return false
    }

    private func qualifier(before n: NumberMention, hits sentenceHits: ArraySlice<AnnotatedHit>) -> Qualifier {
        var k = n.tokens.lowerBound
        // "upwards of 50", "mehr als 50", "понад 50"; also a quote or bracket in between.
        for _ in 0..<3 {
            guard k > 0 else { break }
            for h in sentenceHits where h.tokens.upperBound == k {
                if let q = h.hit.first(.qualifier), let qualifier = q.qualifier { return qualifier }
            }
            // "upwards of", "more than", "mehr als": the lexicon's `link` and `of` words.
            if let p = part(at: k - 1), p == .link || p == .of { k -= 1; continue }
            break
        }
        return .exact
    }

    /// `numbers`: the sentence's counts, which may own a verb that stands right after them.
    private func bestTrigger(for n: NumberMention, phrase: NounPhrase, triggers: [AnnotatedHit],
                             numbers: [NumberMention], weaponContext: Bool) -> Candidate? {
        var best: Candidate?
        let nounEnd = max(phrase.end, n.tokens.upperBound)
        // "45 cruise missiles, among them Kh-101 launched from bombers, were downed": the list the
        // count is broken down in stands between it and its verb, and its words are the list's.
        let inserted = insertion(after: nounEnd)
        let phraseEnd = inserted?.upperBound ?? nounEnd
        // A number with a verb of its own after it ("атакували: 40 збито") is no label's value.
        let verbAfter = triggers.contains { $0.tokens.lowerBound >= phraseEnd && !hasClauseBreak(from: phraseEnd, to: $0.tokens.lowerBound) }
        for t in triggers {
            if let inserted, inserted.contains(t.tokens.lowerBound) { continue }
            let labelled = !verbAfter && labels(t, n)
            for entry in t.hit.entries where entry.category == .quantity {
                guard let q = entry.quantity else { continue }
                if q.isCasualty && phrase.weapon != nil { continue }
                if !q.isCasualty && (phrase.isPeople || !weaponContext) { continue }
                var cost: Int
                var penalty = 0
                if t.tokens.lowerBound >= phraseEnd {
                    cost = t.tokens.lowerBound - phraseEnd + 1
                    cost += analysis.clauseBoundaries(from: phraseEnd, to: t.tokens.lowerBound)
                    // Another counted noun before the trigger owns it: "5 killed and 10 injured".
                    if numbers.contains(where: { $0.tokens.lowerBound > n.tokens.upperBound && $0.tokens.upperBound <= t.tokens.lowerBound }) { penalty += 4 }
                } else if t.tokens.upperBound <= n.tokens.lowerBound {
                    if labelled || onlyQualifiers(from: t.tokens.upperBound, to: n.tokens.lowerBound) {
                        // "killed at least 13", "збито 114": a trigger right before the number is its verb;
                        // "Загиблих: 5", "Death toll – 23": one set off by a colon or dash is its label.
                        cost = 0
                    } else {
                        cost = n.tokens.lowerBound - t.tokens.upperBound + 1
                        cost += analysis.clauseBoundaries(from: t.tokens.upperBound, to: n.tokens.lowerBound)
                        // "two died and 9 others were hurt": a trigger just after an earlier
                        // number belongs to that number.
                        if numbers.contains(where: { $0.tokens.upperBound <= t.tokens.lowerBound && t.tokens.lowerBound - $0.tokens.upperBound <= 3 }) { penalty += 5 }
                        // "60 were seen, of which 58 were shot down": the part has a verb of its own after it.
                        if opensPart(from: t.tokens.upperBound, to: n.tokens.lowerBound) { penalty += 6 }
                    }
                } else {
                    continue
                }
                // Without a noun, only a trigger close by says what it counts: right after the number
                // ("14 were killed"), or before it in the same clause ("the death toll rose to 14").
                if phrase.weapon == nil && !phrase.isPeople {
                    let before = t.tokens.upperBound <= n.tokens.lowerBound
                    let risen = q.isCasualty && followsRise(n)
                    if cost > (before ? (risen ? 16 : 8) : 4) { continue }
                    if before && !labelled && hasClauseBreak(from: t.tokens.upperBound, to: n.tokens.lowerBound) { continue }
                }
                if cost > (q.isCasualty && followsRise(n) ? 16 : 14) { continue }
                // "the death toll … has risen to 35", "кількість загиблих зросла до 12": a count that has
                // risen is a toll of people.
                if !q.isCasualty && followsRise(n) { penalty += 10 }
                if best == nil || cost + penalty < best!.cost { best = Candidate(quantity: q, cost: cost + penalty, negated: isNegated(t)) }
            }
        }
        return best
    }

    /// ", including … ,", ", darunter … ,", ", зокрема … ," right after a count's noun: the tokens from
    /// the first comma through the second, or up to an auxiliary ("were", "wurden") when no comma
    /// closes the list (none when the sentence or clause ends first).
    private func insertion(after k: Int) -> Range<Int>? {
        guard k + 1 < analysis.tokens.count, isComma(k), let opener = analysis.hitAt[k + 1], opener.hit.has(.subset) else { return nil }
        var j = opener.tokens.upperBound
        while j < analysis.tokens.count, j - k <= Self.listGap * 2 {
            let t = analysis.tokens[j]
            if t.kind == .punct {
                if isComma(j) { return k..<(j + 1) }
                if [0x3B, 0x3A, 0x2E, 0x28, 0x29].contains(analysis.folded.bytes[t.start]) { return nil }
            } else if part(at: j) == .aux {
                // No closing comma: the list ends where the verb begins ("… launched from bombers were downed").
                return k..<j
            }
            j += 1
        }
        return nil
    }

    private func isComma(_ k: Int) -> Bool { analysis.tokens[k].isPunct(0x2C, in: analysis.folded.bytes) }

    /// The trigger is followed by a colon or a dash, then (past qualifiers) the number: a label.
    private func labels(_ t: AnnotatedHit, _ n: NumberMention) -> Bool {
        let k = t.tokens.upperBound
        guard k < n.tokens.lowerBound else { return false }
        let mark = analysis.tokens[k], b = analysis.folded.bytes
        return (mark.isPunct(0x3A, in: b) || mark.isDash(in: b)) && onlyQualifiers(from: k + 1, to: n.tokens.lowerBound)
    }

    /// "two missiles launched by Russia": a participle with its agent describes the noun before it;
    /// it is not the verb of the count.
    private func isModifier(_ t: AnnotatedHit) -> Bool {
        guard let next = analysis.hitAt[t.tokens.upperBound] else { return false }
        return next.hit.first(.part)?.part == .agent
    }

    /// An "of which", "davon", "з них" between a verb and a later number.
    private func opensPart(from a: Int, to b: Int) -> Bool {
        var k = a
        while k < b {
            if let h = analysis.hitAt[k] {
                if h.hit.first(.part)?.part == .ofThem { return true }
                k = h.tokens.upperBound
            } else {
                k += 1
            }
        }
        return false
    }

    /// "all 24", "alle 24", "усі 24": the number right after "all" (a qualifier may stand between).
    private func followsAll(_ n: NumberMention) -> Bool {
        var k = n.tokens.lowerBound - 1
        while k >= 0, let h = analysis.hitAt[k] {
            if h.hit.first(.part)?.part == .all { return true }
            guard h.hit.has(.qualifier) else { return false }
            k = h.tokens.lowerBound - 1
        }
        return false
    }

    /// An "of" before the number, with at most an article or a qualifier between ("Of the 50", "Von
    /// insgesamt 15", "З понад 40"), and no count of its own before it ("12 of 15" is the other way round).
    private func opensWhole(_ n: NumberMention) -> Bool {
        var k = n.tokens.lowerBound - 1
        var steps = 0
        while k >= 0 && steps < 4, let h = analysis.hitAt[k] {
            if h.hit.first(.part)?.part == .of {
                let before = h.tokens.lowerBound - 1
                return before < 0 || analysis.tokens[before].kind == .punct || analysis.tokens[before].kind == .newline
                    || isSentenceStart(h.tokens.lowerBound)
            }
            guard h.hit.has(.qualifier) || [.article, .all].contains(h.hit.first(.part)?.part) else { return false }
            k = h.tokens.lowerBound - 1
            steps += 1
        }
        return false
    }

    private func isSentenceStart(_ token: Int) -> Bool {
        analysis.sentences[analysis.sentenceIndex(ofToken: token)].tokens.lowerBound == token
    }

    /// "were not shot down", "не було збито", "wurden nicht abgeschossen": a negation right before
    /// a verb, or before the auxiliary that precedes it.
    private func isNegated(_ t: AnnotatedHit) -> Bool {
        var k = t.tokens.lowerBound - 1
        var steps = 0
        while k >= 0 && steps < 3 {
            guard let h = analysis.hitAt[k], let part = h.hit.first(.part)?.part else { return false }
            if part == .not { return true }
            guard part == .aux else { return false }
            k = h.tokens.lowerBound - 1
            steps += 1
        }
        return false
    }

    /// The number follows "rose to", "зросла до", "stieg auf" (qualifier words that keep it exact).
    private func followsRise(_ n: NumberMention) -> Bool {
        let k = n.tokens.lowerBound
        guard k > 0 else { return false }
        var j = k - 1
        while j >= 0 && j >= k - 4 {
            if let h = analysis.hitAt[j], h.tokens.upperBound == k, h.hit.first(.qualifier)?.qualifier == .exact { return true }
            j -= 1
        }
        return false
    }

    /// "killed at least 13", "збито 114": the trigger ends before the number with only qualifiers between.
    private func standsRightBefore(_ t: AnnotatedHit, _ n: NumberMention) -> Bool {
        t.tokens.upperBound <= n.tokens.lowerBound && onlyQualifiers(from: t.tokens.upperBound, to: n.tokens.lowerBound)
    }

    /// Only qualifiers (and "all": "shot down all 18 missiles") stand between a trigger and its number.
    private func onlyQualifiers(from a: Int, to b: Int) -> Bool {
        var k = a
        while k < b {
            guard let h = analysis.hitAt[k], h.hit.has(.qualifier) || h.hit.first(.part)?.part == .all else { return false }
            k = h.tokens.upperBound
        }
        return true
    }

    private func hasClauseBreak(from a: Int, to b: Int) -> Bool {
        guard a < b else { return false }
        return clauseBreaksBefore[b] > clauseBreaksBefore[a]
    }

}
