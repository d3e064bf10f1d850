import SalvoText

/// The clause of every token, so that a date, a place or a claimant applies to its own clause:
/// "nine were killed on Monday; the day before, four died in Sumy".
///
/// A clause ends at a sentence end, at `;` `:` a dash or a bracket, and at a comma that a
/// conjunction, a verb of saying or a clause opener follows (", and", ", said the governor",
/// ", while"). Which words those are is the lexicon's (`conjunction`, `attribution`, `clause`); the
/// punctuation is the script's.
struct ClauseMap {
    private var clause: [Int32]
    /// Clauses that a colon opens: they spell out the clause before ("attacked the villages of the
    /// district: two people were killed").
    private var afterColon = Set<Int32>()

    init(analysis a: TextAnalysis) {
        clause = Array(repeating: 0, count: a.tokens.count + 1)
        var id: Int32 = 0
        let b = a.folded.bytes
        for s in a.sentences {
            id += 1
            var k = s.tokens.lowerBound
            while k < s.tokens.upperBound {
                let t = a.tokens[k]
                if t.kind == .punct {
                    switch b[t.start] {
                    case 0x3A:
                        id += 1
                        afterColon.insert(id)
                    case 0x3B, 0x28, 0x29:
                        id += 1
                    case 0xE2 where t.isDash(in: b):
                        if !Self.opensPlace(a, after: k) { id += 1 }
                    case 0x2D where t.isPunct(0x2D, in: b) && k > 0 && a.tokens[k - 1].end < t.start:
                        // A spaced hyphen stands for a dash.
                        if !Self.opensPlace(a, after: k) { id += 1 }
                    case 0x2C:
                        if let next = a.hitAt[k + 1], next.hit.has(.conjunction) || next.hit.has(.attribution) || next.hit.has(.clause) { id += 1 }
                    default:
                        break
                    }
                }
                clause[k] = id
                k += 1
            }
        }
        clause[a.tokens.count] = id + 1
    }

    /// "91 БПЛА – над Московською областю", "27 – over Bryansk": in a list a dash joins a count to
    /// its place rather than opening a clause.
    private static func opensPlace(_ a: TextAnalysis, after k: Int) -> Bool {
        if a.placeIndex(at: k + 1) != nil { return true }
        return a.hitAt[k + 1]?.hit.first(.preposition)?.preposition == .location
    }

    subscript(token: Int) -> Int32 { clause[token] }

    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        clause[a.lowerBound] == clause[b.lowerBound]
    }

    /// Whether `b` stands in the clause a colon opens right after `a`'s.
    func spellsOut(_ a: Range<Int>, by b: Range<Int>) -> Bool {
        let (x, y) = (clause[a.lowerBound], clause[b.lowerBound])
        return y == x + 1 && afterColon.contains(y)
    }
}
