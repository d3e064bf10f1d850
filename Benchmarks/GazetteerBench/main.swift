// Gazetteer benchmark and dev-set check: load time, matching throughput, recall of gold places.
//
//   swift run -c release gazetteer-bench [CORPUS_DIR] [--verbose]
// Times are CPU time of the benchmark thread (one core).
//
// CORPUS_DIR (default ../shared/corpus/dev) holds NNN.txt and NNN.gold.json; without it the
// throughput runs on generated text and the recall check is skipped.
import Foundation
import SalvoModel
import SalvoText

// CPU time of this thread: the build machine is shared, and wall time would count other jobs.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = CommandLine.arguments.dropFirst()
let corpus = args.first { !$0.hasPrefix("-") } ?? "../shared/corpus/dev"
let verbose = args.contains("--verbose")

// Load: parse + compile, as Gazetteer.shared does on first use.
let data = try Gazetteer.bundledDataForBenchmark()
var loads: [Double] = []
var gazetteer = try Gazetteer(tsv: data)
for _ in 0..<5 {
    let t0 = now()
    gazetteer = try Gazetteer(tsv: data)
    loads.append((now() - t0) * 1000)
}
let t0 = now()
_ = Gazetteer.shared.places.count
let sharedMs = (now() - t0) * 1000
print(String(format: "load: %.1f ms first (Gazetteer.shared, with file read), %.1f ms median of 5 (parse + compile); %d places, %.2f MB",
             sharedMs, loads.sorted()[2], gazetteer.places.count, Double(data.count) / 1e6))

// For comparison: the same forms compiled by SalvoText's general Automaton.
var patterns: [Automaton.Pattern] = []
for line in data.split(separator: 0x0A) where line.first != 0x23 {
    guard let formsField = line.split(separator: 0x09, omittingEmptySubsequences: false).last else { continue }
    for f in formsField.split(separator: 0x7C) { patterns.append(.init(bytes: Array(f), payload: Int32(patterns.count))) }
}
let ta = now()
let automaton = Automaton(patterns: patterns)
print(String(format: "(Automaton(patterns:) on the same %d forms: %.1f ms, %d nodes)", patterns.count, (now() - ta) * 1000, automaton.nodeCount))

// Texts: the corpus documents, or generated sentences.
let fm = FileManager.default
var docs: [(id: String, text: String)] = []
if let names = try? fm.contentsOfDirectory(atPath: corpus) {
    for n in names.sorted() where n.hasSuffix(".txt") {
        if let t = try? String(contentsOfFile: corpus + "/" + n, encoding: .utf8) { docs.append((String(n.dropLast(4)), t)) }
    }
}
let sample = docs.isEmpty
    ? String(repeating: "Russian drones struck Kharkiv and the Odesa region overnight; у Херсоні та Києві лунали вибухи, в Севастополе тоже. ", count: 2000)
    : docs.map(\.text).joined(separator: "\n")
var big = ""
while big.utf8.count < 50_000_000 { big += sample; big += "\n" }
let folded = FoldedText(big)
var count = 0
let t1 = now()
for _ in 0..<3 { count += gazetteer.mentions(in: folded).count }
let secs = (now() - t1) / 3
print(String(format: "match: %.0f MB/s on %.1f MB of folded %@ text (%d mentions a pass)",
             Double(folded.bytes.count) / 1e6 / secs, Double(folded.bytes.count) / 1e6,
             docs.isEmpty ? "generated" : "corpus", count / 3))
let t3 = now()
var raw = 0
for _ in 0..<3 { raw += gazetteer.matchCount(in: folded) }
print(String(format: "match (trie walk only, no PlaceMention values): %.0f MB/s", Double(folded.bytes.count) / 1e6 / ((now() - t3) / 3)))
let t2 = now()
_ = FoldedText(big)
print(String(format: "fold + match: %.0f MB/s", Double(big.utf8.count) / 1e6 / ((now() - t2) + secs)))

// Recall of gold places, and every place found, for review.
guard !docs.isEmpty else { print("recall: skipped (no corpus at \(corpus))"); exit(0) }
var gold = 0, found = 0
var missing: [String] = []
var seen: [String: Int] = [:]
for doc in docs {
    let text = FoldedText(doc.text)
    let mentions = gazetteer.mentions(in: text)
    let names = Set(mentions.map(\.place.name))
    for m in mentions {
        let surface = text.string(m.range)
        seen["\(m.place.name) ← \(surface)", default: 0] += 1
    }
    if verbose { print(doc.id, names.sorted().joined(separator: ", ")) }
    let url = URL(fileURLWithPath: corpus + "/" + doc.id + ".gold.json")
    guard let d = try? Data(contentsOf: url),
          let json = try? JSONSerialization.jsonObject(with: d) as? [String: Any] else { continue }
    var wanted = Set<String>()
    for f in json["figures"] as? [[String: Any]] ?? [] {
        if let p = f["place"] as? String { wanted.insert(p) }
    }
    for w in wanted.sorted() {
        gold += 1
        if names.contains(w) { found += 1 } else { missing.append("\(doc.id): \(w)") }
    }
}
print(String(format: "recall of gold places (document level): %d/%d = %.2f", found, gold, Double(found) / Double(max(gold, 1))))
if !missing.isEmpty { print("missing: " + missing.joined(separator: "; ")) }
if verbose {
    print("all matches (place ← surface: count):")
    for (k, v) in seen.sorted(by: { $0.key < $1.key }) { print("  \(k): \(v)") }
}
