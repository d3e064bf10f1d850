import Foundation
import SalvoModel

/// Reads back the report columns `CompactJSON` writes. A writer refreshing its cache reads every
/// report other writers stored, and Foundation's decoder was most of that time; the reader here
/// knows the one shape the writer produces and hands anything else to the decoder.
///
/// ```swift
/// let places = try CompactJSON.decodePlaces(#"[{"name":"Kyiv","geonameid":null,…}]"#)
/// ```
extension CompactJSON {
    static func decodePlaces(_ json: String) throws -> [Place] {
        var text = json
        if let fast = text.withUTF8({ b -> [Place]? in var r = Reader(bytes: b); return r.places() }) { return fast }
        return try JSONDecoder().decode([Place].self, from: Data(json.utf8))
    }

    static func decodeStrings(_ json: String) throws -> [String] {
        var text = json
        if let fast = text.withUTF8({ b -> [String]? in var r = Reader(bytes: b); return r.strings() }) { return fast }
        return try JSONDecoder().decode([String].self, from: Data(json.utf8))
    }

    /// A cursor over the bytes of one column; every method returns `nil` where the input is not
    /// exactly what `CompactJSON` writes.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func places() -> [Place]? {
            var out: [Place] = []
            guard take("[") else { return nil }
            if take("]") { return i == bytes.count ? out : nil }
            repeat {
                guard take("{\"name\":"), let name = string(),
                      take(",\"geonameid\":"), let id = optional({ $0.integer() }),
                      take(",\"admin1\":"), let admin1 = optional({ $0.string() }),
                      take(",\"country\":"), let country = optional({ $0.string() }),
                      take(",\"lat\":"), let lat = optional({ $0.double() }),
                      take(",\"lon\":"), let lon = optional({ $0.double() }),
                      take(",\"kind\":"), let k = string(), let kind = Place.Kind(rawValue: k), take("}")
                else { return nil }
                out.append(Place(name: name, geonameid: id, admin1: admin1, country: country, lat: lat, lon: lon, kind: kind))
            } while take(",")
            return take("]") && i == bytes.count ? out : nil
        }

        mutating func strings() -> [String]? {
            var out: [String] = []
            guard take("[") else { return nil }
            if take("]") { return i == bytes.count ? out : nil }
            repeat {
                guard let s = string() else { return nil }
                out.append(s)
            } while take(",")
            return take("]") && i == bytes.count ? out : nil
        }

        /// `.some(nil)` for `null`, `.some(value)` for a value, `nil` for anything else.
        private mutating func optional<T>(_ value: (inout Reader) -> T?) -> T?? {
            if take("null") { return .some(nil) }
            guard let v = value(&self) else { return nil }
            return .some(v)
        }

        private mutating func take(_ literal: StaticString) -> Bool {
            let n = literal.utf8CodeUnitCount
            guard bytes.count - i >= n else { return false }
            let p = literal.utf8Start
            for k in 0..<n where bytes[i + k] != p[k] { return false }
            i += n
            return true
        }

        /// A string literal, unescaped as the record parser does.
        private mutating func string() -> String? {
            JSONScan.withString(bytes, &i, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
        }

        private mutating func number() -> Substring? {
            let start = i
            while i < bytes.count, Self.numberByte(bytes[i]) { i += 1 }
            guard i > start else { return nil }
            return Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
        }

        private static func numberByte(_ b: UInt8) -> Bool {
            (0x30...0x39).contains(b) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45
        }

        private mutating func integer() -> Int? { number().flatMap { Int($0) } }

        private mutating func double() -> Double? {
            guard let s = number(), let v = Double(s), v.isFinite else { return nil }
            return v
        }
    }
}
