import Foundation
import SalvoExtract
import SalvoModel
import Testing

/// Runs the dev corpus in `../shared` (third-party articles, never copied into the project)
/// through the extractor and the official scorer, and holds the acceptance thresholds.
@Suite struct DevSetScoreTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let shared = root.appendingPathComponent("../shared").standardized
    static var available: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("eval/score.py").path) }

    func extractDevSet() throws -> URL {
        let extractor = Extractor()
        var out = Data()
        for name in ["dev-a.jsonl", "dev-b.jsonl"] {
            let text = try String(contentsOf: Self.shared.appendingPathComponent("corpus/\(name)"), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.isEmpty {
                let doc = try JSONDecoder().decode(Document.self, from: Data(line.utf8))
                out.append(contentsOf: extractor.extract(doc).jsonBytes)
                out.append(0x0A)
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("salvo-dev-\(UUID().uuidString).jsonl")
        try out.write(to: file)
        return file
    }

    func score(_ file: URL, full: Bool) throws -> [String: Any] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.shared.appendingPathComponent("eval/score.py").path,
                       Self.shared.appendingPathComponent("corpus/dev").path, file.path, "--json"] + (full ? ["--full"] : [])
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    @Test func devSetMeetsTheAcceptanceScores() throws {
        guard Self.available else {
            print("DevSetScoreTests: ../shared/eval not found; skipping the dev-set score")
            return
        }
        let file = try extractDevSet()
        defer { try? FileManager.default.removeItem(at: file) }
        let figure = try score(file, full: false)
        let full = try score(file, full: true)
        let f1 = figure["f1"] as? Double ?? 0
        let fullF1 = full["f1"] as? Double ?? 0
        print("dev set: figure F1 \(f1), full F1 \(fullF1)")
        #expect(f1 >= 0.85)
        #expect(fullF1 >= 0.70)
        for (language, counts) in figure["languages"] as? [String: [String: Int]] ?? [:] {
            let tp = Double(counts["tp"] ?? 0), fp = Double(counts["fp"] ?? 0), fn = Double(counts["fn"] ?? 0)
            let lf1 = tp + fp + fn > 0 ? 2 * tp / (2 * tp + fp + fn) : 0
            #expect(lf1 >= 0.75, "language \(language): F1 \(lf1)")
        }
    }

    @Test func negativeDocumentsYieldNoFigures() throws {
        guard Self.available else {
            print("DevSetScoreTests: ../shared/corpus not found; skipping the negative documents")
            return
        }
        let file = try extractDevSet()
        defer { try? FileManager.default.removeItem(at: file) }
        for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            guard let id = object["id"] as? String, ["046", "047", "056", "057"].contains(id) else { continue }
            let events = object["events"] as? [[String: Any]] ?? []
            #expect(events.flatMap { $0["figures"] as? [Any] ?? [] }.isEmpty, "negative document \(id)")
        }
    }
}
