import Hummingbird
import SalvoModel
import SalvoStore

/// Validated query parameters: every name must be known, appear once, and stay short.
///
/// ```swift
/// let parameters = try QueryParameters(request, allowed: ["since", "until"])
/// let since = try parameters.day("since")
/// ```
struct QueryParameters {
    static let maxValueLength = 500
    private var values: [String: String] = [:]

    init(_ request: Request, allowed: Set<String>) throws {
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                throw APIError.badRequest("unknown parameter '\(name.prefix(40))'; known: \(allowed.sorted().joined(separator: ", "))")
            }
            guard values[name] == nil else { throw APIError.badRequest("\(name): given more than once") }
            guard value.utf8.count <= Self.maxValueLength else {
                throw APIError.badRequest("\(name): longer than \(Self.maxValueLength) bytes")
            }
            values[name] = String(value)
        }
    }

    /// The raw value, `nil` when absent or empty (an empty form field means no filter).
    func string(_ name: String) -> String? {
        guard let v = values[name], !v.isEmpty else { return nil }
        return v
    }

    func day(_ name: String) throws -> Day? {
        guard let v = string(name) else { return nil }
        guard v.utf8.count == 10, let day = Day(v) else { throw APIError.badRequest("\(name): '\(v)' is not a YYYY-MM-DD date") }
        return day
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let v = string(name) else { return nil }
        guard let n = Int(v), range.contains(n) else {
            throw APIError.badRequest("\(name): '\(v)' is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return n
    }

    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T? where T.RawValue == String {
        guard let v = string(name) else { return nil }
        guard let c = T(rawValue: v) else {
            throw APIError.badRequest("\(name): '\(v)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return c
    }
}

extension EventQuery {
    static let parameterNames: Set<String> = ["since", "until", "place", "attacker", "weapon", "min_killed", "text", "limit", "offset", "sort"]
    static let defaultLimit = 50
    static let maxLimit = 500

    /// The filters of `GET /api/events` (and, without paging, of `GET /api/stats/daily`).
    init(_ p: QueryParameters) throws {
        self.init()
        since = try p.day("since")
        until = try p.day("until")
        if let since, let until, until < since {
            throw APIError.badRequest("until (\(until)) is before since (\(since))")
        }
        place = p.string("place")
        attacker = try p.choice("attacker", Belligerent.self)
        weapon = try p.choice("weapon", WeaponClass.self)
        minKilled = try p.int("min_killed", in: 0...1_000_000)
        text = p.string("text")
        limit = try p.int("limit", in: 1...Self.maxLimit) ?? Self.defaultLimit
        offset = try p.int("offset", in: 0...10_000_000) ?? 0
        sort = try p.choice("sort", Sort.self) ?? .dateDescending
    }
}
