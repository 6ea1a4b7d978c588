import PacteEvents

/// A pact as a list of keyed steps, so that a test can change one fact of a compliant
/// baseline (a member of one event's data, a date, an event more or less) and see
/// which rule fires. The key of a step is its event id.
public struct PactFixture: Sendable {
    public struct Step: Sendable {
        public var key: String
        public var type: EventType
        public var effective: String
        public var recorded: String?
        public var data: JSONObject
    }

    public var steps: [Step]

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The events, `seq` in step order.
    public var events: [LedgerEvent] {
        var builder = LedgerBuilder()
        for step in steps {
            builder.add(step.type, step.effective, recorded: step.recorded, id: step.key, step.data)
        }
        return builder.events
    }

    public func seq(of key: String) -> Int {
        steps.firstIndex { $0.key == key }! + 1
    }

    // MARK: - Changes

    /// Sets the member at `path` (dotted, e.g. `sheet.schedule.end`) of step `key`'s data
    /// to the JSON `json`.
    public func setting(_ key: String, _ path: String, _ json: String) -> PactFixture {
        changing(key) { $0.data = Self.set(path.split(separator: ".").map(String.init), to: .parsing(json), in: $0.data) }
    }

    /// Removes the member at `path` of step `key`'s data.
    public func removing(_ key: String, _ path: String) -> PactFixture {
        changing(key) { $0.data = Self.set(path.split(separator: ".").map(String.init), to: nil, in: $0.data) }
    }

    /// Moves step `key` to another effective date (its place in `seq` stays).
    public func moving(_ key: String, to effective: String) -> PactFixture {
        changing(key) { $0.effective = effective }
    }

    public func without(_ keys: String...) -> PactFixture {
        var copy = self
        copy.steps.removeAll { keys.contains($0.key) }
        return copy
    }

    /// Appends a step (a later line of the ledger).
    public func adding(_ key: String, _ type: EventType, _ effective: String, recorded: String? = nil, _ json: String) -> PactFixture {
        var copy = self
        copy.steps.append(Step(key: key, type: type, effective: effective, recorded: recorded, data: JSONValue.parsing(json).objectValue!))
        return copy
    }

    private func changing(_ key: String, _ change: (inout Step) -> Void) -> PactFixture {
        var copy = self
        let index = copy.steps.firstIndex { $0.key == key }!
        change(&copy.steps[index])
        return copy
    }

    private static func set(_ path: [String], to value: JSONValue?, in object: JSONObject) -> JSONObject {
        var object = object
        guard let first = path.first else { return object }
        if path.count == 1 {
            object[first] = value
        } else {
            let inner = object[first]?.objectValue ?? JSONObject()
            object[first] = .object(set(Array(path.dropFirst()), to: value, in: inner))
        }
        return object
    }

    // MARK: - The baseline

