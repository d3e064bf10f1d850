/// HTML element names Salvo's extraction cares about, as small integers so that hot loops
/// switch on a byte instead of comparing strings. Anything else is `.other`; text nodes are `.text`.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other, text
    case html, head, body, title, meta, link, script, style, noscript, template, svg, math, iframe, object, embed
    case canvas, video, audio, button, select, input, textarea, option, label, nav, footer, aside, header, dialog
    case menu, figcaption
    // inline
    case a, abbr, b, bdi, bdo, cite, code, em, font, i, kbd, mark, q, s, small, span, strong, sub, sup, time, u
    case `var`, br, wbr, ins, del, dfn, samp, big, strike, tt, nobr
    // block
    case p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd, blockquote, pre, table
    case tr, td, th, tbody, thead, tfoot, figure, address, hr, form, fieldset, center, caption, details, summary
    case img, picture, source

    static let byName: [String: HTMLTag] = {
        var d: [String: HTMLTag] = [:]
        for t in HTMLTag.allCases where t != .other && t != .text { d["\(t)"] = t }
        return d
    }()

    /// The tag for a lowercase element name.
    public init(name: String) { self = Self.byName[name] ?? .other }

    public var isHeading: Bool { self == .h1 || self == .h2 || self == .h3 || self == .h4 || self == .h5 || self == .h6 }

    /// Elements that run inside a line of text.
    public var isInline: Bool { rawValue >= HTMLTag.a.rawValue && rawValue <= HTMLTag.nobr.rawValue }

    /// Elements that start a new block of text (paragraph breaks around them).
    public var isBlock: Bool {
        (rawValue >= HTMLTag.p.rawValue && rawValue <= HTMLTag.summary.rawValue)
            || self == .header || self == .footer || self == .figcaption
    }
}
