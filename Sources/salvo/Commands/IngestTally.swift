import SalvoStore

/// Counts of one ingest run, for the progress line and the closing summary.
struct IngestTally {
    var new = 0
    var updated = 0
    var unchanged = 0
    var failed = 0
    var eventsNew = 0
    var eventsUpdated = 0
    var eventsMerged = 0

    var documents: Int { new + updated + unchanged + failed }

    mutating func add(_ outcome: IngestOutcome) {
        switch outcome.document {
        case .new: new += 1
        case .updated: updated += 1
        case .unchanged: unchanged += 1
        }
        eventsNew += outcome.eventsCreated
        eventsUpdated += outcome.eventsUpdated
        eventsMerged += outcome.eventsMerged
    }

    /// `documents: 12 new, 1 updated, 3 unchanged, 0 failed; events: 5 new, 4 updated, 1 merged`
    /// (merged: stored events found to be part of another and folded into it).
    var summary: String {
        "documents: \(new) new, \(updated) updated, \(unchanged) unchanged, \(failed) failed; "
            + "events: \(eventsNew) new, \(eventsUpdated) updated, \(eventsMerged) merged"
    }
}
