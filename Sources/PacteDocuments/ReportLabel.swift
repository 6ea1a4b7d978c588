import PacteEvents
import PacteProjections

/// The French words for the format's codes (kinds, bases, publics, outcomes…), used by
/// the report and by the French text of `log`, `state` and `history`.
public enum ReportLabel {
    public static func kind(_ kind: Partner.Kind) -> String {
        switch kind {
        case .state: "État"
        case .region: "Région"
        case .department: "Département"
        case .epci: "Intercommunalité (EPCI)"
        case .commune: "Commune"
        case .ccas: "CCAS"
        case .caf: "CAF"
        case .cpam: "CPAM"
        case .msa: "MSA"
        case .franceTravail: "France Travail"
        case .association: "Association"
        case .other: "Autre"
        }
    }

    public static func basis(_ basis: FundingLine.Basis) -> String {
        switch basis {
        case .dedicated: "crédits dédiés au pacte"
        case .commonLawContracted: "droit commun contractualisé"
        case .commonLaw: "droit commun non contractualisé"
        }
    }

    public static func publicKind(_ kind: PublicKind) -> String {
        switch kind {
        case .children: "enfants"
        case .youth: "jeunes"
        case .singleParentFamilies: "familles monoparentales"
        case .excluded: "personnes exclues"
        case .workingPoor: "travailleurs pauvres"
        case .other(let text): text
        }
    }

    public static func publics(_ kinds: [PublicKind]?) -> String {
        guard let kinds, !kinds.isEmpty else { return "—" }
        return kinds.map(publicKind).joined(separator: ", ")
    }

    public static func stage(_ stage: ActionSheet.Participation.Stage) -> String {
        switch stage {
        case .design: "conception"
        case .implementation: "mise en œuvre"
        case .evaluation: "évaluation"
        }
    }

    /// In French the word, in English the format's code.
    public static func vote(_ outcome: VoteOutcome, in language: Language = .french) -> String {
        guard language == .french else { return outcome.rawValue }
        return switch outcome {
        case .adopted: "adopté"
        case .rejected: "rejeté"
        case .deferred: "ajourné"
        }
    }

    /// In French the word, in English the format's code.
    public static func actionOutcome(_ outcome: ActionClosed.Outcome, in language: Language = .french) -> String {
        guard language == .french else { return outcome.rawValue }
        return switch outcome {
        case .completed: "réalisée"
        case .abandoned: "abandonnée"
        }
    }

    /// In French the word, in English the format's code.
    public static func decision(_ decision: ExtensionDecided.Decision, in language: Language = .french) -> String {
        guard language == .french else { return decision.rawValue }
        return switch decision {
        case .granted: "accordée"
        case .refused: "refusée"
        }
    }

    /// In French the word, in English the format's code.
    public static func closure(_ reason: PactClosed.Reason, in language: Language = .french) -> String {
        guard language == .french else { return reason.rawValue }
        return switch reason {
        case .term: "arrivé à son terme"
        case .terminated: "résilié"
        }
    }

    public static func entry(_ entry: PartnerRecord.Entry) -> String {
        switch entry {
        case .porteur: "porteur"
        case .initial: "partenaire initial"
        case .adhesion: "adhésion"
        }
    }

    /// `la convention` → `Convention`, `avenant n° 1`.
    public static func document(_ document: DocumentReference) -> String {
        switch document {
        case .convention: "Convention"
        case .amendment(let number): "Avenant n° \(number)"
        }
    }

    public static func historyKind(_ kind: AmendmentHistory.Entry.Kind) -> String {
        switch kind {
        case .pactDrafted: "projet de pacte rédigé"
        case .partnerJoined: "entrée d'un partenaire"
        case .partnerWithdrew: "retrait d'un partenaire"
        case .prioritySet: "priorité fixée"
        case .priorityWithdrawn: "priorité retirée"
        case .actionAdded: "fiche-action ajoutée"
        case .actionAmended: "fiche-action modifiée"
        case .actionClosed: "action close"
        case .extensionRequested: "demande de prorogation"
        case .extensionDecided: "décision de prorogation"
        case .amendmentProposed: "avenant proposé"
        case .amendmentInForce: "avenant en vigueur"
        case .conventionInForce: "convention en vigueur"
        }
    }

    public static func correctionStatus(_ status: CorrectionRecord.Status) -> String {
        switch status {
        case .applied: "appliquée"
        case .superseded: "remplacée par une correction ultérieure"
        case .retracted: "elle-même retirée"
        case .invalid: "invalide (ignorée)"
        }
    }

    static func severityTone(_ severity: Severity) -> ReportTone {
        switch severity {
        case .error: .bad
        case .warning: .warning
        case .info: .neutral
        }
    }

    static func partnerStateTone(_ state: SigningTimeline.PartnerState) -> ReportTone {
        switch state {
        case .signed: .good
        case .late: .bad
        case .withdrawn: .neutral
        case .votedAwaitingSignature, .awaitingVote, .awaitingSignature: .warning
        }
    }

    /// A JSON scalar for people: text as is, numbers as written, `oui`/`non`.
    static func scalar(_ value: JSONValue?) -> String {
        guard let value else { return "—" }
        switch value {
        case .null: return "—"
        case .bool(let flag): return flag ? "oui" : "non"
        case .number(let number): return number.literal.replacingDecimalPoint()
        case .string(let text): return text
        case .array, .object: return JSONWriter.string(of: value)
        }
    }

    /// The default titles of annexes 1 to 5 in the guidance.
    static func annexTitle(_ number: Int) -> String {
        switch number {
        case 1: "Données INSEE sur les fragilités du territoire"
        case 2: "Éléments du diagnostic départemental particulièrement pertinents pour le territoire"
        case 3: "Plans et schémas régionaux, départementaux et locaux ayant permis d'élaborer les priorités"
        case 4: "Offre existante et travaux en cours des signataires dans les domaines du pacte"
        default: "Fiches-action du pacte local"
        }
    }
}

extension String {
    /// `12.5` → `12,5` (a JSON number written the French way).
    func replacingDecimalPoint() -> String {
        String(map { $0 == "." ? "," : $0 })
    }
}
