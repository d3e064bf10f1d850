import SalvoModel

/// Figures that are not about the attack a document reports: shares of a total that only repeat
/// part of it without saying where.
enum Background {
    /// The drafts that count the document's own attack.
    static func currentAttack(_ drafts: [FigureDraft]) -> [FigureDraft] {
        drafts.filter { d in !(d.isBreakdown && d.place?.kind == .country) }
    }
}
