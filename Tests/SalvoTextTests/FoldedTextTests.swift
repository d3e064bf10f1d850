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
