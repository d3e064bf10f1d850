import Foundation
import SalvoModel

/// Writes extraction results to stdout as they come (JSON Lines, one JSON array, or a table).
struct ExtractionOutput {
    let format: OutputFormat
    private var wroteAny = false
    private var out = StandardOutput()
    /// One document's JSON; reused so writing a document allocates nothing once it has grown.
    private var json = JSONWriter(capacity: 1 << 16)

    init(format: OutputFormat) {
        self.format = format
        if format == .table {
            out.write("id\tdate\tattacker\tquantity\tweapon\tmodel\tvalue\tqualifier\tplace\tclaimant\n")
        }
    }

    mutating func write(_ doc: ExtractedDocument) {
        switch format {
        case .jsonl:
            writeJSON(doc)
            out.write("\n")
        case .json:
            out.write(wroteAny ? ",\n" : "[\n")
            writeJSON(doc)
        case .table:
            for event in doc.events {
                for f in event.figures {
                    let cells: [String] = [
                        doc.id, (f.date ?? event.date)?.description ?? "-", event.attacker?.rawValue ?? "-",
                        f.quantity.rawValue, f.weapon?.rawValue ?? "-", f.model ?? "-", String(f.value),
                        f.qualifier.rawValue, f.place ?? event.places.first?.name ?? "-", f.claimant.rawValue,
                    ]
                    out.write(cells.joined(separator: "\t") + "\n")
                }
            }
        }
        wroteAny = true
    }

    mutating func finish() {
        if format == .json { out.write(wroteAny ? "\n]\n" : "[]\n") }
        out.flush()
    }

    private mutating func writeJSON(_ doc: ExtractedDocument) {
        json.removeAll()
        doc.write(to: &json)
        out.write(json.bytes)
    }
}

/// Buffered stdout: one write per 64 KB instead of one per line.
struct StandardOutput {
    private var buffer: [UInt8] = []

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
