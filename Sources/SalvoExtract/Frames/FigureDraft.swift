import SalvoModel
import SalvoText

/// A figure found in a sentence, before attribution, place and date are settled.
struct FigureDraft {
    var quantity: Quantity
    var weapon: WeaponClass?
    var model: String?
    var value: Int
    var qualifier: Qualifier
    /// Token range of the number.
    var number: Range<Int>
    var sentence: Int
    var claimant: Claimant = .media
    var claimantName: String?
    /// The lexicon's canonical role of the claimant ("Air Force", "Mayor"), for where its figures are.
    var claimantRole: String?
    var place: Place?
    var date: Day?
    var attacker: Belligerent?
    /// Stated as a share of a whole ("12 of the 30 drones", "20 of them"), with no type of its own.
    var share: Share?
    /// A share of a figure of the same attack already counted: a breakdown by place, never a
    /// nationwide total of its own.
    var isBreakdown = false
}
