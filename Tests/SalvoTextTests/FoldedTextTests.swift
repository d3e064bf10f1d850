import Testing
@testable import SalvoText

@Suite struct FoldedTextTests {
    @Test func lowercasesLatinAndCyrillicKeepingOffsets() {
        let f = FoldedText("ХАРКІВ Über Ёлка Ґанок")
        #expect(f.string(0..<f.bytes.count) == "харків über елка ґанок")
        // Same byte lengths throughout, so every offset maps to itself and the end to the end.
        #expect(f.originalOffset(of: 13) == 13)
        #expect(f.originalOffset(of: f.bytes.count) == "ХАРКІВ Über Ёлка Ґанок".utf8.count)
    }

    @Test func unifiesApostrophesAndCollapsesSpace() {
        let f = FoldedText("п’ять  пʼять\u{00A0}п'ять")
        #expect(f.string(0..<f.bytes.count) == "п'ять п'ять п'ять")
        // "п’ять" is 3 bytes longer in the original than folded; the map still points at the source.
        let second = f.string(0..<f.bytes.count).utf8.split(separator: 0x20).first!.count + 1
        #expect(f.originalOffset(of: second) == "п’ять  ".utf8.count)
    }

    @Test func lineBreaksSurviveAsNewlines() {
        let f = FoldedText("Headline\n\nBody  text.")
        #expect(f.string(0..<f.bytes.count) == "headline\nbody text.")
    }

    @Test func offsetsSurviveDroppedAndCollapsedBytes() {
        let text = "  Ra\u{00AD}kete  \r\n\u{200B} Über ’Luhansk’  "
        let f = FoldedText(text)
        #expect(f.string(0..<f.bytes.count) == "rakete\nüber 'luhansk'")
        let original = Array(text.utf8)
        // Every folded scalar start maps to the original scalar it came from.
        for (index, byte) in f.bytes.enumerated() where byte & 0xC0 != 0x80 && byte != 0x0A && byte != 0x20 {
            let o = f.originalOffset(of: index)
            let folded = FoldedText(String(decoding: original[o...], as: UTF8.self)).bytes
            #expect(folded.first == byte, "folded byte \(index)")
        }
        #expect(f.originalOffset(of: f.bytes.count) == original.count)
    }

    @Test func dropsSoftHyphensAndZeroWidth() {
        let f = FoldedText("Ra\u{00AD}kete\u{200B}n")
        #expect(f.string(0..<f.bytes.count) == "raketen")
    }
}

@Suite struct AutomatonTests {
    let automaton = Automaton(patterns: [
        .init(bytes: FoldedText.fold("shot down"), payload: 1),
        .init(bytes: FoldedText.fold("ракет"), payload: 2, isStem: true),
        .init(bytes: FoldedText.fold("Kh-101"), payload: 3),
        .init(bytes: FoldedText.fold("drone"), payload: 4),
        .init(bytes: FoldedText.fold("drones"), payload: 5),
    ])

    @Test func matchesWholeWordsAndStems() {
        let text = FoldedText("Ракетами were shot down; Kh-101 and drones.")
        let found = automaton.matches(in: text).map { ($0.payload, text.string($0.start..<$0.end)) }
        #expect(found.map(\.0) == [2, 1, 3, 5])
        #expect(found[0].1 == "ракетами")
    }

    @Test func doesNotMatchInsideWords() {
        let text = FoldedText("Antidrone postshot down")
        #expect(automaton.matches(in: text).isEmpty)
        #expect(automaton.matches(in: FoldedText("dronestrike")).isEmpty)
    }
}

