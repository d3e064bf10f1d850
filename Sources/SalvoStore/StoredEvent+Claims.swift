import SalvoModel

/// One quantity of an event (per weapon class for weapons): its distinct claims in the order
/// they were first reported, so a toll rising 3 → 7 → 23 reads as a line.
public struct ClaimLine: Sendable, Equatable {
    public var quantity: Quantity
    public var weapon: WeaponClass?
    public var claims: [DistinctClaim]
}

/// A value one side stated about one place, once, with every document that stated it.
public struct DistinctClaim: Sendable, Equatable {
    public var value: Int
    public var place: String?
    public var claimant: Claimant
    public var documents: [String]
}

extension StoredEvent {
    /// Per row of `summary`, the distinct claims by report time (`documents` is in that order:
    /// publication day, then arrival).
    public var claimLines: [ClaimLine] {
        var rank: [String: Int] = [:]
        for (i, d) in documents.enumerated() where rank[d] == nil { rank[d] = i }
        let ordered = figures.enumerated().sorted { a, b in
            (rank[a.element.document] ?? .max, a.offset) < (rank[b.element.document] ?? .max, b.offset)
        }.map(\.element)
        return summary.map { row in
            var claims: [DistinctClaim] = []
            for f in ordered where f.figure.quantity == row.quantity && (row.quantity.isCasualty || f.figure.weapon == row.weapon) {
                if let i = claims.firstIndex(where: { $0.value == f.figure.value && $0.place == f.figure.place && $0.claimant == f.figure.claimant }) {
                    if !claims[i].documents.contains(f.document) { claims[i].documents.append(f.document) }
                } else {
                    claims.append(DistinctClaim(value: f.figure.value, place: f.figure.place, claimant: f.figure.claimant, documents: [f.document]))
                }
            }
            return ClaimLine(quantity: row.quantity, weapon: row.weapon, claims: claims)
        }
    }
}

extension HeadlineRule {
    /// The rule in one sentence, for outputs and the page.
    public static let statement = "Headline: the latest figure from the side that was attacked (its officials before outlets); "
        + "a nationwide total before a sum over places; \"disputed\" when official sides' latest figures differ."
}
