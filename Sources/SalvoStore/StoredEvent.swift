import SalvoModel

/// An event merged across documents, with every claim behind it.
public struct StoredEvent: Codable, Sendable, Equatable {
    public var id: String
    public var date: Day?
    public var attacker: Belligerent?
    public var places: [Place]
    public var targets: [String]
    /// Input ids of the documents that report it.
    public var documents: [String]
    /// Every claim, as extracted, with the document it came from.
    public var figures: [StoredFigure]
    /// Per quantity (and weapon class): the range across claims and the headline value chosen by rule.
    public var summary: [FigureSummary]

    public init(id: String, date: Day?, attacker: Belligerent?, places: [Place], targets: [String],
                documents: [String], figures: [StoredFigure], summary: [FigureSummary]) {
        self.id = id
        self.date = date
        self.attacker = attacker
        self.places = places
        self.targets = targets
        self.documents = documents
        self.figures = figures
        self.summary = summary
    }
}

/// A figure of the extract contract plus `document`, the input id it came from.
public struct StoredFigure: Codable, Sendable, Equatable {
    public var figure: Figure
    public var document: String

    public init(figure: Figure, document: String) {
        self.figure = figure
        self.document = document
    }

    enum CodingKeys: String, CodingKey { case document }

    // Flattened: the contract's figure fields and `document` side by side in one object.
    public init(from decoder: any Decoder) throws {
        figure = try Figure(from: decoder)
        document = try decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .document)
    }

    public func encode(to encoder: any Encoder) throws {
        try figure.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
    }
}

/// One quantity of one event across all its claims.
public struct FigureSummary: Codable, Sendable, Equatable {
    public var quantity: Quantity
    public var weapon: WeaponClass?
    public var minimum: Int
    public var maximum: Int
    /// The value chosen by the headline rule (latest official figure of the side that counts it).
    public var headline: Int
    public var headlineClaimant: Claimant
    /// Sides disagree on this quantity.
    public var conflict: Bool

    public init(quantity: Quantity, weapon: WeaponClass?, minimum: Int, maximum: Int, headline: Int,
                headlineClaimant: Claimant, conflict: Bool) {
        self.quantity = quantity
        self.weapon = weapon
        self.minimum = minimum
        self.maximum = maximum
        self.headline = headline
        self.headlineClaimant = headlineClaimant
        self.conflict = conflict
    }
}

/// A stored document as the API and `salvo show` present it.
public struct StoredDocument: Codable, Sendable, Equatable {
    public var id: String
    public var url: String?
    public var title: String?
    public var language: String?
    public var published: Day?
    public var text: String
    public var eventIDs: [String]

    public init(id: String, url: String?, title: String?, language: String?, published: Day?, text: String, eventIDs: [String]) {
        self.id = id
        self.url = url
        self.title = title
        self.language = language
        self.published = published
        self.text = text
        self.eventIDs = eventIDs
    }
}

/// One day's totals for the timeline.
public struct DailyStat: Codable, Sendable, Equatable {
    public var date: Day
    public var weapon: WeaponClass?
    public var launched: Int
    public var intercepted: Int
    public var killed: Int
    public var injured: Int

    public init(date: Day, weapon: WeaponClass?, launched: Int, intercepted: Int, killed: Int, injured: Int) {
        self.date = date
        self.weapon = weapon
        self.launched = launched
        self.intercepted = intercepted
        self.killed = killed
        self.injured = injured
    }
}

/// A full-text search hit.
public struct DocumentHit: Codable, Sendable, Equatable {
    public var id: String
    public var title: String?
    /// A short passage around the match.
    public var snippet: String

    public init(id: String, title: String?, snippet: String) {
        self.id = id
        self.title = title
        self.snippet = snippet
    }
}
