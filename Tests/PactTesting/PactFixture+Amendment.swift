import PacteEvents

extension PactFixture {
    /// The baseline plus amendment 1, which extends action A1 to 2026-09-30: proposed and
    /// requested in February 2026, voted and signed in March, in force on 2026-04-02 (the
    /// State's signature, the last one). The extension is granted on 2026-02-15.
    public static let withAmendment = baseline
        .adding("copil-2026", .governanceHeld, "2026-01-20", """
            {"body":"comité de pilotage","attendees":["cc-val","etat"],"decisions":["avenant 1"],"commitmentsPresented":[2026],"actionsReviewed":["A1"]}
            """)
        .adding("amend-1", .amendmentProposed, "2026-02-01", #"{"number":1,"purpose":"Prorogation de l'action A1"}"#)
        .adding("ext-req", .extensionRequested, "2026-02-01", """
            {"actionId":"A1","currentEnd":"2026-06-30","requestedEnd":"2026-09-30","reason":"Retard des travaux","requestedBy":"cc-val"}
            """)
        .adding("ext-dec", .extensionDecided, "2026-02-15", """
            {"request":"ext-req","decision":"granted","newEnd":"2026-09-30","amendment":1}
            """)
        .adding("a1-amend", .actionAmended, "2026-02-15", """
            {"actionId":"A1","changes":{"schedule":{"start":"2025-07-01","end":"2026-09-30"}},"reason":"Prorogation accordée","amendment":1}
            """)
        .adding("req-1", .signatureRequested, "2026-02-20", #"{"document":"amendment-1","partners":["cc-val","etat","cd11","caf11"]}"#)
        .adding("vote-cc-1", .approvalVoted, "2026-03-10", """
            {"partnerId":"cc-val","document":"amendment-1","body":"conseil communautaire","reference":"DEL-2026-010","outcome":"adopted"}
            """)
        .adding("vote-cd-1", .approvalVoted, "2026-03-12", """
            {"partnerId":"cd11","document":"amendment-1","body":"commission permanente","reference":"CP-2026-03","outcome":"adopted"}
            """)
        .adding("sign-cc-1", .signatureReceived, "2026-03-15", #"{"partnerId":"cc-val","document":"amendment-1","signatory":{"name":"Jeanne Martin","role":"Présidente"}}"#)
        .adding("sign-caf-1", .signatureReceived, "2026-03-16", #"{"partnerId":"caf11","document":"amendment-1","signatory":{"name":"Paul Roux","role":"Directeur"}}"#)
        .adding("sign-cd-1", .signatureReceived, "2026-03-20", #"{"partnerId":"cd11","document":"amendment-1","signatory":{"name":"Hélène Blanc","role":"Présidente"}}"#)
        .adding("sign-etat-1", .signatureReceived, "2026-04-02", #"{"partnerId":"etat","document":"amendment-1","signatory":{"name":"Le préfet","role":"Préfet"}}"#)

    /// The date `withAmendment` is judged at.
    public static let amendmentToday = day("2026-05-01")

    /// Three more priorities (P2 to P4), set before the draft is submitted.
    public func addingThreePriorities() -> PactFixture {
        var fixture = self
        for number in 2...4 {
            fixture = fixture.adding("p\(number)", .prioritySet, "2025-01-10", """
                {"priorityId":"P\(number)","title":"Priorité \(number)","rationale":"r","sources":["INSEE"],"publics":["youth"]}
                """)
        }
        return fixture
    }
}
