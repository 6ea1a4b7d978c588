import PacteEvents

/// The rules of `rules.md`, by id, in the order of its table.
public enum Rule: String, Sendable, Hashable, CaseIterable {
    case priorityCount = "PRIO-COUNT"
    case priorityEvidence = "PRIO-EVIDENCE"
    case domainMeasure = "DOMAIN-MEASURE"
    case publics = "PUBLICS"
    case sheetComplete = "SHEET-COMPLETE"
    case impact = "IMPACT"
    case participationSheet = "PARTICIPATION-SHEET"
    case participationGroup = "PARTICIPATION-GROUP"
    case stateAnnual = "STATE-ANNUAL"
    case stateSource = "STATE-SOURCE"
    case cofinancing = "COFINANCING"
    case stateWindow = "STATE-WINDOW"
    case extensionAmendment = "EXTENSION-AMENDMENT"
    case draftOrder = "DRAFT-ORDER"
    case signAfterVote = "SIGN-AFTER-VOTE"
    case signingDelay = "SIGNING-DELAY"
    case governanceYearly = "GOVERNANCE-YEARLY"
    case annexes = "ANNEXES"
    case articles = "ARTICLES"
    case signatories = "SIGNATORIES"
    case priorityLink = "PRIORITY-LINK"
    case period = "PERIOD"
    case impactResult = "IMPACT-RESULT"

    /// The id users look the rule up by (`PRIO-COUNT`).
    public var id: String { rawValue }

    /// The severity of a breach, as in the table (SIGNING-DELAY and GOVERNANCE-YEARLY
    /// also report `info` while a deadline is coming up; SIGN-AFTER-VOTE reports `info`
    /// for an irregular signature put right by a new one).
    public var severity: Severity {
        switch self {
        case .priorityEvidence, .draftOrder, .signingDelay, .annexes, .period, .impactResult: .warning
        default: .error
        }
    }

    /// What the rule asks, in a few words.
    public func summary(in language: Language) -> String {
        let french = language == .french
        switch self {
        case .priorityCount: return french ? "1 à 3 priorités actives une fois le projet soumis" : "1 to 3 active priorities once the draft is submitted"
        case .priorityEvidence: return french ? "chaque priorité est justifiée et objectivée par une source statistique" : "each priority states its rationale and a statistical source"
        case .domainMeasure: return french ? "chaque action cite une des 25 mesures du pacte national ou une justification locale" : "each action names a national measure (1–25) or a local justification"
        case .publics: return french ? "chaque priorité et chaque action nomme un public cible" : "each priority and action names a target public"
        case .sheetComplete: return french ? "chaque fiche-action est complète (annexe 5)" : "each action sheet is complete (annex 5)"
        case .impact: return french ? "chaque action a un indicateur d'impact distinct des indicateurs de suivi, ou la raison de son absence" : "each action has a distinct impact indicator, or a reason why impact cannot be measured"
        case .participationSheet: return french ? "une fiche-action spécifique décrit la participation des personnes concernées" : "one action sheet describes how the people concerned take part"
        case .participationGroup: return french ? "au moins une action associe un groupe témoin à la conception, la mise en œuvre et l'évaluation" : "at least one action has a control group in design, implementation and evaluation"
        case .stateAnnual: return french ? "chaque engagement de l'État porte sur la seule année civile de sa décision" : "each State commitment covers only the calendar year of its decision"
        case .stateSource: return french ? "les crédits de l'État relèvent du BOP 304, action 23 « Pacte des solidarités »" : "State credits come from BOP 304, action 23"
        case .cofinancing: return french ? "les autres partenaires apportent au moins 50 % du budget total en numéraire" : "other partners bring at least 50 % of the total cash budget"
        case .stateWindow: return french ? "une action financée par l'État démarre après l'entrée en vigueur, en année N, et finit sous 12 mois et au plus tard le 31/12/N+1" : "a State-funded action starts after entry into force, in year N, and ends within 12 months and by 31 December N+1"
        case .extensionAmendment: return french ? "une prorogation accordée est portée par un avenant en vigueur" : "a granted extension is carried by an amendment in force"
        case .draftOrder: return french ? "le projet est présenté, puis soumis à l'État et au commissaire, avant la mise en signature" : "the draft is presented, then submitted, before it is sent for signature"
        case .signAfterVote: return french ? "un partenaire doté d'une instance statutaire signe après la délibération favorable" : "a partner with a statutory body signs only after its approval vote"
        case .signingDelay: return french ? "les signatures sont attendues dans un délai d'environ 6 mois" : "signatures are expected within about 6 months"
        case .governanceYearly: return french ? "la gouvernance se réunit au moins une fois par année civile" : "the governance body meets at least once per calendar year"
        case .annexes: return french ? "les annexes 1 à 5 sont jointes avant la soumission du projet" : "annexes 1 to 5 are attached before submission"
        case .articles: return french ? "la convention comporte tous ses articles" : "the convention has all its articles"
        case .signatories: return french ? "chaque partenaire est appelé à signer le document qui porte son adhésion" : "every partner is asked to sign the document that carries its membership"
        case .priorityLink: return french ? "chaque action en cours relève d'une priorité active" : "every open action belongs to an active priority"
        case .period: return french ? "le calendrier de chaque action, prorogation comprise, tient dans la durée de la convention" : "every action's schedule, extension included, lies inside the convention's period"
        case .impactResult: return french ? "une action menée à bien qui a un indicateur d'impact en donne le résultat" : "a completed action with an impact indicator reports its result"
        }
    }
}

/// How serious a finding is: `error` = the pact does not meet the guidance; `warning`
/// = a risk or a recommendation not met; `info` = a fact worth showing.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error, warning, info

    /// Errors first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    public func label(in language: Language) -> String {
        switch (self, language) {
        case (.error, .french): "erreur"
        case (.warning, .french): "avertissement"
        case (.info, .french): "information"
        case (.error, .english): "error"
        case (.warning, .english): "warning"
        case (.info, .english): "info"
        }
    }
}
