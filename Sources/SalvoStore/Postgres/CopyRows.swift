import NIOCore
import PostgresNIO

/// Rows for `COPY … FROM STDIN` in PostgreSQL's text format: a line per row, columns apart by
/// tabs, `\N` for null, and backslash, tab, newline and carriage return escaped.
///
/// A batch's rows went in as multi-row `INSERT`s of up to fifteen parameters a row, each parsed
/// and planned as one statement of thousands of parameters; `COPY` streams them.
///
/// ```swift
/// var rows = CopyRows(table: "figure", columns: ["document_id", "sentence"])
/// rows.add(17); rows.add("Two were injured."); rows.endRow()
/// try await rows.send(conn, logger: logger)
/// ```
struct CopyRows {
    let table: String
    let columns: [String]
    private var bytes: [UInt8] = []
    private var column = 0
    private(set) var count = 0

    init(table: String, columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func add(_ value: Int?) {
        separate()
        guard let value else { bytes.append(contentsOf: Self.null); return }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func add(_ value: String?) {
        separate()
        guard let value else { bytes.append(contentsOf: Self.null); return }
        var text = value
        text.withUTF8 { utf8 in
            var start = 0
            for (i, b) in utf8.enumerated() {
                let escaped: UInt8
                switch b {
                case 0x5C: escaped = 0x5C
                case 0x09: escaped = 0x74
                case 0x0A: escaped = 0x6E
                case 0x0D: escaped = 0x72
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                bytes.append(0x5C)
                bytes.append(escaped)
                start = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    mutating func endRow() {
        bytes.append(0x0A)
        column = 0
        count += 1
    }

    private mutating func separate() {
        if column > 0 { bytes.append(0x09) }
        column += 1
    }

    private static let null: [UInt8] = Array("\\N".utf8)

    func send(_ conn: PostgresConnection, logger: Logger) async throws {
        guard count > 0 else { return }
        try await conn.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(ByteBuffer(bytes: bytes))
        }
    }
}
