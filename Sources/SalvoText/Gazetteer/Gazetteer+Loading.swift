import Foundation
import SalvoModel

/// Why a gazetteer file could not be read.
public struct GazetteerError: Error, CustomStringConvertible, Sendable {
    public var line: Int
    public var reason: String
    public var description: String { line > 0 ? "line \(line): \(reason)" : reason }
}

extension Gazetteer {
    /// Parses a gazetteer TSV (the format `scripts/gazetteer/build.py` writes) and compiles its forms.
    ///
    /// Rows: `geonameid name kind admin1 country lat lon population forms`, tab-separated; `#` lines
    /// are comments; forms are `|`-separated and already folded like `FoldedText`, so they go into the
    /// trie as bytes without folding them again (which keeps the load well under 100 ms).
    ///
    /// ```swift
    /// let g = try Gazetteer(tsv: Array("703448\tKyiv\tcity\tKyiv City\tUA\t50.45\t30.52\t2952301\tkyiv|києві\n".utf8))
    /// ```
    public init(tsv: [UInt8]) throws {
        var places: [Place] = []
        var forms: [(range: Range<Int>, payload: Int32)] = []
        forms.reserveCapacity(tsv.count / 16)
        let trie = try tsv.withUnsafeBufferPointer { buf in
            let n = buf.count
            var lineStart = 0
            var lineNumber = 0
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && buf[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                defer { lineStart = lineEnd + 1 }
                if lineEnd == lineStart || buf[lineStart] == 0x23 { continue }  // empty or '#'
                var fields: [Range<Int>] = []
                fields.reserveCapacity(9)
                var f = lineStart
                for i in lineStart..<lineEnd where buf[i] == 0x09 {
                    fields.append(f..<i)
                    f = i + 1
                }
                fields.append(f..<lineEnd)
                guard fields.count == 9 else {
                    throw GazetteerError(line: lineNumber, reason: "expected 9 tab-separated fields, found \(fields.count)")
                }
                func text(_ k: Int) -> String {
                    String(decoding: UnsafeBufferPointer(rebasing: buf[fields[k]]), as: UTF8.self)
                }
                guard let kind = Place.Kind(rawValue: text(2)) else {
                    throw GazetteerError(line: lineNumber, reason: "unknown kind '\(text(2))'")
                }
                let name = text(1)
                guard !name.isEmpty else { throw GazetteerError(line: lineNumber, reason: "empty name") }
                let admin1 = text(3)
                let country = text(4)
                let place = Place(name: name, geonameid: Int(text(0)),
                                  admin1: admin1.isEmpty ? nil : admin1,
                                  country: country.isEmpty ? nil : country,
                                  lat: Double(text(5)), lon: Double(text(6)), kind: kind)
                let payload = Int32(places.count)
                places.append(place)
                var s = fields[8].lowerBound
                let end = fields[8].upperBound
                while s < end {
                    var e = s
                    while e < end && buf[e] != 0x7C { e += 1 }  // '|'
                    if e > s { forms.append((s..<e, payload)) }
                    s = e + 1
                }
            }
            return PlaceTrie(bytes: buf, forms: forms)
        }
        self.init(places: places, trie: trie)
    }

    /// The bytes of the shipped `places.tsv`.
    static func bundledData() throws -> [UInt8] {
        let url = Bundle.module.url(forResource: "places", withExtension: "tsv", subdirectory: "Resources/gazetteer")
            ?? Bundle.module.url(forResource: "places", withExtension: "tsv", subdirectory: "gazetteer")
            ?? Bundle.module.url(forResource: "places", withExtension: "tsv")
        guard let url else { throw GazetteerError(line: 0, reason: "places.tsv missing from the SalvoText resources") }
        return try [UInt8](Data(contentsOf: url))
    }
}

/// Writes a diagnostic to stderr (the library's only output, for a resource it cannot load).
enum FileHandleStderr {
    static func write(_ s: String) {
        FileHandle.standardError.write(Data(s.utf8))
    }
}

extension Gazetteer {
    /// The shipped data, for the benchmark (which times parsing apart from reading the file).
    public static func bundledDataForBenchmark() throws -> [UInt8] { try bundledData() }
}
