import Testing
@testable import SalvoIngest

/// Text read through the wrong charset on its way in is read again as the UTF-8 it was; text that
/// was right is left alone. The sentences are written for these tests.
@Suite struct MojibakeTests {
    /// What a text becomes when its UTF-8 bytes are read as `charset` the way browsers read it
    /// (an undefined byte becomes its C1 control).
    static func garbled(_ text: String, as charset: Charset) -> String {
        let high = charset.upperHalf
        var out = String.UnicodeScalarView()
        for b in text.utf8 {
            let u = b < 0x80 ? UInt32(b) : high[Int(b - 0x80)] == 0xFFFD ? UInt32(b) : UInt32(high[Int(b - 0x80)])
            out.append(Unicode.Scalar(u)!)
        }
        return String(out)
    }

    static let sentences = [
        "Die Flugabwehr habe über Lwiw sieben Raketen zerstört, fünf Menschen seien verletzt worden.",
        "Über Nacht griffen „Shahed“-Drohnen die Stadt Dnipro an; die Behörden meldeten Schäden.",
        "У Києві вночі збили 12 дронів, ще двоє людей отримали поранення.",
        "В Харькове ночью сбили 20 беспилотников, пострадали три человека.",
    ]

    @Test(arguments: [Charset.macRoman, .windows1252, .windows1251])
    func repairsDoubleEncoding(_ charset: Charset) {
        for s in Self.sentences {
            let bad = Self.garbled(s, as: charset)
            #expect(bad != s)
            #expect(Mojibake.repaired(bad) == s, "\(charset): \(bad)")
        }
    }

    @Test func leavesRightTextAlone() {
        for s in Self.sentences + ["Kyiv — 5 killed, 12 injured (“preliminary”)", "Crème brûlée à Besançon, São Paulo, Åland, Øresund."] {
            #expect(Mojibake.repaired(s) == nil, "\(s)")
        }
    }

    @Test func repairedTextIsCleaned() {
        let bad = Self.garbled(Self.sentences[0], as: .macRoman)
        #expect(TextCleanup.clean(bad).text == Self.sentences[0])
    }
}
