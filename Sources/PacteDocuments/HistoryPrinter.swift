import PacteEvents
import PacteProjections

/// `history` for people: every change, field by field, with who, when, why and under
/// which amendment; then the corrections.
public enum HistoryPrinter {
    /// A change's kind written as `log` writes event types (`action.added`); the two
    /// kinds that are no event type (`convention-in-force`, `amendment-in-force`) as they are.
    public static func typeName(_ kind: AmendmentHistory.Entry.Kind) -> String {
        guard let dash = kind.rawValue.firstIndex(of: "-") else { return kind.rawValue }
        var dotted = kind.rawValue
        dotted.replaceSubrange(dash...dash, with: ".")
        return EventType(rawValue: dotted)?.rawValue ?? kind.rawValue
    }

    public static func text(_ history: AmendmentHistory, language: Language) -> String {
        let fr = language == .french
        func date(_ value: CivilDate) -> String { Formatted.date(value, in: language) }
        var text = fr ? "Historique des modifications\n\n" : "Amendment history\n\n"
        if history.entries.isEmpty { text += fr ? "Aucune modification.\n" : "No change.\n" }
        for entry in history.entries {
            let subject = fr ? PactReport.subjectText(entry.subject) : entry.subject.id.map { "\(entry.subject.kind) \($0)" } ?? entry.subject.kind
            // In words in French; in English the event type as `log` writes it.
            let kind = fr ? ReportLabel.historyKind(entry.kind) : typeName(entry.kind)
            text += "\(date(entry.source.effective))  \(kind)  \(subject)"
                + (fr ? "  (ligne \(entry.source.seq))\n" : "  (line \(entry.source.seq))\n")
            var facts: [String] = []
            facts.append(fr ? "enregistré le " + PactReport.timestampText(entry.source.recorded) + " par " + entry.source.recordedBy
                : "recorded \(entry.source.recorded) by " + entry.source.recordedBy)
            if let amendment = entry.amendment { facts.append(fr ? "avenant n° \(amendment)" : "amendment \(amendment)") }
            if let meeting = entry.governanceMeeting {
                facts.append((fr ? "réunion de gouvernance du " : "governance meeting of ") + date(meeting.effective))
            }
            if let applies = entry.appliesFrom, applies != entry.source.effective {
                facts.append((fr ? "s'applique à partir du " : "applies from ") + date(applies))
            }
            if entry.isPending { facts.append(fr ? "EN ATTENTE" : "PENDING") }
            text += "    " + Display.wrapped(facts.joined(separator: " ; "), width: 76, indent: "    ") + "\n"
            if let reason = entry.reason, !reason.isEmpty {
                text += "    " + Display.wrapped((fr ? "motif : " : "reason: ") + Typography.verbatim(reason), width: 76, indent: "    ") + "\n"
            }
            if let fact = entry.fact, !fact.code.isEmpty {
                text += "    " + Display.wrapped(describe(fact, language: language), width: 76, indent: "    ") + "\n"
            }
            for line in entry.changes.flatMap({ ChangeDescription.lines($0, in: language, limit: 120) }) {
                text += "      " + Display.wrapped(line, width: 76, indent: "        ", firstLineWidth: 70) + "\n"
            }
        }
        if !history.corrections.isEmpty {
            text += fr ? "\nCorrections\n" : "\nCorrections\n"
            for correction in history.corrections {
                let what = correction.isRetraction ? (fr ? "retire" : "retracts") : (fr ? "remplace" : "replaces")
                text += "\(date(correction.correction.effective))  " + (fr ? "ligne" : "line") + " \(correction.correction.seq) \(what) "
                    + (fr ? "la ligne" : "line") + " \(correction.original.seq)" + (fr ? "" : " (\(correction.original.type))") + " — "
                    + describe(correction.status, language: language) + "\n"
                text += "    " + Display.wrapped(
                    (fr ? "par \(correction.correction.recordedBy), le " + PactReport.timestampText(correction.correction.recorded) + " ; motif : " : "by \(correction.correction.recordedBy), \(correction.correction.recorded); reason: ")
                        + Typography.verbatim(correction.reason), width: 76, indent: "    ") + "\n"
                if let replacement = correction.replacement {
                    for line in ChangeDescription.lines(from: correction.original.data, to: replacement, in: language, limit: 120) {
                        text += "      " + Display.wrapped(line, width: 76, indent: "        ", firstLineWidth: 70) + "\n"
                    }
                }
            }
        }
        return text
    }

    /// The short fact an entry carries (a decision, an outcome), in the user's language.
    static func describe(_ fact: AmendmentHistory.Entry.Fact, language: Language) -> String {
        guard language == .french else { return fact.code }
        switch fact {
        case .title(let title): return title
        case .joined(let via): return ReportLabel.entry(via == .adhesion ? .adhesion : .initial)
        case .priority(let isNew): return isNew ? "nouvelle priorité" : "priorité remplacée"
        case .actionOutcome(let outcome): return "action " + ReportLabel.actionOutcome(outcome)
        case .decision(let decision): return "prorogation " + ReportLabel.decision(decision)
        case .requestedBy(let partner): return "demandée par " + partner
        }
    }

    static func describe(_ status: CorrectionRecord.Status, language: Language) -> String {
        switch language {
        case .french: ReportLabel.correctionStatus(status)
        case .english:
            switch status {
            case .applied: "applied"
            case .superseded: "superseded by a later correction"
            case .retracted: "itself retracted"
            case .invalid: "invalid (ignored)"
            }
        }
    }
}
