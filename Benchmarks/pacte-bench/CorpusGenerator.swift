import PacteEvents

/// Writes a deterministic synthetic corpus of valid format-v1 ledgers: every event
/// type, realistic payload sizes, a signing process, yearly commitments, reports,
/// amendments, extensions and corrections. Lines are written by the library's own
/// writer, so the corpus is what `pacte-ledger` itself would write.
struct CorpusGenerator {
    var pactCount: Int
    var eventsPerPact: Int

    /// The events of pact number `pact`, in order, as (type, effective, data JSON text).
    func events(ofPact pact: Int) -> [(EventType, CivilDate, String)] {
        var random = SplitMix64(seed: UInt64(pact) &* 0x9E37_79B9 &+ 17)
        var events: [(EventType, CivilDate, String)] = []
        let start = CivilDate(year: 2025, month: 1, day: 6)!.adding(days: pact % 60)
        var day = 0
        func next(_ type: EventType, _ data: String, advance: Int = 1) {
            day += advance
            events.append((type, start.adding(days: day), data))
        }
        let department = String(10 + pact % 85)
        let porteur = "porteur-\(pact)"
        next(.pactDrafted, """
            {"pactId":"pacte-\(pact)","title":"Pacte local des solidarités n° \(pact) (corpus synthétique)","territory":{"name":"Territoire synthétique \(pact)","department":"\(department)","communes":["\(department)001","\(department)002","\(department)003"]},"porteur":{"id":"\(porteur)","name":"Communauté de communes synthétique \(pact)","kind":"epci","statutoryBody":"conseil communautaire","signatory":{"name":"Président \(pact)","role":"Président"}},"period":{"start":"2025-01-01","end":"2027-12-31"},"context":"Contexte socio-économique du territoire : taux de pauvreté de 17 %, forte part de familles monoparentales, chômage des jeunes élevé.","ambition":"Réduire la pauvreté des enfants et favoriser l'insertion des jeunes sur trois ans.","governance":{"body":"Comité de pilotage du pacte","attachedTo":"Comité de pilotage de la CTG"},"revision":"Adhésion et révision par avenant signé de tous les partenaires."}
            """, advance: 0)
        let partners: [(String, String, String?)] = [
            ("etat-\(department)", "state", nil), ("cd-\(department)", "department", "commission permanente"),
            ("caf-\(department)", "caf", "conseil d'administration"), ("ft-\(department)", "france-travail", nil),
            ("cpam-\(department)", "cpam", "conseil"), ("ccas-\(pact)", "ccas", "conseil d'administration"),
            ("asso-a-\(pact)", "association", "conseil d'administration"), ("asso-b-\(pact)", "association", "bureau"),
        ]
        for (id, kind, body) in partners {
            let bodyMember = body.map { #","statutoryBody":"\#($0)""# } ?? ""
            next(.partnerJoined, #"{"partner":{"id":"\#(id)","name":"Partenaire \#(id) du pacte \#(pact)","kind":"\#(kind)"\#(bodyMember),"signatory":{"name":"Signataire \#(id)","role":"Directeur"}},"via":"initial"}"#)
        }
        for priority in 1...3 {
            next(.prioritySet, #"{"priorityId":"P\#(priority)","title":"Priorité \#(priority) du territoire","rationale":"Diagnostic partagé : indicateurs de précarité supérieurs à la moyenne départementale.","sources":["INSEE panorama 2023","Diagnostic départemental 2024"],"publics":["children","youth"]}"#)
        }
        let actionCount = 12
        for action in 1...actionCount {
            let state = partners[0].0
            let other = partners[1 + action % 7].0
            let startDate = CivilDate(year: 2025, month: 9, day: 1)
            next(.actionAdded, """
                {"sheet":{"actionId":"A\(action)","priorityId":"P\(1 + action % 3)","title":"Action \(action) du pacte \(pact)","summary":"Présentation courte de l'action \(action) : accompagnement renforcé des publics prioritaires du territoire.","objectives":["Repérer les publics","Accompagner vers les droits","Mesurer l'impact"],"perimeter":"Ensemble des communes du territoire","publics":["children","single-parent-families"],"measure":\(1 + action % 25),"localJustification":null,"schedule":{"start":"\(startDate!)","end":"2026-08-31","milestones":[{"date":"2026-01-15","label":"Bilan d'étape"}]},"partners":[{"partnerId":"\(porteur)","role":"Porteur"},{"partnerId":"\(other)","role":"Cofinanceur"}],"funding":[{"partnerId":"\(state)","year":2025,"amountCents":\(1_000_000 + action * 10_000),"source":"BOP 304 action 23","basis":"dedicated"},{"partnerId":"\(other)","year":2025,"amountCents":\(1_100_000 + action * 10_000),"source":"Budget propre","basis":"common-law-contracted"}],"inKind":[{"partnerId":"\(porteur)","description":"Mise à disposition de locaux","valuationCents":250000}],"indicators":[{"name":"Personnes accompagnées","unit":"personnes","target":60}],"impact":{"indicator":"Part des personnes dont la situation s'améliore à 6 mois","baseline":"0","target":"50 %","method":"Questionnaire avant / après"},"impactWaiver":null,"participation":{"controlGroup":\(action == 1),"stages":["design","implementation","evaluation"],"description":"Groupe de personnes concernées associé à l'action."},"participationSheet":\(action == 2)}}
                """)
        }
        for annex in 1...5 {
            next(.annexAttached, #"{"annex":\#(annex),"title":"Annexe \#(annex)","source":"Porteur","uri":"https://exemple.invalid/pacte-\#(pact)/annexe-\#(annex).pdf"}"#)
        }
        let everyone = [porteur] + partners.map(\.0)
        let list = everyone.map { "\"\($0)\"" }.joined(separator: ",")
        next(.draftPresented, #"{"attendees":[\#(list)],"stateServiceInvited":true,"commissionerInvited":true}"#)
        next(.draftSubmitted, #"{"to":["DDETS","Commissaire à la lutte contre la pauvreté"]}"#, advance: 10)
        next(.draftValidated, #"{"validatedBy":"DDETS","remarks":"Projet conforme."}"#, advance: 15)
        next(.signatureRequested, #"{"document":"convention","partners":[\#(list)],"targetMonths":6}"#, advance: 3)
        for (index, partner) in everyone.enumerated() {
            let body = index == 0 ? "conseil communautaire" : (partners[index - 1].2 ?? "direction")
            next(.approvalVoted, #"{"partnerId":"\#(partner)","document":"convention","body":"\#(body)","reference":"DEL-2025-\#(index)","outcome":"adopted"}"#, advance: 5)
            next(.signatureReceived, #"{"partnerId":"\#(partner)","document":"convention","signatory":{"name":"Signataire \#(partner)","role":"Président"}}"#, advance: 4)
        }
        // The pact's life: repeated yearly work until the pact has its share of events.
        var cycle = 0
        while events.count < eventsPerPact - 1 {
            cycle += 1
            let year = 2025 + min(2, cycle / 200)
            let action = 1 + Int(random.next() % UInt64(actionCount))
            let partner = everyone[Int(random.next() % UInt64(everyone.count))]
            switch cycle % 10 {
            case 0, 1, 2, 3:
                next(.indicatorReported, #"{"actionId":"A\#(action)","indicator":"Personnes accompagnées","period":"\#(year)-T\#(1 + cycle % 4)","value":\#(random.next() % 90),"note":"Relevé trimestriel transmis par le porteur de l'action."}"#, advance: 0)
            case 4, 5:
                next(.commitmentVoted, #"{"partnerId":"\#(partner)","year":\#(year),"body":"conseil","reference":"DEL-\#(year)-\#(cycle)","outcome":"adopted","lines":[{"actionId":"A\#(action)","amountCents":\#(100_000 + random.next() % 900_000),"source":"Budget propre","basis":"dedicated"}],"inKind":[{"actionId":"A\#(action)","description":"Temps de personnel","valuationCents":\#(random.next() % 300_000)}]}"#, advance: 0)
            case 6:
                next(.governanceHeld, #"{"body":"Comité de pilotage du pacte","attendees":[\#(list)],"decisions":["Fiches-action actualisées","Engagements de l'année présentés"],"commitmentsPresented":[\#(year)],"actionsReviewed":["A\#(action)"],"nextMeeting":"\#(year)-12-15"}"#, advance: 0)
            case 7:
                next(.actionAmended, #"{"actionId":"A\#(action)","changes":{"summary":"Présentation actualisée au cycle \#(cycle).","indicators":[{"name":"Personnes accompagnées","unit":"personnes","target":\#(60 + cycle % 40)}]},"reason":"Actualisation annuelle de la fiche-action."}"#, advance: 0)
            case 8:
                next(.extensionRequested, #"{"actionId":"A\#(action)","currentEnd":"2026-08-31","requestedEnd":"2026-12-31","reason":"Retard de démarrage.","requestedBy":"\#(porteur)"}"#, advance: 0)
                let request = "e-\(pact)-\(events.count)"
                next(.extensionDecided, #"{"request":"\#(request)","decision":"granted","newEnd":"2026-12-31","amendment":1,"reason":"Accordée par avenant."}"#, advance: 0)
            default:
                let target = "e-\(pact)-\(events.count)"
                next(.correctionRecorded, #"{"target":"\#(target)","reason":"Erreur de saisie corrigée.","replacement":null}"#, advance: 0)
            }
        }
        next(.pactClosed, #"{"reason":"term","summary":"Pacte arrivé à son terme ; bilan présenté au comité de pilotage."}"#, advance: 1)
        return events
    }

    /// Writes pact `pact` to `path` and returns its byte count. Event ids are
    /// `e-PACT-SEQ`, which the generated references use.
    func writeLedger(pact: Int, to path: String) throws -> Int {
        try Self.writeLedger(events(ofPact: pact), pact: pact, to: path)
    }

    /// Writes `events` (type, effective, data JSON text) as a ledger, ids `e-<pact>-<seq>`.
    static func writeLedger(_ events: some Sequence<(EventType, CivilDate, String)>, pact: Int, to path: String) throws -> Int {
        var previous = SHA256Digest.zero
        var bytes: [UInt8] = []
        var recorded = Timestamp(date: CivilDate(year: 2025, month: 1, day: 6)!, hour: 8)
        for (offset, (type, effective, text)) in events.enumerated() {
            let seq = offset + 1
            guard let data = try JSONParser.parse(text).objectValue else { fatalError("generator wrote a non-object") }
            // One second apart: a million events stay within days of 2025 (a minute apart they
            // reached past the clock, and a future `recorded` stops every later append).
            recorded = max(Timestamp(secondsSinceEpoch: recorded.secondsSinceEpoch + 1), Timestamp(date: effective, hour: 9))
            let (line, hash) = LedgerLine.write(
                seq: seq, id: "e-\(pact)-\(seq)", type: type, version: 1, effective: effective, recorded: recorded,
                recordedBy: "generateur@exemple.invalid", data: data, previousHash: previous)
            bytes.append(contentsOf: line)
            previous = hash
        }
        try FileBytes.write(bytes, to: path)
        return bytes.count
    }
}

/// A small, fast, seedable random number generator (SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
