import Foundation
import SalvoIngest

// salvo-html-bench PRED.json FILE.html[.gz]...
// Extracts the main text of every page (gzip read transparently), times the extraction alone
// (files are read first), and writes {"<id>": {"articleBody": ...}} for eval/score_html.py.
let args = Array(CommandLine.arguments.dropFirst())
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: salvo-html-bench PRED.json FILE.html[.gz]...\n".utf8))
    exit(2)
}
var pages: [(String, [UInt8])] = []
for path in args.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else { continue }
    var bytes = [UInt8](data)
    if path.hasSuffix(".gz") {
        do { bytes = try Gzip.inflate(bytes) } catch { FileHandle.standardError.write(Data("\(path): \(error)\n".utf8)); continue }
    }
    var id = (path as NSString).lastPathComponent
    for ext in [".gz", ".html", ".htm"] where id.hasSuffix(ext) { id = String(id.dropLast(ext.count)) }
    pages.append((id, bytes))
}
if ProcessInfo.processInfo.environment["SALVO_DEBUG"] != nil {
    for (id, bytes) in pages { print(id, MainTextFinder.debugDescription(html: bytes)) }
    exit(0)
}
var out: [String: [String: String]] = [:]
let clock = ContinuousClock()
let elapsed = clock.measure {
    for (id, bytes) in pages {
        let page = try? HTMLPage(bytes: bytes)
        out[id] = ["articleBody": page?.text ?? ""]
    }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let json = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
_ = FileManager.default.createFile(atPath: args[0], contents: json)
print(String(format: "salvo: %d pages in %.3f s, %.1f pages/s", pages.count, seconds, Double(pages.count) / seconds))
