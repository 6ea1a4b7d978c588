import PacteEvents
import PacteProjections
import Testing

/// French words in, French words out: every table read both ways.
@Suite("Vocabulary")
struct VocabularyTests {
    @Test("vote outcomes", arguments: [
        ("adopté", VoteOutcome.adopted), ("Adoptée", .adopted), ("ADOPTES", .adopted), ("adoptées", .adopted),
        ("adopted", .adopted), ("rejeté", .rejected), ("rejetee", .rejected), ("rejected", .rejected),
        ("ajourné", .deferred), ("Ajournée", .deferred), ("deferred", .deferred), ("reporté", .deferred),
    ])
    func voteOutcomeIn(text: String, expected: VoteOutcome) {
        #expect(Vocabulary.voteOutcome.value(text) == expected)
    }

    @Test("extension decisions", arguments: [
        ("accordée", ExtensionDecided.Decision.granted), ("accordé", .granted), ("ACCORDEE", .granted),
        ("granted", .granted), ("refusée", .refused), ("refuse", .refused), ("refused", .refused),
    ])
    func decisionIn(text: String, expected: ExtensionDecided.Decision) {
        #expect(Vocabulary.extensionDecision.value(text) == expected)
    }

    @Test("partner kinds", arguments: [
        ("État", Partner.Kind.state), ("etat", .state), ("state", .state), ("Région", .region),
        ("département", .department), ("Departement", .department), ("department", .department), ("EPCI", .epci),
        ("intercommunalité", .epci), ("commune", .commune), ("ccas", .ccas), ("CAF", .caf), ("cpam", .cpam),
        ("MSA", .msa), ("France Travail", .franceTravail), ("france-travail", .franceTravail),
        ("france_travail", .franceTravail), ("association", .association), ("autre", .other), ("other", .other),
    ])
    func partnerKindIn(text: String, expected: Partner.Kind) {
        #expect(Vocabulary.partnerKind.value(text) == expected)
    }

    @Test("partner kinds shown in French", arguments: [
        (Partner.Kind.state, "État"), (.region, "région"), (.department, "département"), (.epci, "EPCI"),
        (.commune, "commune"), (.ccas, "CCAS"), (.caf, "CAF"), (.cpam, "CPAM"), (.msa, "MSA"),
        (.franceTravail, "France Travail"), (.association, "association"), (.other, "autre"),
    ])
    func partnerKindOut(kind: Partner.Kind, french: String) {
        #expect(Vocabulary.partnerKind.label(kind, in: .french) == french)
    }

    @Test("funding bases", arguments: [
        ("dédiés", FundingLine.Basis.dedicated), ("crédits dédiés au pacte", .dedicated), ("dedicated", .dedicated),
        ("droit commun contractualisé", .commonLawContracted), ("common-law-contracted", .commonLawContracted),
        ("droit commun", .commonLaw), ("common-law", .commonLaw), ("Droit commun non contractualisé", .commonLaw),
    ])
    func basisIn(text: String, expected: FundingLine.Basis) {
        #expect(Vocabulary.fundingBasis.value(text) == expected)
    }

    @Test("closures, vias, stages", arguments: [
        ("réalisée", "completed"), ("abandonné", "abandoned"), ("terme", "term"), ("résiliée", "terminated"),
        ("adhésion", "adhesion"), ("initial", "initial"), ("mise en oeuvre", "implementation"), ("évaluation", "evaluation"),
    ])
    func otherTablesIn(text: String, code: String) {
        let codes = [
            Vocabulary.actionOutcome.value(text).map(\.rawValue), Vocabulary.closureReason.value(text).map(\.rawValue),
            Vocabulary.partnerVia.value(text).map(\.rawValue), Vocabulary.participationStage.value(text).map(\.rawValue),
        ].compactMap { $0 }
        #expect(codes == [code])
    }

    @Test("publics", arguments: [
        ("enfants", "children"), ("Jeunes", "youth"), ("familles monoparentales", "single-parent-families"),
        ("familles-monoparentales", "single-parent-families"), ("single-parent-families", "single-parent-families"),
        ("personnes exclues", "excluded"), ("travailleurs pauvres", "working-poor"), ("working-poor", "working-poor"),
        ("autre : seniors isolés", "other:seniors isolés"), ("other:seniors", "other:seniors"), ("Autre:gens du voyage", "other:gens du voyage"),
    ])
    func publicIn(text: String, stored: String) {
        #expect(PublicWords.value(text)?.description == stored)
    }

