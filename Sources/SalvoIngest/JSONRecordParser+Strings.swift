import Foundation
import SalvoModel

extension JSONRecordParser {
    /// The JSON string at `i` (on its opening quote), unescaped; `nil` if malformed or not valid UTF-8.
    ///
    /// ```swift
    /// var i = 0
    /// parser.string(bytes(#""Ж\u0416""#), &i)   // "ЖЖ", i == 10
    /// ```
    mutating func string(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> String? {
        withString(b, &i, Self.validString) ?? nil
    }

    /// The bytes as a String if they are valid UTF-8. Decoding repairs bad bytes into U+FFFD, so a
    /// copy that differs from the input means it was not valid; both steps are cheaper than
    /// `String(validating:)`, whose generic path shows in profiles.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: bytes, as: UTF8.self)
        let same = s.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
        return same ? s : nil
    }

    /// Calls `body` with the unescaped bytes of the JSON string at `i`; see `JSONScan.withString`.
    mutating func withString<R>(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        JSONScan.withString(b, &i, scratch: &scratch, body)
    }
}
