import PacteEvents

/// The draft's path to signature: presentations to the partners, submissions to the
/// State service and the Commissioner, validations. Each list in valid-time order.
public struct DraftProgress: Sendable, Hashable {
    public struct Presentation: Sendable, Hashable {
        public var presented: DraftPresented
        public var source: EventReference
        public var date: CivilDate { source.effective }
    }

    public struct Submission: Sendable, Hashable {
        public var submitted: DraftSubmitted
        public var source: EventReference
        public var date: CivilDate { source.effective }
    }

    public struct Validation: Sendable, Hashable {
        public var validated: DraftValidated
        public var source: EventReference
        public var date: CivilDate { source.effective }
    }

    public var presentations: [Presentation] = []
    public var submissions: [Submission] = []
    public var validations: [Validation] = []

    public var presentedOn: CivilDate? { presentations.first?.date }
    public var submittedOn: CivilDate? { submissions.first?.date }
    public var validatedOn: CivilDate? { validations.first?.date }
}
