import SalvoModel
import SalvoText

/// What a number counts, read from the words that follow it: "114 ударних БпЛА типу Shahed",
/// "five people", "8 Tote", "300 km".
struct NounPhrase {
    var weapon: WeaponClass?
    var model: String?
    var isPeople = false
    var isChild = false
    var isUnit = false
    /// A quantity noun in the phrase itself: "four deaths", "3 загиблих", "8 Verletzte".
    var quantity: Quantity?
    /// Token index after the phrase.
    var end: Int

    /// A later, more specific class wins: "крилатих ракет" is a cruise missile, "безпілотник-імітатор" a decoy.
    mutating func add(weapon w: WeaponClass, model m: String?) {
        if let current = weapon {
            if current == .missile && w.isMissile { weapon = w }
            else if current == .drone && w == .decoy { weapon = w }
            else if current == .any && w != .any { weapon = w }
        } else {
            weapon = w
        }
        if model == nil, let m { model = m }
    }
}

extension NounPhrase {
    /// Reads the words after `start` up to punctuation, another number or the sentence end: at most
    /// `maxWords` before the noun, and a few after it for "… типу Shahed", "… vom Typ Geran".
    init(after start: Int, in analysis: TextAnalysis, sentenceEnd: Int, numberStarts: [Int], maxWords: Int = 4) {
        self.init(end: start)
        var k = start
        var words = 0
        var sawNoun = false
        while k < sentenceEnd {
            if numberStarts.contains(k) { break }
            let t = analysis.tokens[k]
            if t.kind == .punct {
                if Self.isQuote(analysis.folded.bytes, t) { k += 1; continue }
                break
            }
            if t.kind != .word { break }
            if let h = analysis.hitAt[k] {
                // "20 над Брянською областю", "14 drones over Sumy region": a preposition ends the phrase;
                // what follows it is where, not what.
                if h.hit.has(.preposition) && !h.hit.has(.weapon) && !h.hit.has(.people) {
                    // "alle 24 über der Ukraine eingesetzten Drohnen": a place phrase standing before the
                    // noun it describes, with no break, number or "and" between.
                    if weapon == nil && !sawNoun, let noun = Self.nounAfterPlacePhrase(from: h.tokens.upperBound, in: analysis,
                                                                                          sentenceEnd: sentenceEnd, numberStarts: numberStarts),
                       let w = noun.hit.first(.weapon), let wc = w.weaponClass {
                        add(weapon: wc, model: w.extra)
                        end = noun.tokens.upperBound
                    }
                    break
                }
                // "30 ударів дронами й артилерією": after an impact noun, a list of weapons follows.
                if h.hit.has(.conjunction) {
                    if quantity == .hit && weapon != nil { k = h.tokens.upperBound; continue }
                    // "51 missiles and drones", "82 ракети та дрони": one total over several kinds.
                    if let current = weapon, let next = analysis.hitAt[h.tokens.upperBound], let w = next.hit.first(.weapon)?.weaponClass,
                       w != current, !(w.isMissile && current.isMissile), !(w == .decoy && current == .drone) {
                        weapon = .any
                        model = nil
                        k = next.tokens.upperBound
                        end = k
                        continue
                    }
                    break
                }
                if quantity == .hit, let w = h.hit.first(.weapon), let wc = w.weaponClass {
                    if let current = weapon, current != wc, !(current.isMissile && wc.isMissile) {
                        weapon = .any
                    } else if weapon == nil {
                        weapon = wc
                    }
                    if model == nil { model = w.extra }
                    k = h.tokens.upperBound
                    end = k
                    words += 1
                    continue
                }
                // "ein 41-jähriger Mann": an age glued to digits describes the noun; it is not what is counted.
                let gluedToDigits = analysis.folded.bytes[t.start] >= 0x30 && analysis.folded.bytes[t.start] <= 0x39
                // "50 across the country" says where, not what.
                if h.hit.first(.unit)?.unit == .country { break }
                if h.hit.has(.unit) && !sawNoun && weapon == nil && !gluedToDigits {
                    isUnit = true
                    end = h.tokens.upperBound
                    return
                }
                var noun = false
                // After the noun only a model name may follow ("БпЛА типу Shahed"); a verb or another noun ends the phrase.
                if sawNoun && (isPeople || quantity != nil || h.hit.first(.weapon)?.extra == nil) { break }
                if let w = h.hit.first(.weapon), let wc = w.weaponClass {
                    // "Kalibr-Raketen": the model named by the compound's first part, the class by the
                    // more specific of its parts.
                    for part in analysis.hitAt.all(at: k).dropLast() {
                        if let pw = part.hit.first(.weapon), let pc = pw.weaponClass { add(weapon: pc, model: pw.extra) }
                    }
                    add(weapon: wc, model: w.extra)
                    noun = true
                } else if let p = h.hit.first(.people), !sawNoun {
                    isPeople = true
                    isChild = p.people == .child
                    noun = true
                } else if let q = h.hit.first(.quantity), let quantity = q.quantity, !sawNoun, words == 0,
                          quantity.isCasualty || quantity == .hit {
                    // "four deaths", "3 загиблих", "12 прильотів": the noun itself says what is counted.
                    self.quantity = quantity
                    noun = true
                    if quantity == .hit {
                        k = h.tokens.upperBound
                        end = k
                        words += 1
                        continue
                    }
                }
                k = h.tokens.upperBound
                if noun { end = k; sawNoun = true }
            } else {
                k += 1
            }
            words += 1
            if words >= maxWords + (sawNoun ? 3 : 0) { break }
        }
    }

    /// The weapon term a few words after a preposition, when a place lies between and nothing that
    /// ends a phrase (punctuation, a number, a conjunction, another preposition) does.
    private static func nounAfterPlacePhrase(from start: Int, in analysis: TextAnalysis, sentenceEnd: Int,
                                             numberStarts: [Int]) -> AnnotatedHit? {
        var k = start
        var sawPlace = false
        while k < min(sentenceEnd, start + 6) {
            if numberStarts.contains(k) || analysis.tokens[k].kind != .word { return nil }
            if let p = analysis.placeIndex(at: k) {
                sawPlace = true
                k = analysis.places[p].tokens.upperBound
                continue
            }
            if let h = analysis.hitAt[k] {
                if h.hit.has(.weapon) { return sawPlace ? h : nil }
                if h.hit.has(.conjunction) || h.hit.has(.preposition) || h.hit.has(.people) || h.hit.has(.unit) { return nil }
                k = h.tokens.upperBound
            } else {
                k += 1
            }
        }
        return nil
    }

    static func isQuote(_ b: [UInt8], _ t: Token) -> Bool {
        let c = b[t.start]
        if c == 0x22 || c == 0x27 { return true }
        return c == 0xC2 && (b[t.start + 1] == 0xAB || b[t.start + 1] == 0xBB)
    }
}
