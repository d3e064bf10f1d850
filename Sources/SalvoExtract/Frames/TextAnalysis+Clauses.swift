import SalvoText

extension TextAnalysis {
    /// How strongly punctuation separates two token positions: a comma a little, a dash or colon
    /// more, a full stop most. Figures, triggers and places across a boundary are less likely to belong together.
    func clauseBoundaries(from a: Int, to b: Int) -> Int {
        guard a < b else { return 0 }
        var cost = 0
        for k in a..<b where tokens[k].kind == .punct {
            switch folded.bytes[tokens[k].start] {
            case 0x3B, 0x3A: cost += 5          // ; :
            case 0x2C: cost += 2                // ,
            case 0x28, 0x29: cost += 2          // ( )
            case 0xE2: cost += 4                // – — and other dashes
            case 0x2E, 0x21, 0x3F: cost += 8
            default: break
            }
        }
        return cost
    }

    /// Token distance between two ranges plus the clause boundaries between them.
    func clauseDistance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound + clauseBoundaries(from: a.upperBound, to: b.lowerBound) }
        if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound + clauseBoundaries(from: b.upperBound, to: a.lowerBound) }
        return 0
    }
}