    /// A pact that meets every rule when judged on 2025-12-01: drafted, presented,
    /// submitted with its five annexes, validated, signed by all (votes first), in force
    /// on 2025-05-05, State funding from BOP 304 action 23 co-financed above 50 %, one
    /// governance meeting in 2025.
    public static let baseline = PactFixture(steps: [
        step("drafted", .pactDrafted, "2025-01-06", """
            {"pactId":"pls-val","title":"Pacte local des solidarités du Val",
             "territory":{"name":"Val","department":"11","communes":["11001","11002"]},
             "porteur":{"id":"cc-val","name":"Communauté de communes du Val","kind":"epci","statutoryBody":"conseil communautaire","signatory":{"name":"Jeanne Martin","role":"Présidente"}},
             "period":{"start":"2025-01-01","end":"2027-12-31"},
             "context":"Taux de pauvreté de 19 % (INSEE 2021).","ambition":"Réduire le non-recours.",
             "governance":{"body":"comité de pilotage","attachedTo":"CTG"},
             "revision":"Adhésion et révision par avenant."}
            """),
        step("join-etat", .partnerJoined, "2025-01-06", """
            {"partner":{"id":"etat","name":"Préfecture de l'Aude","kind":"state"},"via":"initial"}
            """),
        step("join-cd", .partnerJoined, "2025-01-06", """
            {"partner":{"id":"cd11","name":"Département de l'Aude","kind":"department","statutoryBody":"commission permanente"},"via":"initial"}
            """),
        step("join-caf", .partnerJoined, "2025-01-06", """
            {"partner":{"id":"caf11","name":"CAF de l'Aude","kind":"caf"},"via":"initial"}
            """),
        step("p1", .prioritySet, "2025-01-10", """
            {"priorityId":"P1","title":"Accès aux droits","rationale":"Non-recours élevé au RSA.","sources":["INSEE 2023"],"publics":["single-parent-families","youth"]}
            """),
        step("a1", .actionAdded, "2025-01-15", """
            {"sheet":{"actionId":"A1","priorityId":"P1","title":"Maison des droits","summary":"Accueil unique.",
             "objectives":["Réduire le non-recours"],"perimeter":"Communes du Val","publics":["single-parent-families"],
             "measure":5,"schedule":{"start":"2025-07-01","end":"2026-06-30","milestones":[]},
             "partners":[{"partnerId":"cc-val","role":"porteur"},{"partnerId":"etat","role":"financeur"},{"partnerId":"cd11","role":"cofinanceur"},{"partnerId":"caf11","role":"permanences"}],
             "funding":[{"partnerId":"etat","year":2025,"amountCents":4000000,"source":"BOP 304 action 23","basis":"dedicated"},
                        {"partnerId":"cc-val","year":2025,"amountCents":3000000,"source":"budget intercommunal","basis":"dedicated"},
                        {"partnerId":"cd11","year":2025,"amountCents":2000000,"source":"budget départemental","basis":"common-law-contracted"}],
             "inKind":[{"partnerId":"caf11","description":"deux agents","valuationCents":1500000}],
             "indicators":[{"name":"personnes accueillies","unit":"personnes","target":400}],
             "impact":{"indicator":"droits ouverts à 6 mois","baseline":0,"target":150,"method":"suivi de cohorte"},
             "participation":{"controlGroup":true,"stages":["design","implementation","evaluation"],"description":"groupe témoin de 12 usagers"},
             "participationSheet":false}}
            """),
        step("a2", .actionAdded, "2025-01-15", """
            {"sheet":{"actionId":"A2","priorityId":"P1","title":"Participation des habitants","summary":"Comité d'usagers.",
             "objectives":["Associer les personnes concernées"],"perimeter":"Communes du Val","publics":["excluded"],
             "localJustification":"Isolement rural","schedule":{"start":"2025-06-01","end":"2027-12-31"},
             "partners":[{"partnerId":"cc-val","role":"animation"}],
             "funding":[{"partnerId":"cc-val","year":2025,"amountCents":1000000,"source":"budget intercommunal","basis":"common-law"}],
             "indicators":[{"name":"réunions tenues"}],"impactWaiver":"Effet non isolable.",
             "participationSheet":true}}
            """),
        step("annex1", .annexAttached, "2025-02-01", #"{"annex":1,"title":"Données INSEE","source":"INSEE"}"#),
        step("annex2", .annexAttached, "2025-02-01", #"{"annex":2,"title":"Diagnostic départemental","source":"DDETS"}"#),
        step("annex3", .annexAttached, "2025-02-01", #"{"annex":3,"title":"Plans et schémas","source":"porteur"}"#),
        step("annex4", .annexAttached, "2025-02-01", #"{"annex":4,"title":"Offre existante","source":"porteur"}"#),
        step("annex5", .annexAttached, "2025-02-01", #"{"annex":5,"title":"Fiches-actions","source":"porteur"}"#),
        step("presented", .draftPresented, "2025-02-10", """
            {"attendees":["cc-val","etat","cd11","caf11"],"stateServiceInvited":true,"commissionerInvited":true}
            """),
        step("submitted", .draftSubmitted, "2025-02-20", #"{"to":["DDETS de l'Aude","Commissaire à la lutte contre la pauvreté"]}"#),
        step("validated", .draftValidated, "2025-03-01", #"{"validatedBy":"DDETS de l'Aude"}"#),
        step("request", .signatureRequested, "2025-03-03", #"{"document":"convention","partners":["cc-val","etat","cd11","caf11"],"targetMonths":6}"#),
        step("vote-cc", .approvalVoted, "2025-03-20", """
            {"partnerId":"cc-val","document":"convention","body":"conseil communautaire","reference":"DEL-2025-031","outcome":"adopted"}
            """),
        step("commit-cc", .commitmentVoted, "2025-03-20", """
            {"partnerId":"cc-val","year":2025,"body":"conseil communautaire","reference":"DEL-2025-032","outcome":"adopted",
             "lines":[{"actionId":"A1","amountCents":3000000,"source":"budget intercommunal","basis":"dedicated"},
                      {"actionId":"A2","amountCents":1000000,"source":"budget intercommunal","basis":"common-law"}]}
            """),
        step("sign-cc", .signatureReceived, "2025-03-25", #"{"partnerId":"cc-val","document":"convention","signatory":{"name":"Jeanne Martin","role":"Présidente"}}"#),
        step("sign-caf", .signatureReceived, "2025-04-02", #"{"partnerId":"caf11","document":"convention","signatory":{"name":"Paul Roux","role":"Directeur"}}"#),
        step("vote-cd", .approvalVoted, "2025-04-14", """
            {"partnerId":"cd11","document":"convention","body":"commission permanente","reference":"CP-2025-14","outcome":"adopted"}
            """),
        step("commit-cd", .commitmentVoted, "2025-04-14", """
            {"partnerId":"cd11","year":2025,"body":"commission permanente","reference":"CP-2025-15","outcome":"adopted",
             "lines":[{"actionId":"A1","amountCents":2000000,"source":"budget départemental","basis":"common-law-contracted"}]}
            """),
        step("sign-cd", .signatureReceived, "2025-04-20", #"{"partnerId":"cd11","document":"convention","signatory":{"name":"Hélène Blanc","role":"Présidente"}}"#),
        step("sign-etat", .signatureReceived, "2025-05-05", #"{"partnerId":"etat","document":"convention","signatory":{"name":"Le préfet","role":"Préfet"}}"#),
        step("commit-etat", .commitmentVoted, "2025-05-20", """
            {"partnerId":"etat","year":2025,"body":"préfet","reference":"AP-2025-77","outcome":"adopted",
             "lines":[{"actionId":"A1","amountCents":4000000,"source":"BOP 304 action 23","basis":"dedicated"}]}
            """),
        step("copil-2025", .governanceHeld, "2025-11-15", """
            {"body":"comité de pilotage","attendees":["cc-val","etat","cd11","caf11"],"decisions":["bilan 2025"],"commitmentsPresented":[2025],"actionsReviewed":["A1","A2"]}
            """),
    ])

    /// The date the baseline is judged at.
    public static let today = day("2025-12-01")

    private static func step(_ key: String, _ type: EventType, _ effective: String, _ json: String) -> Step {
        Step(key: key, type: type, effective: effective, recorded: nil, data: JSONValue.parsing(json).objectValue!)
    }
}
