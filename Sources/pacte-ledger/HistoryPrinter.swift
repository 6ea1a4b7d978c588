import PacteEvents
import PacteProjections

/// `history` for people: every change, field by field, with who, when, why and under
/// which amendment; then the corrections.
enum HistoryPrinter {
    static func text(_ history: AmendmentHistory, language: Language) -> String {
        let fr = language == .french
        func date(_ value: CivilDate) -> String { Display.date(value, language) }
        var text = fr ? "Historique des modifications\n\n" : "Amendment history\n\n"
        if history.entries.isEmpty { text += fr ? "Aucune modification.\n" : "No change.\n" }
        for entry in history.entries {
            let subject = entry.subject.id.map { "\(entry.subject.kind) \($0)" } ?? entry.subject.kind
            text += "\(date(entry.source.effective))  \(entry.kind.rawValue)  \(subject)"
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
            if let note = entry.note, !note.isEmpty {
                text += "    " + Display.wrapped(note, width: 76, indent: "    ") + "\n"
            }
            for change in entry.changes.flatMap(expanded) {
                let room = max(10, (66 - change.member.count) / 2)
                text += "      \(change.member) : \(Display.truncated(change.beforeText, room)) → \(Display.truncated(change.afterText, room))\n"
            }
        }
        if !history.corrections.isEmpty {
            text += fr ? "\nCorrections\n" : "\nCorrections\n"
            for correction in history.corrections {
                let what = correction.isRetraction ? (fr ? "retire" : "retracts") : (fr ? "remplace" : "replaces")
                text += "\(date(correction.correction.effective))  " + (fr ? "ligne" : "line") + " \(correction.correction.seq) \(what) "
                    + (fr ? "la ligne" : "line") + " \(correction.original.seq) (\(correction.original.type)) — \(correction.status.rawValue)\n"
                text += "    " + Display.wrapped(
                    (fr ? "par \(correction.correction.recordedBy), le \(correction.correction.recorded) ; motif : " : "by \(correction.correction.recordedBy), \(correction.correction.recorded); reason: ")
                        + correction.reason, width: 76, indent: "    ") + "\n"
                if let replacement = correction.replacement {
                    text += "      " + Display.truncated(JSONWriter.string(of: .object(correction.original.data)), 70) + "\n"
                    text += "    → " + Display.truncated(JSONWriter.string(of: .object(replacement)), 70) + "\n"
                }
            }
        }
        return text
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
