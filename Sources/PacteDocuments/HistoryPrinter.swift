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
            let subject = entry.subject.id.map { "\(entry.subject.kind) \($0)" } ?? entry.subject.kind
            text += "\(date(entry.source.effective))  \(typeName(entry.kind))  \(subject)"
                + (fr ? "  (ligne \(entry.source.seq))\n" : "  (line \(entry.source.seq))\n")
            var facts: [String] = []
            facts.append((fr ? "enregistré le " : "recorded ") + "\(entry.source.recorded) " + (fr ? "par " : "by ") + entry.source.recordedBy)
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
                text += "    " + Display.wrapped((fr ? "motif : " : "reason: ") + reason, width: 76, indent: "    ") + "\n"
            }
            if let fact = entry.fact, !fact.code.isEmpty {
                text += "    " + Display.wrapped(describe(fact, language: language), width: 76, indent: "    ") + "\n"
            }
            for change in entry.changes.flatMap(expanded) {
                let room = max(10, (66 - change.member.count) / 2)
                text += "      " + line(for: change, room: room) + "\n"
            }
        }
        if !history.corrections.isEmpty {
            text += fr ? "\nCorrections\n" : "\nCorrections\n"
            for correction in history.corrections {
                let what = correction.isRetraction ? (fr ? "retire" : "retracts") : (fr ? "remplace" : "replaces")
                text += "\(date(correction.correction.effective))  " + (fr ? "ligne" : "line") + " \(correction.correction.seq) \(what) "
                    + (fr ? "la ligne" : "line") + " \(correction.original.seq) (\(correction.original.type)) — "
                    + describe(correction.status, language: language) + "\n"
                text += "    " + Display.wrapped(
                    (fr ? "par \(correction.correction.recordedBy), le \(correction.correction.recorded) ; motif : " : "by \(correction.correction.recordedBy), \(correction.correction.recorded); reason: ")
                        + correction.reason, width: 76, indent: "    ") + "\n"
                if let replacement = correction.replacement {
                    for change in FieldChange.changes(from: correction.original.data, to: replacement).flatMap(expanded) {
                        let room = max(10, (66 - change.member.count) / 2)
                        text += "      " + line(for: change, room: room) + "\n"
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

    /// `member : before → after`, each value cut to `room` characters around the first
    /// place where they differ, so that a change late in a long text is still seen.
    static func line(for change: FieldChange, room: Int) -> String {
        var before = Array(change.beforeText)
        var after = Array(change.afterText)
        var common = 0
        while common < before.count, common < after.count, before[common] == after[common] { common += 1 }
        let skip = common > room / 2 ? common - room / 4 : 0
        if skip > 0 {
            before = ["…"] + before.dropFirst(skip)
            after = ["…"] + after.dropFirst(skip)
        }
        return "\(change.member) : \(Display.truncated(String(before), room)) → \(Display.truncated(String(after), room))"
    }

    /// A change between two objects, shown member by member (`schedule.end`), so that
    /// the part that changed is not lost in a long value.
    static func expanded(_ change: FieldChange) -> [FieldChange] {
        guard case .object(let before)? = change.before, case .object(let after)? = change.after else { return [change] }
        return FieldChange.changes(from: before, to: after).map {
            FieldChange(member: change.member + "." + $0.member, before: $0.before, after: $0.after)
        }
    }
}
