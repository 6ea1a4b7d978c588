import PacteEvents

extension PactState {
    /// Adds an action in force from `date` (its event's date when `nil`).
    mutating func addAction(_ sheet: ActionSheet, source: EventReference, amendment: Int? = nil, on date: CivilDate? = nil) {
        let record = ActionRecord(
            sheet: sheet, addedOn: date ?? source.effective, source: source, revisions: [], reports: [], amendment: amendment)
        if let index = actionIndex(sheet.actionId) {
            actions[index].sheet = sheet
        } else {
            actionPositions[ByteKey(sheet.actionId)] = actions.count
            actions.append(record)
        }
        // Changes recorded with an earlier effective date than the sheet wait for it.
        let (waiting, others) = split(pendingChanges) { $0.actionId.hasSameBytes(as: sheet.actionId) && isReleased($0) }
        pendingChanges = others
        for change in waiting {
            applyChange(change, on: max(change.source.effective, source.effective))
        }
    }

    mutating func amendAction(_ amended: ActionAmended, source: EventReference) {
        let change = PendingActionChange(
            actionId: amended.actionId, changes: amended.changes, reason: texts.shared(amended.reason), amendment: amended.amendment,
            source: source)
        if isReleased(change), actionIndex(amended.actionId) != nil {
            applyChange(change, on: source.effective)
        } else {
            pendingChanges.append(change)
        }
    }

    /// The changes that satisfy `isTaken`, and the others, each in their order.
    func split(
        _ changes: [PendingActionChange], _ isTaken: (PendingActionChange) -> Bool
    ) -> (taken: [PendingActionChange], others: [PendingActionChange]) {
        var taken: [PendingActionChange] = []
        var others: [PendingActionChange] = []
        for change in changes {
            if isTaken(change) { taken.append(change) } else { others.append(change) }
        }
        return (taken, others)
    }

    /// Whether a change may apply: it names no amendment, or its amendment is in force.
    func isReleased(_ change: PendingActionChange) -> Bool {
        guard let amendment = change.amendment else { return true }
        return inForceSince(.amendment(amendment)) != nil
    }

    mutating func applyChange(_ change: PendingActionChange, on date: CivilDate) {
        guard let index = actionIndex(change.actionId) else { return }
        var changes: [FieldChange] = []
        for member in change.changes.members where member.key != "actionId" {
            let old = actions[index].sheet.json[member.key]
            if old.map({ !$0.hasSameContent(as: member.value) }) ?? true {
                changes.append(FieldChange(member: member.key, before: old, after: member.value))
            }
        }
        // Patched in place: the sheet is not copied for each amendment.
        actions[index].sheet.apply(change.changes)
        actions[index].revisions.append(ActionRevision(
            source: change.source, reason: change.reason, amendment: change.amendment, appliedOn: date, changes: changes))
        journal.revisions.append(FoldJournal.Revision(action: index, revision: actions[index].revisions.count - 1))
    }

    /// Amendment `number` entered into force on `date`: its waiting changes apply.
    mutating func releaseChanges(of number: Int, on date: CivilDate) {
        // First the actions the amendment adds, so that its changes to them apply too.
        let (added, waiting) = (pendingActions.filter { $0.amendment == number }, pendingActions.filter { $0.amendment != number })
        pendingActions = waiting
        for action in added {
            addAction(action.sheet, source: action.source, amendment: number, on: max(date, action.source.effective))
        }
        let (released, others) = split(pendingChanges) { $0.amendment == number && actionIndex($0.actionId) != nil }
        pendingChanges = others
        for change in released {
            applyChange(change, on: max(date, change.source.effective))
        }
    }

    /// The end date granted by the latest extension of the action whose amendment is in
    /// force (the new end applies only from that day), if any.
    public func extendedEnd(ofAction actionId: String) -> CivilDate? {
        extendedEnd(among: extensions.lazy.filter { $0.actionId.hasSameBytes(as: actionId) })
    }

    /// The latest end granted among `records` (extensions of one action) by an extension
    /// whose amendment is in force.
    func extendedEnd(among records: some Sequence<ExtensionRecord>) -> CivilDate? {
        var end: CivilDate?
        for record in records {
            guard let granted = record.grantedEnd, let number = record.decision?.amendment,
                inForceSince(.amendment(number)) != nil
            else { continue }
            end = max(end ?? granted, granted)
        }
        return end
    }

    /// The changes carried by amendment `number`: applied revisions and waiting changes.
    public func changes(carriedBy number: Int) -> (applied: [(actionId: String, revision: ActionRevision)], pending: [PendingActionChange]) {
        var applied: [(actionId: String, revision: ActionRevision)] = []
        for action in actions {
            for revision in action.revisions where revision.amendment == number {
                applied.append((action.id, revision))
            }
        }
        applied.sort { $0.revision.source.seq < $1.revision.source.seq }
        return (applied, pendingChanges.filter { $0.amendment == number })
    }
}