@Suite struct AutomatonWordRestTests {
    @Test func stemsInsidePhrasesMatchEveryForm() {
        let a = Automaton(patterns: [
            .init(bytes: FoldedText.fold("повітрян* сил").map { $0 == 0x2A ? Automaton.wordRest : $0 }, payload: 7, isStem: true),
        ])
        for text in ["Повітряні сили", "повітряних силах", "Повітряним силам"] {
            let m = a.matches(in: FoldedText(text))
            #expect(m.map(\.payload) == [7], "\(text)")
            #expect(m.first?.end == FoldedText(text).bytes.count, "\(text)")
        }
        #expect(a.matches(in: FoldedText("повітряна тривога сил")).isEmpty)
    }
}

@Suite struct ByteSearchTests {
    @Test func findsNeedlesAnywhere() {
        #expect(bytes("Regional Governor".utf8, contain: "Governor".utf8))
        #expect(bytes("протиповітряна оборона".utf8, contain: "повітрян".utf8))
        #expect(!bytes("Mayor".utf8, contain: "Mayors".utf8))
        #expect(bytes("abc".utf8, contain: "".utf8))
    }
}

/// The folding rules written plainly, one scalar at a time with a map entry per byte, to check the
/// fast loop against on random text.
private func referenceFold(_ text: String) -> (bytes: [UInt8], origin: [Int]) {
    var out: [UInt8] = []
    var origin: [Int] = []
    var pending: UInt8 = 0
    var pendingAt = 0
    var offset = 0
    func emit(_ bytes: [UInt8], _ at: Int) {
        if pending != 0 && !out.isEmpty { out.append(pending); origin.append(pendingAt) }
        pending = 0
        for b in bytes { out.append(b); origin.append(at) }
    }
    func space(_ newline: Bool, _ at: Int) {
        if pending == 0 { pendingAt = at; pending = newline ? 0x0A : 0x20 } else if newline { pending = 0x0A }
    }
    for scalar in text.unicodeScalars {
        let at = offset
        offset += String(scalar).utf8.count
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: space(true, at)
        case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x2000...0x200A, 0x202F: space(false, at)
        case 0x00, 0xAD, 0x200B...0x200D, 0xFEFF: break
        case 0x60, 0xB4, 0x2B9, 0x2BC, 0x2018, 0x2019, 0x2032: emit([0x27], at)
        case 0x2010, 0x2011: emit([0x2D], at)
        case 0x401, 0x451: emit(Array("е".utf8), at)
        case 0x41...0x5A, 0x400...0x42F, 0x490:
            emit(Array(String(scalar).lowercased().utf8), at)
        case 0xC0...0xDE where scalar.value != 0xD7:  // × is no letter
            emit(Array(String(scalar).lowercased().utf8), at)
        default: emit(Array(String(scalar).utf8), at)
        }
    }
    return (out, origin)
}

@Suite struct FoldedTextAgreementTests {
    @Test func fastFoldingAgreesWithThePlainRules() {
        let pieces = ["Kyiv", "КИЇВ", "Харків", "Ёлка", "ёж", "Über", "ß", "п’ять", "пʼять", "`", "´", " ", "  ", "\n", "\r\n",
                      "\t", "Russia launched DROHNEN", "Kh-101 ", "\u{00A0}", "\u{00AD}", "\u{200B}", "\u{2009}", "\u{2028}", "\u{FEFF}", "‐", "«", "»", "—", "50", ",",
                      ".", "Ґанок", "Ѓ", "ђ", "ї", "є", "і", "🚀", "中", "x", "A"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { text += pieces.randomElement(using: &rng)! }
            let fast = FoldedText(text)
            let plain = referenceFold(text)
            #expect(fast.bytes == plain.bytes, "\(Array(text.unicodeScalars.map(\.value)))")
            for (i, b) in fast.bytes.enumerated() where b & 0xC0 != 0x80 && i < plain.origin.count {
                #expect(fast.originalOffset(of: i) == plain.origin[i], "offset \(i) of \(Array(text.unicodeScalars.map(\.value)))")
            }
            #expect(fast.originalOffset(of: fast.bytes.count) == text.utf8.count)
        }
    }
}
