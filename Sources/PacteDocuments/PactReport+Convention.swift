import PacteEvents
import PacteProjections

// Part 1: the convention, article by article, the partners, and how it was drafted and
// sent for signature.
extension PactReport {
    static func conventionPart(_ context: ReportContext) -> ReportPart {
        let state = context.state
        let pact = state.pact
        var blocks: [ReportBlock] = partiesBlocks(context)

        blocks.append(.heading("Article 1 – Contexte", level: 3, id: "article-1"))
        blocks.append(.paragraph(ReportContext.textOrMissing(pact?.context)))

        blocks.append(.heading("Article 2 – Objet, ambition et durée", level: 3, id: "article-2"))
        blocks.append(.paragraph(ReportContext.textOrMissing(pact?.ambition)))
        var facts: [ReportFact] = []
        if let period = pact?.period {
            facts.append(ReportFact("Durée", LongDate.period(from: period.start, to: period.end)))
        } else {
            facts.append(ReportFact("Durée", [.flag("non renseignée", .warning)]))
        }
        if let territory = pact?.territory {
            facts.append(ReportFact("Territoire", territory.name))
            if let department = territory.department { facts.append(ReportFact("Département", department)) }
            if !territory.communes.isEmpty {
                facts.append(ReportFact(
                    "Communes (codes INSEE)", "\(territory.communes.count) : " + territory.communes.joined(separator: ", ")))
            }
        }
        if let pact { facts.append(ReportFact("Identifiant du pacte", [.code(pact.pactId)])) }
        blocks.append(.facts(facts))

        blocks.append(.heading("Article 3 – Domaines d'action, priorités et publics cibles", level: 3, id: "article-3"))
        blocks += prioritiesBlocks(context)
        blocks += domainsBlocks(context)
        blocks += publicsBlocks(context)
        blocks += commitmentsBlocks(context)

        blocks.append(.heading("Article 4 – Gouvernance", level: 3, id: "article-4"))
        blocks += governanceBlocks(context)

        blocks.append(.heading("Article 5 – Adhésion et révision", level: 3, id: "article-5"))
        blocks.append(.paragraph(ReportContext.textOrMissing(pact?.revision)))
        var changes: [[ReportInline]] = []
        for record in state.partners where record.entry == .adhesion {
            var line: [ReportInline] = [.strong(record.partner.name), .text(" adhère le " + LongDate.french(record.joinedOn))]
            if let amendment = record.amendment { line.append(.text(" par l'avenant n° \(amendment)")) }
            changes.append(line)
        }
        for record in state.partners {
            guard let withdrawal = record.withdrawal else { continue }
            changes.append([
                .strong(record.partner.name), .text(" se retire le " + LongDate.french(withdrawal.date) + " : " + withdrawal.reason),
            ])
        }
        if !changes.isEmpty { blocks.append(.bullets(changes)) }

        blocks.append(.heading("Les partenaires", level: 3, id: "partenaires"))
        blocks.append(.table(partnersTable(context)))

        blocks.append(.heading("Élaboration et mise en signature", level: 3, id: "elaboration"))
        blocks.append(.facts(procedureFacts(context)))
        return ReportPart(number: 1, id: "convention", title: "La convention", blocks: blocks)
    }

    static func prioritiesBlocks(_ context: ReportContext) -> [ReportBlock] {
        let state = context.state
        var blocks: [ReportBlock] = [.heading("Priorités (\(state.priorities.count), de 1 à 3 attendues)", level: 4, id: nil)]
        if state.priorities.isEmpty {
            blocks.append(.paragraph([.flag("Aucune priorité active.", .bad)]))
        }
        for record in state.priorities {
            let priority = record.priority
            blocks.append(.paragraph([.strong(priority.priorityId + " – " + priority.title)]))
            var facts = [ReportFact("Justification", ReportContext.textOrMissing(priority.rationale))]
            if priority.sources.isEmpty {
                facts.append(ReportFact("Sources statistiques", [.flag("aucune source", .warning)]))
            } else {
                facts.append(ReportFact("Sources statistiques", priority.sources.joined(separator: " ; ")))
            }
            facts.append(ReportFact("Publics cibles", ReportLabel.publics(priority.publics)))
            let actions = state.actions.filter { $0.sheet.priorityId == priority.priorityId }.map(\.id)
            facts.append(ReportFact("Actions", actions.isEmpty ? "—" : actions.joined(separator: ", ")))
            blocks.append(.facts(facts))
        }
        for record in state.withdrawnPriorities {
            guard let withdrawal = record.withdrawal else { continue }
            blocks.append(.note([
                .text("Priorité retirée le " + LongDate.french(withdrawal.date) + " : "),
                .strong(record.priority.priorityId + " – " + record.priority.title), .text(". " + withdrawal.reason),
            ]))
        }
        return blocks
    }

