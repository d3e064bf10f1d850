import Foundation

/// Where a PostgreSQL database is: a `postgres://` URL in libpq's form.
///
/// `?host=/dir` names a directory holding the server's Unix socket (as libpq reads it);
/// `?schema=name` keeps Salvo's tables in that schema (created when missing), so one database
/// can hold several Salvo stores; `?sslmode=disable|prefer|require` as libpq.
///
/// ```swift
/// let tcp = try PostgresLocation("postgres://salvo:secret@db.example:5432/news")
/// let local = try PostgresLocation("postgres://salvo@/news?host=/run/postgresql")
/// ```
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable { case disable, prefer, require }

    public var user: String
    public var password: String?
    /// A TCP host; `nil` with `socketDirectory` set.
    public var host: String?
    public var port: Int
    public var socketDirectory: String?
    public var database: String?
    public var schema: String?
    public var tls: TLSMode

    /// Whether a `--db` value names a PostgreSQL database rather than an SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    public struct Invalid: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "not a PostgreSQL URL: \(reason)" }
    }

    public init(_ url: String) throws {
        guard Self.isPostgres(url), let c = URLComponents(string: url) else {
            throw Invalid(reason: "expected postgres://user@host/database")
        }
        user = c.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = c.password
        let path = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
        database = path.isEmpty ? nil : path
        port = c.port ?? 5432
        host = (c.host?.isEmpty ?? true) ? nil : c.host
        tls = .prefer
        for item in c.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "host":
                if value.hasPrefix("/") { socketDirectory = value; host = nil } else { host = value }
            case "port":
                guard let p = Int(value), (1...65535).contains(p) else { throw Invalid(reason: "port '\(value)'") }
                port = p
            case "schema":
                // Interpolated into SQL as an identifier: plain names only.
                guard !value.isEmpty, value.utf8.count <= 63,
                      value.utf8.allSatisfy({ $0 == 0x5F || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }),
                      !(0x30...0x39).contains(value.utf8.first!) else {
                    throw Invalid(reason: "schema '\(value)': use lower-case letters, digits and _")
                }
                schema = value
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else { throw Invalid(reason: "sslmode '\(value)': disable, prefer or require") }
                tls = mode
            case "user": user = value
            case "password": password = value
            default: throw Invalid(reason: "unknown parameter '\(item.name)'")
            }
        }
        if host == nil, socketDirectory == nil { host = "localhost" }
    }

    /// The URL without its password, for logs.
    public var description: String {
        var s = "postgres://\(user)@\(host ?? "")"
        if host != nil, port != 5432 { s += ":\(port)" }
        s += "/" + (database ?? "")
        var query: [String] = []
        if let socketDirectory { query.append("host=\(socketDirectory)") }
        if socketDirectory != nil, port != 5432 { query.append("port=\(port)") }
        if let schema { query.append("schema=\(schema)") }
        return query.isEmpty ? s : s + "?" + query.joined(separator: "&")
    }

    /// libpq's socket file in `socketDirectory`.
    var socketPath: String? { socketDirectory.map { "\($0)/.s.PGSQL.\(port)" } }
}