    @Test("words no table knows", arguments: ["", "oui", "adoptér", "seniors", "autre :", "avenant", "avenant-0", "avenant-x"])
    func unknownWords(text: String) {
        #expect(Vocabulary.voteOutcome.value(text) == nil)
        #expect(PublicWords.value(text) == nil)
        #expect(DocumentWords.value(text) == nil)
    }

    @Test("documents", arguments: [
        ("convention", "convention"), ("Convention", "convention"), ("avenant-1", "amendment-1"), ("avenant 2", "amendment-2"),
        ("avenant n° 3", "amendment-3"), ("Avenant n°12", "amendment-12"), ("amendment-4", "amendment-4"),
    ])
    func documentIn(text: String, stored: String) {
        #expect(DocumentWords.value(text)?.description == stored)
    }

    @Test func documentOut() {
        #expect(DocumentWords.label(.amendment(2), in: .french) == "avenant n°\u{00A0}2")
        #expect(DocumentWords.label(.amendment(2), in: .english) == "amendment 2")
        #expect(DocumentWords.label(.convention, in: .french) == "convention")
    }

    /// Out then in: the label shown, typed back, is the same value; so are the code and
    /// the English label. No spelling names two values.
    @Test func everyLabelReadsBack() {
        func roundTrip<Value>(_ table: WordTable<Value>) {
            for entry in table.entries {
                for language in Language.allCases {
                    #expect(table.value(table.label(entry.value, in: language)) == entry.value, "\(entry.code) \(language)")
                }
                #expect(table.value(entry.code) == entry.value)
                #expect(table.code(entry.value) == entry.code)
                for alias in entry.aliases {
                    #expect(table.value(alias) == entry.value, "alias \(alias) of \(entry.code) is taken by another value")
                }
            }
        }
        roundTrip(Vocabulary.voteOutcome)
        roundTrip(Vocabulary.extensionDecision)
        roundTrip(Vocabulary.partnerKind)
        roundTrip(Vocabulary.fundingBasis)
        roundTrip(Vocabulary.actionOutcome)
        roundTrip(Vocabulary.closureReason)
        roundTrip(Vocabulary.partnerVia)
        roundTrip(Vocabulary.participationStage)
        roundTrip(Vocabulary.namedPublic)
        for document in [DocumentReference.convention, .amendment(1), .amendment(27)] {
            for language in Language.allCases {
                #expect(DocumentWords.value(DocumentWords.label(document, in: language)) == document)
            }
        }
    }

    /// Every code of the format has an entry: a new case added to an enum fails here.
    @Test func everyCodeHasAnEntry() {
        #expect(Set(Vocabulary.voteOutcome.entries.map(\.code)) == Set(VoteOutcome.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.extensionDecision.entries.map(\.code)) == Set(ExtensionDecided.Decision.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.partnerKind.entries.map(\.code)) == Set(Partner.Kind.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.fundingBasis.entries.map(\.code)) == Set(FundingLine.Basis.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.actionOutcome.entries.map(\.code)) == Set(ActionClosed.Outcome.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.closureReason.entries.map(\.code)) == Set(PactClosed.Reason.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.partnerVia.entries.map(\.code)) == Set(PartnerJoined.Via.allCases.map(\.rawValue)))
        #expect(Set(Vocabulary.participationStage.entries.map(\.code))
            == Set(ActionSheet.Participation.Stage.allCases.map(\.rawValue)))
        #expect(Vocabulary.namedPublic.entries.map(\.code) == PublicKind.namedCases)
    }

    @Test func unknownWordListsTheChoices() {
        #expect(throws: TypedInputError.self) { try Vocabulary.voteOutcome.parse("peut-être") }
        let error = TypedInputError.unknownWord(
            "peut-être", french: Vocabulary.voteOutcome.choices(in: .french), english: Vocabulary.voteOutcome.choices(in: .english))
        #expect(error.message(in: .french) == "attendu l'un de : adopté (adopted), rejeté (rejected), ajourné (deferred)")
        #expect(error.message(in: .english) == "expected one of: adopted, rejected, deferred")
    }
}