    static func domainsBlocks(_ context: ReportContext) -> [ReportBlock] {
        var table = ReportTable(
            [("Action", .left), ("Priorité", .left), ("Domaine", .left), ("Publics cibles", .left)])
        for action in context.state.actions {
            let sheet = action.sheet
            var domain: [ReportInline] = []
            if let measure = sheet.measure {
                domain.append(.text("mesure n° \(measure) du pacte national"))
            }
            if let justification = sheet.localJustification, !justification.allSatisfy(\.isWhitespace) {
                domain.append(.text((domain.isEmpty ? "" : " ; ") + "justification locale : " + justification))
            }
            if domain.isEmpty { domain = [.flag("ni mesure ni justification locale", .bad)] }
            table.append([
                [.strong(action.id), .text(" " + (sheet.title ?? ""))], [.text(sheet.priorityId ?? "—")], domain,
                [.text(ReportLabel.publics(sheet.publics))],
            ])
        }
        return [
            .heading("Domaines d'action", level: 4, id: nil),
            .note([.text("De manière privilégiée l'une des 25 mesures du pacte national des solidarités, ou une justification par le contexte socio-économique local.")]),
            .table(table),
        ]
    }

    static func publicsBlocks(_ context: ReportContext) -> [ReportBlock] {
        let state = context.state
        var order: [String] = []
        var priorities: [String: [String]] = [:]
        var actions: [String: [String]] = [:]
        for record in state.priorities {
            for kind in record.priority.publics {
                let label = ReportLabel.publicKind(kind)
                if priorities[label] == nil, actions[label] == nil { order.append(label) }
                priorities[label, default: []].append(record.id)
            }
        }
        for action in state.actions {
            for kind in action.sheet.publics ?? [] {
                let label = ReportLabel.publicKind(kind)
                if priorities[label] == nil, actions[label] == nil { order.append(label) }
                actions[label, default: []].append(action.id)
            }
        }
        var table = ReportTable([("Public cible", .left), ("Priorités", .left), ("Actions", .left)])
        for label in order {
            table.append([
                [.text(label)], [.text((priorities[label] ?? []).joined(separator: ", "))],
                [.text((actions[label] ?? []).joined(separator: ", "))],
            ])
        }
        return [.heading("Publics cibles", level: 4, id: nil), .table(table)]
    }

    static func commitmentsBlocks(_ context: ReportContext) -> [ReportBlock] {
        let state = context.state
        var table = ReportTable(
            [("Partenaire", .left), ("Engagement sur les actions", .left), ("Numéraire prévu", .right),
             ("Numéraire voté", .right), ("En nature (prévu)", .right)])
        for record in state.partners {
            var roles: [String] = []
            for action in state.actions {
                for engaged in action.sheet.partners ?? [] where engaged.partnerId == record.id {
                    let role = engaged.role.map { $0.allSatisfy(\.isWhitespace) ? "rôle non précisé" : $0 } ?? "rôle non précisé"
                    roles.append(action.id + " : " + role)
                }
            }
            let account = context.money.account(of: record.id)
            var name: [ReportInline] = [.strong(record.partner.name)]
            if record.isWithdrawn { name.append(.flag(" (retiré)", .neutral)) }
            table.append([
                name, [.text(roles.isEmpty ? "—" : roles.joined(separator: " ; "))],
                [.text(context.euros(account?.plannedCashCents ?? 0))], [.text(context.euros(account?.votedCashCents ?? 0))],
                [.text(context.euros(account?.plannedInKindCents ?? 0))],
            ])
        }
        table.appendTotal([
            [.text("Total")], [.text("")], [.text(context.euros(context.totals.planned.cashCents))],
            [.text(context.euros(context.totals.voted.cashCents))], [.text(context.euros(context.totals.planned.inKindCents))],
        ])
        return [
            .heading("Engagements de chaque partenaire", level: 4, id: nil),
            .note([.text("L'État ne s'engage que pour une année civile, en raison de l'annualité budgétaire de la loi de finances ; le détail par partenaire, par nature de financement et par année figure dans les fiches partenaires (partie 3).")]),
            .table(table),
        ]
    }

