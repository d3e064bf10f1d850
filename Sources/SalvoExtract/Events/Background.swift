import SalvoModel

/// Figures that are not about the attack a document reports: context from an earlier attack ("on
/// Monday Russia had attacked with 30 drones, all shot down"), and shares of a total that only repeat
/// part of it without saying where.
enum Background {
    /// How many days before the document's attack a figure must lie to be context rather than the
    /// same night: an overnight attack is often dated by the evening it began.
    static let contextDays = 2

    /// The drafts that count the document's own attack. `attackDay` is the day its lead gives.
    static func currentAttack(_ drafts: [FigureDraft], attackDay: Day?) -> [FigureDraft] {
        // The reference is the lead's day when figures carry it, else the day of the first figure.
        let day = attackDay.flatMap { d in drafts.contains { $0.date == d } ? d : nil } ?? drafts.first?.date
        return drafts.filter { d in
            if d.isBreakdown && d.place?.kind == .country { return false }
            if let day, let own = d.date, own.ordinal <= day.ordinal - contextDays { return false }
            return true
        }
    }
}
