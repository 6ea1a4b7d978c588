import PacteEvents

/// A valid pact, as the drafts a secretariat would append, covering every event type of
/// the catalogue (28 lines). Ids, effective dates and recording times are fixed so that
/// the bytes are the same on every run.
enum LedgerFixtures {
    static let recorder = "secretariat@exemple.invalid"

    /// The fixed id of fixture event number `number` (a lowercase version 4 UUID).
    static func id(_ number: Int) -> String {
        let digits = String(number)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// When line 1 is recorded; line `n` is recorded `n - 1` hours later. After every
    /// `effective` date of the fixtures: a fact is recorded once it has happened.
    static let firstRecorded = Timestamp(date: CivilDate(year: 2028, month: 1, day: 3)!, hour: 8, minute: 30)

    static func recorded(line: Int) -> Timestamp {
        Timestamp(secondsSinceEpoch: firstRecorded.secondsSinceEpoch + (line - 1) * 3600)
    }

    /// Parses a JSON object literal of the test code.
    static func object(_ json: String) throws -> JSONObject {
        guard let object = try JSONParser.parse(json).objectValue else {
            throw FixtureError("not a JSON object: \(json)")
        }
        return object
    }

    static func date(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(text) else { throw FixtureError("not a calendar date: \(text)") }
        return date
    }

    static func draft(_ type: EventType, id: String?, effective: String, _ json: String) throws -> EventDraft {
        EventDraft(type: type, id: id, effective: try date(effective), recordedBy: recorder, data: try object(json))
    }

    /// Line 1: the pact, its porteur `cc-val` (with a statutory body).
    static func pactDrafted(id: String? = LedgerFixtures.id(1)) throws -> EventDraft {
        try draft(.pactDrafted, id: id, effective: "2025-02-03", #"""
            {"pactId":"val-2025","title":"Pacte local des solidarités du Val — « tous concernés »",\#
            "territory":{"name":"Communauté de communes du Val","department":"31","communes":["31001","31002"]},\#
            "porteur":{"id":"cc-val","name":"Communauté de communes du Val","kind":"epci",\#
            "statutoryBody":"conseil communautaire","signatory":{"name":"Anne Martin","role":"Présidente"}},\#
            "period":{"start":"2025-01-01","end":"2027-12-31"},\#
            "context":"Texte avec \"guillemets\", barre \\ oblique, / barre, émoji 😀, marque RTL \#u{200F}, tab\tfin.",\#
            "ambition":"Réduire la pauvreté des enfants.","governance":{"body":"Comité de pilotage","attachedTo":"CLS"},\#
            "revision":"Par avenant."}
            """#)
    }

    /// Lines 1 to 7: the pact, partners `ddets-31` and `caf-31`, priorities `P1` and
    /// `P2`, actions `A1` (a complete sheet) and `A2` (a minimal one).
    static func baseDrafts() throws -> [EventDraft] {
        [
            try pactDrafted(),
            try draft(.partnerJoined, id: id(2), effective: "2025-02-10", #"""
                {"partner":{"id":"ddets-31","name":"DDETS de la Haute-Garonne","kind":"state"},"via":"initial"}
                """#),
            try draft(.partnerJoined, id: id(3), effective: "2025-02-11", #"""
                {"partner":{"id":"caf-31","name":"CAF de la Haute-Garonne","kind":"caf",\#
                "statutoryBody":"conseil d'administration","signatory":{"name":"Paul Durand","role":"Directeur"}},\#
                "via":"initial"}
                """#),
            try draft(.prioritySet, id: id(4), effective: "2025-02-12", #"""
                {"priorityId":"P1","title":"Enfance","rationale":"Taux de pauvreté des moins de 18 ans : 24 %.",\#
                "sources":["INSEE Filosofi 2021"],"publics":["children","single-parent-families"]}
                """#),
            try draft(.prioritySet, id: id(5), effective: "2025-02-12", #"""
                {"priorityId":"P2","title":"Insertion","rationale":"Chômage des jeunes.","sources":["France Travail"],\#
                "publics":["youth","other:personnes sans domicile"]}
                """#),
            try draft(.actionAdded, id: id(6), effective: "2025-02-20", #"""
                {"sheet":{"actionId":"A1","priorityId":"P1","title":"Petits déjeuners à l'école",\#
                "summary":"Servir un petit déjeuner.","objectives":["Nourrir","Scolariser"],"perimeter":"Écoles du Val",\#
                "publics":["children"],"measure":3,"localJustification":null,\#
                "schedule":{"start":"2025-03-01","end":"2026-02-28","milestones":[{"date":"2025-09-01","label":"Rentrée"}]},\#
                "partners":[{"partnerId":"cc-val","role":"pilote"},{"partnerId":"caf-31","role":"financeur"}],\#
                "funding":[{"partnerId":"ddets-31","year":2025,"amountCents":1500000,"source":"BOP 304 action 23",\#
                "basis":"dedicated"},{"partnerId":"caf-31","year":2025,"amountCents":1500000,"source":"Fonds locaux",\#
                "basis":"common-law-contracted"}],\#
                "inKind":[{"partnerId":"cc-val","description":"Locaux","valuationCents":250000}],\#
                "indicators":[{"name":"Repas servis","unit":"repas","target":12000}],\#
                "impact":{"indicator":"Part d'élèves à jeun","baseline":"18 %","target":"5 %","method":"Enquête"},\#
                "impactWaiver":null,\#
                "participation":{"controlGroup":true,"stages":["design","implementation","evaluation"],\#
                "description":"Parents associés."},"participationSheet":true}}
                """#),
            try draft(.actionAdded, id: id(7), effective: "2025-02-21", #"""
                {"sheet":{"actionId":"A2","priorityId":"P2","title":"Accompagnement vers l'emploi"}}
                """#),
        ]
    }

    /// The whole pact: 28 lines, every event type of the catalogue at least once,
    /// including a fact recorded after its partner withdrew.
    static func allDrafts() throws -> [EventDraft] {
        try baseDrafts() + [
            try draft(.actionAmended, id: id(8), effective: "2025-03-05", #"""
                {"actionId":"A1","changes":{"title":"Petits déjeuners à l'école et au collège",\#
                "funding":[{"partnerId":"ddets-31","year":2025,"amountCents":1600000,"source":"BOP 304 action 23",\#
                "basis":"dedicated"}]},"reason":"Extension au collège","amendment":1}
                """#),
            try draft(.annexAttached, id: id(9), effective: "2025-03-06", #"""
                {"annex":1,"title":"Diagnostic ,\"hash\":\"0000\"} territorial","source":"Observatoire",\#
                "uri":"https://exemple.invalid/annexe-1.pdf",\#
                "sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}
                """#),
            try draft(.draftPresented, id: id(10), effective: "2025-03-10", #"""
                {"attendees":["cc-val","ddets-31","caf-31"],"stateServiceInvited":true,"commissionerInvited":true}
                """#),
            try draft(.draftSubmitted, id: id(11), effective: "2025-03-15", #"""
                {"to":["DDETS 31","Commissaire à la lutte contre la pauvreté"]}
                """#),
            try draft(.draftValidated, id: id(12), effective: "2025-04-01", #"""
                {"validatedBy":"Commissaire","remarks":"Rien à signaler"}
                """#),
            try draft(.signatureRequested, id: id(13), effective: "2025-04-02", #"""
                {"document":"convention","partners":["cc-val","ddets-31","caf-31"],"targetMonths":6}
                """#),
            try draft(.approvalVoted, id: id(14), effective: "2025-04-10", #"""
                {"partnerId":"cc-val","document":"convention","body":"conseil communautaire",\#
                "reference":"DEL-2025-042","outcome":"adopted"}
                """#),
            try draft(.commitmentVoted, id: id(15), effective: "2025-04-15", #"""
                {"partnerId":"ddets-31","year":2025,"body":"Préfet","reference":"AP-2025-17","outcome":"adopted",\#
                "lines":[{"actionId":"A1","amountCents":1500000,"source":"BOP 304 action 23","basis":"dedicated"},\#
                {"actionId":"A2","amountCents":0,"source":"BOP 304 action 23","basis":"dedicated"}],\#
                "inKind":[{"actionId":"A1","description":"Appui technique","valuationCents":80000}]}
                """#),
            try draft(.signatureReceived, id: id(16), effective: "2025-04-20", #"""
                {"partnerId":"cc-val","document":"convention","signatory":{"name":"Anne Martin","role":"Présidente"}}
                """#),
            try draft(.signatureReceived, id: id(17), effective: "2025-04-22", #"""
                {"partnerId":"ddets-31","document":"convention","signatory":{"name":"Le Préfet","role":"Préfet"}}
                """#),
            try draft(.amendmentProposed, id: id(18), effective: "2025-09-01", #"""
                {"number":1,"purpose":"Prolonger l'action A1"}
                """#),
            try draft(.extensionRequested, id: id(19), effective: "2025-09-02", #"""
                {"actionId":"A1","currentEnd":"2026-02-28","requestedEnd":"2026-06-30","reason":"Retard de démarrage",\#
                "requestedBy":"cc-val"}
                """#),
            try draft(.extensionDecided, id: id(20), effective: "2025-09-20", #"""
                {"request":"\#(id(19))","decision":"granted","newEnd":"2026-06-30","amendment":1,"reason":"Justifié"}
                """#),
            try draft(.indicatorReported, id: id(21), effective: "2025-12-31", #"""
                {"actionId":"A1","indicator":"Repas servis","period":"2025","value":5400,"note":"Premier semestre"}
                """#),
            try draft(.governanceHeld, id: id(22), effective: "2025-12-10", #"""
                {"body":"Comité de pilotage","attendees":["cc-val","ddets-31"],"decisions":["Poursuivre A1"],\#
                "commitmentsPresented":[2025],"actionsReviewed":["A1","A2"],"nextMeeting":"2026-06-15"}
                """#),
            try draft(.priorityWithdrawn, id: id(23), effective: "2026-01-05", #"""
                {"priorityId":"P2","reason":"Fusionnée avec P1"}
                """#),
            try draft(.partnerWithdrew, id: id(24), effective: "2026-01-10", #"""
                {"partnerId":"caf-31","reason":"Retrait du conseil d'administration"}
                """#),
            // A fact of 2025 recorded after caf-31 withdrew: still accepted.
            try draft(.signatureReceived, id: id(25), effective: "2025-04-25", #"""
                {"partnerId":"caf-31","document":"convention","signatory":{"name":"Paul Durand","role":"Directeur"}}
                """#),
            try draft(.actionClosed, id: id(26), effective: "2026-02-28", #"""
                {"actionId":"A2","outcome":"abandoned","summary":"Pas de public","impactResult":{"value":0,"note":"aucun"}}
                """#),
            try draft(.correctionRecorded, id: id(27), effective: "2026-03-01", #"""
                {"target":"\#(id(21))","reason":"Erreur de saisie","replacement":{"actionId":"A1",\#
                "indicator":"Repas servis","period":"2025","value":5450}}
                """#),
            try draft(.pactClosed, id: id(28), effective: "2027-12-31", #"""
                {"reason":"term","summary":"Fin du pacte à son terme."}
                """#),
        ]
    }

    /// Creates the ledger at `path` from `drafts` (the first must be `pact.drafted`),
    /// line `n` recorded at ``recorded(line:)``, and returns the events written.
    @discardableResult
    static func writeLedger(_ drafts: [EventDraft], at path: String) throws -> [LedgerEvent] {
        guard let first = drafts.first else { throw FixtureError("no drafts") }
        var events = [try LedgerFile.create(at: path, with: first, recordedAt: recorded(line: 1))]
        let file = LedgerFile(path: path)
        for (offset, draft) in drafts.dropFirst().enumerated() {
            let outcome = try file.append(draft, now: recorded(line: offset + 2))
            guard case .appended(let event) = outcome else { throw FixtureError("not appended: \(draft.type)") }
            events.append(event)
        }
        return events
    }

    /// The bytes and events of the ledger of ``allDrafts()`` written by ``writeLedger(_:at:)``,
    /// built once (they are the same on every run) for tests that only need a copy.
    static let allDraftsLedger: Result<(bytes: [UInt8], events: [LedgerEvent]), any Error> = Result {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let events = try writeLedger(try allDrafts(), at: path)
            return (try FileBytes.read(path), events)
        }
    }

    /// Writes a copy of the ``allDraftsLedger`` at `path` and returns its events.
    @discardableResult
    static func copyAllDraftsLedger(to path: String) throws -> [LedgerEvent] {
        let (bytes, events) = try allDraftsLedger.get()
        try FileBytes.write(bytes, to: path)
        return events
    }

    /// The event type a payload is the data of.
    static func type(of payload: EventPayload) -> EventType {
        switch payload {
        case .pactDrafted: .pactDrafted
        case .partnerJoined: .partnerJoined
        case .partnerWithdrew: .partnerWithdrew
        case .prioritySet: .prioritySet
        case .priorityWithdrawn: .priorityWithdrawn
        case .actionAdded: .actionAdded
        case .actionAmended: .actionAmended
        case .actionClosed: .actionClosed
        case .indicatorReported: .indicatorReported
        case .annexAttached: .annexAttached
        case .draftPresented: .draftPresented
        case .draftSubmitted: .draftSubmitted
        case .draftValidated: .draftValidated
        case .signatureRequested: .signatureRequested
        case .approvalVoted: .approvalVoted
        case .commitmentVoted: .commitmentVoted
        case .signatureReceived: .signatureReceived
        case .amendmentProposed: .amendmentProposed
        case .extensionRequested: .extensionRequested
        case .extensionDecided: .extensionDecided
        case .governanceHeld: .governanceHeld
        case .correctionRecorded: .correctionRecorded
        case .pactClosed: .pactClosed
        }
    }
}