    static func governanceBlocks(_ context: ReportContext) -> [ReportBlock] {
        let state = context.state
        var blocks: [ReportBlock] = []
        if let governance = state.pact?.governance {
            var facts = [ReportFact("Instance de pilotage", governance.body)]
            if let attachedTo = governance.attachedTo, !attachedTo.isEmpty {
                facts.append(ReportFact("Adossée à", attachedTo))
            }
            facts.append(ReportFact("Réunions", Formatted.count(state.governanceMeetings.count, "réunion enregistrée", in: .french) + " ; au moins une par année civile est attendue"))
            blocks.append(.facts(facts))
        } else {
            blocks.append(.paragraph([.flag("Gouvernance non renseignée.", .warning)]))
        }
        if !state.governanceMeetings.isEmpty {
            var table = ReportTable(
                [("Date", .left), ("Instance", .left), ("Participants", .left), ("Engagements présentés", .left),
                 ("Décisions", .left), ("Ligne", .right)])
            for meeting in state.governanceMeetings {
                let held = meeting.meeting
                table.append([
                    [.text(LongDate.french(meeting.date))], [.text(held.body)],
                    [.text(held.attendees.map { context.name(of: $0) }.joined(separator: ", "))],
                    [.text(held.commitmentsPresented.isEmpty ? "—" : held.commitmentsPresented.map(String.init).joined(separator: ", "))],
                    [.text(held.decisions.isEmpty ? "—" : held.decisions.joined(separator: " ; "))],
                    [.text(String(meeting.source.seq))],
                ])
            }
            blocks.append(.table(table))
        }
        if !context.timeline.governanceYears.isEmpty {
            var table = ReportTable(caption: "Réunion annuelle de la gouvernance", [("Année", .left), ("Réunions", .left), ("Constat", .left)])
            for year in context.timeline.governanceYears {
                let status: ReportInline
                switch year.status {
                case .held: status = .flag("tenue", .good)
                case .missing: status = .flag("MANQUANTE", .bad)
                case .due: status = .flag("à tenir avant le 31 décembre", .warning)
                case .exempt: status = .flag("non requise (résiliation anticipée)", .neutral)
                }
                table.append([
                    [.text(String(year.year))],
                    [.text(year.meetings.isEmpty ? "—" : year.meetings.map { LongDate.french($0) }.joined(separator: ", "))],
                    [status],
                ])
            }
            blocks.append(.table(table))
        }
        return blocks
    }

    static func partnersTable(_ context: ReportContext) -> ReportTable {
        var table = ReportTable(
            [("Partenaire", .left), ("Type et entrée", .left), ("Instance statutaire", .left), ("Signataire", .left),
             ("Entrée", .left), ("Retrait", .left)])
        for record in context.state.partners {
            let partner = record.partner
            var entry = ReportLabel.entry(record.entry)
            if let amendment = record.amendment { entry += ", avenant n° \(amendment)" }
            var withdrawal: [ReportInline] = [.text("—")]
            if let withdrew = record.withdrawal {
                withdrawal = [.flag("retiré", .neutral), .text(" le " + LongDate.french(withdrew.date) + " : " + withdrew.reason)]
            }
            table.append([
                [.strong(partner.name), .text("\n"), .code(partner.id)], [.text(ReportLabel.kind(partner.kind) + " – " + entry)],
                [.text(partner.statutoryBody.flatMap { $0.isEmpty ? nil : $0 } ?? "aucune (pas de délibération requise)")],
                [.text(partner.signatory.map { $0.name + ", " + $0.role } ?? "—")], [.text(LongDate.french(record.joinedOn))], withdrawal,
            ])
        }
        return table
    }

    static func procedureFacts(_ context: ReportContext) -> [ReportFact] {
        let state = context.state
        let draft = state.draft
        var facts: [ReportFact] = []
        if let presentation = draft.presentations.first {
            let invited = presentation.presented
            var text = LongDate.french(presentation.date) + ", " + Formatted.count(invited.attendees.count, "partenaire présent", in: .french)
            text += invited.stateServiceInvited ? " ; service de l'État invité" : " ; service de l'État NON invité"
            text += invited.commissionerInvited ? " ; commissaire invité" : " ; commissaire NON invité"
            facts.append(ReportFact("Projet présenté aux partenaires", text))
        } else {
            facts.append(ReportFact("Projet présenté aux partenaires", [.flag("pas encore", .neutral)]))
        }
        if let submission = draft.submissions.first {
            facts.append(ReportFact(
                "Soumis avant signature", LongDate.french(submission.date) + " à " + submission.submitted.recipients.joined(separator: " ; ")))
        } else {
            facts.append(ReportFact("Soumis avant signature", [.flag("pas encore", .neutral)]))
        }
        if let validation = draft.validations.first {
            var text = LongDate.french(validation.date) + " par " + validation.validated.validatedBy
            if let remarks = validation.validated.remarks, !remarks.isEmpty { text += ". " + remarks }
            facts.append(ReportFact("Validé", text))
        }
        if let signing = state.signing(of: .convention), let dayZero = signing.requestedOn {
            facts.append(ReportFact(
                "Mis en signature", LongDate.french(dayZero) + " auprès de " + Formatted.count(signing.requestedPartnerIds.count, "partenaire", in: .french) + " ; signatures attendues sous \(signing.targetMonths) mois, soit le " + LongDate.french(signing.targetDate)))
        } else {
            facts.append(ReportFact("Mis en signature", [.flag("pas encore", .neutral)]))
        }
        facts.append(ReportFact(
            "Entrée en vigueur", state.inForceSince.map { [.text(LongDate.french($0))] } ?? [.flag("pas encore", .warning)]))
        if let closure = state.closure {
            facts.append(ReportFact(
                "Clôture", LongDate.french(closure.date) + " : pacte " + ReportLabel.closure(closure.reason) + ". " + closure.summary))
        }
        return facts
    }
}
