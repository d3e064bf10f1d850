import CLibFuzzer
import Foundation

/// The target this process fuzzes, read once from `SALVO_FUZZ_TARGET` before the first input.
nonisolated(unsafe) private var selected = FuzzTarget.jsonl
/// `SALVO_FUZZ_REPEAT=k` feeds every input k times over, so that a time-out (`-timeout=`) finds
/// inputs whose cost grows faster than their length.
nonisolated(unsafe) private var repeatCount = 1
/// `SALVO_FUZZ_SKIP_LONG_NUMBERS=1` passes over inputs with a digit run of 12 or more digits: the
/// overflow class of `NumberReader` (issue 11, fixed since), so that fuzzing a revision before the
/// fix gets past it to what lies behind. Off by default.
nonisolated(unsafe) private var skipLongNumbers = false

/// The process entry point (SwiftPM aliases `main` to it); the rest of the command line is libFuzzer's.
@_cdecl("salvo_fuzz_main")
public func salvoFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    let env = ProcessInfo.processInfo.environment
    guard let name = env["SALVO_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " ")
        FileHandle.standardError.write(Data("salvo-fuzz: set SALVO_FUZZ_TARGET to one of: \(names)\n".utf8))
        return 2
    }
    selected = target
    repeatCount = max(1, min(10_000, Int(env["SALVO_FUZZ_REPEAT"] ?? "") ?? 1))
    skipLongNumbers = env["SALVO_FUZZ_SKIP_LONG_NUMBERS"] == "1"
    target.prepare()
    var count = argc
    var args: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &args) { data, size in
        var bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
        if repeatCount > 1 {
            let one = bytes
            bytes.reserveCapacity(one.count * repeatCount)
            for _ in 1..<repeatCount { bytes.append(contentsOf: one) }
        }
        // After repeating: the copies of a short number may join into a long one.
        if skipLongNumbers, bytes.withUnsafeBufferPointer(hasLongNumber) { return 0 }
        selected.run(bytes)
        return 0
    }
}

/// Whether some run of digits, with single separators or any spaces and control bytes between them
/// (the folding turns those into one space), has 12 digits or more.
func hasLongNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var digits = 0
    var afterSeparator = false
    for b in bytes {
        if b >= 0x30 && b <= 0x39 {
            digits += 1
            if digits >= 12 { return true }
            afterSeparator = false
        } else if digits > 0 && b <= 0x20 && b != 0x0A {
            continue    // spaces and control bytes, however many, fold into one space between groups
        } else if digits > 0 && !afterSeparator && b != 0x0A && !(b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) {
            afterSeparator = true
        } else {
            digits = 0
            afterSeparator = false
        }
    }
    return false
}
