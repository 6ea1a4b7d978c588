import PacteEvents
import PacteProjections

extension PactReport {
    /// The report of the pact in `contents`, as of `asOf` (valid time), as the ledger
    /// knew it at `knownAt` (transaction time), deadlines judged at the earlier of
    /// `asOf` and `today`.
    /// With `sections` `.convention`, only what gets signed: the convention, its annexes
    /// and the signature pages.
    public init(contents: LedgerContents, fileName: String, asOf: CivilDate?, knownAt: Timestamp?, today: CivilDate,
         generatedAt: Timestamp, sections: ReportSections = .all) {
        let context = ReportContext(contents: contents, asOf: asOf, knownAt: knownAt, today: today)
        let state = context.state
        title = state.pact?.title ?? "Pacte local des solidarités"
        var subtitle: [String] = []
        if let pact = state.pact {
            var territory = pact.territory.name
            if let department = pact.territory.department, !department.isEmpty { territory += " (\(department))" }
            subtitle.append(territory)
            if let period = pact.period {
                subtitle.append("Convention conclue " + LongDate.period(from: period.start, to: period.end))
            }
        } else {
            subtitle.append("Aucun projet de pacte (pact.drafted) dans le registre à cette date.")
        }
        var stateLine = asOf.map { "Pacte en l'état au " + LongDate.french($0) } ?? "Pacte en l'état de toutes les lignes du registre"
        if let knownAt { stateLine += ", tel que le registre le connaissait le " + Self.timestampText(knownAt) }
        subtitle.append(stateLine + " ; échéances appréciées au " + LongDate.french(context.judgementDate) + ".")
        self.subtitle = subtitle
        keyFacts = Self.keyFacts(context)
        var parts = [Self.conventionPart(context), Self.annexesPart(context), Self.signaturesPart(context)]
        if sections == .all {
            parts += [
                Self.partnerSheetsPart(context),
                Self.calendarPart(context),
                Self.budgetPart(context),
                Self.historyPart(context),
                Self.findingsPart(context),
            ]
        }
        for index in parts.indices { parts[index].number = index + 1 }
        self.parts = parts
        var knownLine: (seq: Int, hash: String)?
        if knownAt != nil, let last = context.view.knownEvents.last, last.seq < contents.events.count {
            knownLine = (last.seq, last.hash.hexadecimal)
        }
        audit = ReportAudit(
            fileName: fileName, eventCount: contents.events.count, digest: contents.digest.hexadecimal, asOf: asOf,
            knownAt: knownAt, knownLine: knownLine, judgementDate: context.judgementDate, generatedAt: generatedAt,
            tornTailLine: contents.tornTail?.line)
    }

    /// `12 mars 2025 à 09:30 UTC`.
    public static func timestampText(_ timestamp: Timestamp) -> String {
        let hour = timestamp.secondOfDay / 3600
        let minute = timestamp.secondOfDay / 60 % 60
        return LongDate.french(timestamp.date) + " à " + LongDate.twoDigits(hour) + ":" + LongDate.twoDigits(minute) + " UTC"
    }

    static func keyFacts(_ context: ReportContext) -> [ReportFact] {
        let state = context.state
        var facts: [ReportFact] = []
        if let status = state.status {
            var text = status.label(in: .french)
            if let since = state.statusSince { text += " depuis le " + LongDate.french(since) }
            facts.append(ReportFact("Statut", text))
        }
        if let porteur = state.pact?.porteur {
            facts.append(ReportFact("Porteur", porteur.name))
        }
        facts.append(ReportFact("Convention en vigueur", state.inForceSince.map { "depuis le " + LongDate.french($0) } ?? "pas encore"))
        let active = state.activePartners.count
        let withdrawn = state.partners.count - active
        facts.append(ReportFact(
            "Partenaires", Formatted.count(active, "partenaire", in: .french) + (withdrawn > 0 ? ", " + Formatted.count(withdrawn, "retiré", in: .french) : "")))
        facts.append(ReportFact(
            "Priorités et actions", Formatted.count(state.priorities.count, "priorité", in: .french) + ", " + Formatted.count(state.actions.count, "fiche-action", "fiches-action", in: .french)))
        let votedState = context.totals.votedByState.cashCents
        facts.append(ReportFact(
            "Crédits votés (numéraire)",
            context.euros(context.totals.voted.cashCents) + ", dont État " + context.euros(votedState)
                + " ; apports en nature " + context.euros(context.totals.voted.inKindCents)))
        facts.append(ReportFact(
            "Crédits prévus aux fiches-action",
            context.euros(context.totals.planned.cashCents) + " en numéraire ; apports en nature "
                + context.euros(context.totals.planned.inKindCents)))
        let errors = context.findings.filter { $0.severity == .error }.count
        let warnings = context.findings.filter { $0.severity == .warning }.count
        let infos = context.findings.filter { $0.severity == .info }.count
        facts.append(ReportFact("Contrôles", [
            .flag(Formatted.count(errors, "erreur", in: .french), errors > 0 ? .bad : .good), .text(", "),
            .flag(Formatted.count(warnings, "avertissement", in: .french), warnings > 0 ? .warning : .good),
            .text(", " + Formatted.count(infos, "information", in: .french)),
        ]))
        facts.append(ReportFact("Empreinte du registre", [.code(context.contents.digest.hexadecimal)]))
        return facts
    }
}
