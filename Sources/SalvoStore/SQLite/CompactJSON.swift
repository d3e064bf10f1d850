import SalvoModel

/// Writes the JSON columns of the `event` table by hand: Foundation's encoder was a tenth of
/// the ingest time. The output decodes with the types' `Codable` conformances.
enum CompactJSON {
    static func places(_ places: [Place]) -> String {
        var out = "["
        for (i, p) in places.enumerated() {
            if i > 0 { out += "," }
            out += "{\"name\":"
            string(p.name, &out)
            out += ",\"geonameid\":" + (p.geonameid.map(String.init) ?? "null")
            out += ",\"admin1\":"
            optional(p.admin1, &out)
            out += ",\"country\":"
            optional(p.country, &out)
            out += ",\"lat\":" + number(p.lat) + ",\"lon\":" + number(p.lon)
            out += ",\"kind\":\"" + p.kind.rawValue + "\"}"
        }
        return out + "]"
    }

    static func strings(_ values: [String]) -> String {
        var out = "["
        for (i, v) in values.enumerated() {
            if i > 0 { out += "," }
            string(v, &out)
        }
        return out + "]"
    }

    static func summary(_ rows: [FigureSummary]) -> String {
        var out = "["
        for (i, s) in rows.enumerated() {
            if i > 0 { out += "," }
            out += "{\"quantity\":\"\(s.quantity.rawValue)\",\"weapon\":" + (s.weapon.map { "\"\($0.rawValue)\"" } ?? "null")
            out += ",\"minimum\":\(s.minimum),\"maximum\":\(s.maximum),\"headline\":\(s.headline)"
            out += ",\"headline_claimant\":\"\(s.headlineClaimant.rawValue)\",\"conflict\":\(s.conflict)}"
        }
        return out + "]"
    }

    private static func number(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "null" }
        return String(v)
    }

    static func optional(_ s: String?, _ out: inout String) {
        if let s { string(s, &out) } else { out += "null" }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ s: String, _ out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
