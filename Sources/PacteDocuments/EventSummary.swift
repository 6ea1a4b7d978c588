import PacteEvents
import PacteProjections

/// One short line saying what an event records, for `log`.
public enum EventSummary {
    public static func text(of event: LedgerEvent, lineOfId: EventIdLines, language: Language) -> String {
        let fr = language == .french
        switch event.payload {
        case .pactDrafted(let drafted):
            return drafted.title
        case .partnerJoined(let joined):
            let kind = Vocabulary.partnerKind.label(joined.partner.kind, in: language)
            let via = Vocabulary.partnerVia.label(joined.via, in: language)
            return "\(joined.partner.id) (\(kind), \(via)) \(joined.partner.name)"
        case .partnerWithdrew(let withdrawal):
            return "\(withdrawal.partnerId) : \(withdrawal.reason)"
        case .prioritySet(let priority):
            return "\(priority.priorityId) — \(priority.title)"
        case .priorityWithdrawn(let withdrawal):
            return "\(withdrawal.priorityId) : \(withdrawal.reason)"
        case .actionAdded(let added):
            return "\(added.sheet.actionId) — \(added.sheet.title ?? "")"
        case .actionAmended(let amended):
            let members = amended.changes.keys.joined(separator: ", ")
            let carried = amended.amendment.map { fr ? " (avenant \($0))" : " (amendment \($0))" } ?? ""
            return "\(amended.actionId) : \(members)\(carried)"
        case .actionClosed(let closed):
            let outcome = Vocabulary.actionOutcome.label(closed.outcome, in: language)
            return "\(closed.actionId) : \(outcome)"
        case .indicatorReported(let report):
            return "\(report.actionId) \(report.indicator) \(report.period) = \(JSONWriter.string(of: report.value))"
        case .annexAttached(let annex):
            return (fr ? "annexe \(annex.annex) — " : "annex \(annex.annex) — ") + annex.title
        case .draftPresented(let presentation):
            return fr ? Formatted.count(presentation.attendees.count, "partenaire présent", in: .french) : Formatted.count(presentation.attendees.count, "partner", in: .english) + " present"
        case .draftSubmitted(let submission):
            return (fr ? "à " : "to ") + submission.recipients.joined(separator: ", ")
        case .draftValidated(let validation):
            return (fr ? "par " : "by ") + validation.validatedBy
        case .signatureRequested(let request):
            let document = DocumentWords.label(request.document, in: language)
            return fr ? "\(document) → " + Formatted.count(request.partners.count, "partenaire", in: .french) + ", \(request.targetMonths) mois"
                : "\(document) → " + Formatted.count(request.partners.count, "partner", in: .english) + ", " + Formatted.count(request.targetMonths, "month", in: .english)
        case .approvalVoted(let vote):
            return "\(vote.partnerId) \(DocumentWords.label(vote.document, in: language)) : \(Vocabulary.voteOutcome.label(vote.outcome, in: language)) (\(vote.reference))"
        case .commitmentVoted(let commitment):
            return "\(commitment.partnerId) \(commitment.year) : \(Formatted.euros(commitment.cashCents, in: language)) \(Vocabulary.voteOutcome.label(commitment.outcome, in: language))"
        case .signatureReceived(let signature):
            return "\(signature.partnerId) \(DocumentWords.label(signature.document, in: language)) (\(signature.signatory.name))"
        case .amendmentProposed(let proposal):
            return (fr ? "avenant \(proposal.number) : " : "amendment \(proposal.number): ") + proposal.purpose
        case .extensionRequested(let request):
            return "\(request.actionId) : \(Formatted.date(request.currentEnd, in: language)) → \(Formatted.date(request.requestedEnd, in: language))"
        case .extensionDecided(let decision):
            let line = lineOfId[ByteKey(decision.request)].map { fr ? "demande l.\($0)" : "request l.\($0)" } ?? decision.request
            let end = decision.newEnd.map { " → " + Formatted.date($0, in: language) } ?? ""
            let carried = decision.amendment.map { fr ? " (avenant \($0))" : " (amendment \($0))" } ?? ""
            let verdict = Vocabulary.extensionDecision.label(decision.decision, in: language)
            return "\(line) : \(verdict)\(end)\(carried)"
        case .governanceHeld(let meeting):
            return fr ? "\(meeting.body), " + Formatted.count(meeting.attendees.count, "présent", in: .french) : "\(meeting.body), \(meeting.attendees.count) present"
        case .correctionRecorded(let correction):
            let line = lineOfId[ByteKey(correction.target)].map { fr ? "ligne \($0)" : "line \($0)" } ?? correction.target
            let what = correction.replacement == nil ? (fr ? "retire" : "retracts") : (fr ? "corrige" : "corrects")
            return "\(what) \(line) : \(correction.reason)"
        case .pactClosed(let closure):
            let reason = Vocabulary.closureReason.label(closure.reason, in: language)
            return "\(reason) : \(closure.summary)"
        }
    }
}
