import PacteEvents

/// The French (and English) words of every enumerated value of the format, one table per
/// enum: accepted on input whatever the case, accents and gender, shown in output. The
/// ledger keeps storing the format's code. The CLI and the documents share these tables.
///
/// ```swift
/// Vocabulary.voteOutcome.value("Adoptée")                 // .adopted
/// Vocabulary.partnerKind.label(.state, in: .french)       // "État"
/// ```
public enum Vocabulary {
    /// `approval.voted` and `commitment.voted` `outcome`.
    public static let voteOutcome = WordTable<VoteOutcome>([
        .init(.adopted, code: "adopted", french: "adopté", english: "adopted",
              aliases: ["adoptée", "adoptés", "adoptées", "approuvé", "approuvée"]),
        .init(.rejected, code: "rejected", french: "rejeté", english: "rejected",
              aliases: ["rejetée", "rejetés", "rejetées"]),
        .init(.deferred, code: "deferred", french: "ajourné", english: "deferred",
              aliases: ["ajournée", "ajournés", "ajournées", "reporté", "reportée"]),
    ])

    /// `extension.decided` `decision`.
    public static let extensionDecision = WordTable<ExtensionDecided.Decision>([
        .init(.granted, code: "granted", french: "accordée", english: "granted",
              aliases: ["accordé", "accordés", "accordées", "acceptée", "accepté"]),
        .init(.refused, code: "refused", french: "refusée", english: "refused",
              aliases: ["refusé", "refusés", "refusées"]),
    ])

    /// `Partner.kind`.
    public static let partnerKind = WordTable<Partner.Kind>([
        .init(.state, code: "state", french: "État", english: "State", aliases: ["Etat"]),
        .init(.region, code: "region", french: "région", english: "region", aliases: ["conseil régional"]),
        .init(.department, code: "department", french: "département", english: "département",
              aliases: ["departement", "conseil départemental"]),
        .init(.epci, code: "epci", french: "EPCI", english: "EPCI", aliases: ["intercommunalité"]),
        .init(.commune, code: "commune", french: "commune", english: "commune", aliases: ["municipality", "mairie"]),
        .init(.ccas, code: "ccas", french: "CCAS", english: "CCAS"),
        .init(.caf, code: "caf", french: "CAF", english: "CAF"),
        .init(.cpam, code: "cpam", french: "CPAM", english: "CPAM"),
        .init(.msa, code: "msa", french: "MSA", english: "MSA"),
        .init(.franceTravail, code: "france-travail", french: "France Travail", english: "France Travail"),
        .init(.association, code: "association", french: "association", english: "association"),
        .init(.other, code: "other", french: "autre", english: "other", aliases: ["autres"]),
    ])

    /// `FundingLine.basis`.
    public static let fundingBasis = WordTable<FundingLine.Basis>([
        .init(.dedicated, code: "dedicated", french: "crédits dédiés au pacte", english: "dedicated to the pact",
              aliases: ["dédié", "dédiée", "dédiés", "dédiées", "crédits dédiés", "crédit dédié"]),
        .init(.commonLawContracted, code: "common-law-contracted", french: "droit commun contractualisé",
              english: "common law, contracted", aliases: ["contractualisé", "contractualisée"]),
        .init(.commonLaw, code: "common-law", french: "droit commun non contractualisé", english: "common law",
              aliases: ["droit commun", "non contractualisé"]),
    ])

    /// `action.closed` `outcome`.
    public static let actionOutcome = WordTable<ActionClosed.Outcome>([
        .init(.completed, code: "completed", french: "réalisée", english: "completed",
              aliases: ["réalisé", "terminée", "terminé", "achevée", "achevé"]),
        .init(.abandoned, code: "abandoned", french: "abandonnée", english: "abandoned", aliases: ["abandonné"]),
    ])

    /// `pact.closed` `reason`.
    public static let closureReason = WordTable<PactClosed.Reason>([
        .init(.term, code: "term", french: "arrivé à son terme", english: "reached its term",
              aliases: ["terme", "échéance", "arrivée à son terme", "fin"]),
        .init(.terminated, code: "terminated", french: "résilié", english: "terminated",
              aliases: ["résiliée", "résiliation"]),
    ])

    /// `partner.joined` `via`.
    public static let partnerVia = WordTable<PartnerJoined.Via>([
        .init(.initial, code: "initial", french: "partenaire initial", english: "initial partner",
              aliases: ["initiale", "partenaire initiale"]),
        .init(.adhesion, code: "adhesion", french: "adhésion", english: "adhesion", aliases: ["adhérent", "adhérente"]),
    ])

    /// `ActionSheet.participation.stages`.
    public static let participationStage = WordTable<ActionSheet.Participation.Stage>([
        .init(.design, code: "design", french: "conception", english: "design"),
        .init(.implementation, code: "implementation", french: "mise en œuvre", english: "implementation"),
        .init(.evaluation, code: "evaluation", french: "évaluation", english: "evaluation"),
    ])

    /// The publics the guidance names (``PublicWords`` adds `other:…`).
    public static let namedPublic = WordTable<PublicKind>([
        .init(.children, code: "children", french: "enfants", english: "children", aliases: ["enfant", "enfance"]),
        .init(.youth, code: "youth", french: "jeunes", english: "youth", aliases: ["jeune", "jeunesse"]),
        .init(.singleParentFamilies, code: "single-parent-families", french: "familles monoparentales",
              english: "single-parent families", aliases: ["famille monoparentale", "monoparentales"]),
        .init(.excluded, code: "excluded", french: "personnes exclues", english: "excluded people",
              aliases: ["exclus", "exclues", "personnes exclues", "personne exclue"]),
        .init(.workingPoor, code: "working-poor", french: "travailleurs pauvres", english: "working poor",
              aliases: ["travailleur pauvre", "travailleuses pauvres"]),
    ])
}
