import PacteEvents
import PacteProjections
import Testing

/// The forms a person fills to record a fact: typed values read as people write them,
/// errors naming the field, the action sheet's text.
@Suite("Event forms")
struct EventFormTests {
    @Test func approvalDefaultsToTheConventionAndAdopted() throws {
        let form = TypedForm(values: ["partner": ["caf-65"], "body": ["CA"], "reference": ["CA-1"]])
        let data = try EventForm.approvalVoted.payload(form)
        #expect(JSONWriter.string(of: .object(data))
            == #"{"partnerId":"caf-65","document":"convention","body":"CA","reference":"CA-1","outcome":"adopted"}"#)
    }

    @Test(arguments: [
        (["partner": ["p"], "body": ["b"]], FormError.missing(field: "reference")),
        (["partner": ["p"], "body": ["b"], "reference": ["r"], "outcome": ["peut-être"]], nil),
    ] as [([String: [String]], FormError?)])
    func aMissingOrUnusableFieldIsNamed(values: [String: [String]], expected: FormError?) {
        do {
            _ = try EventForm.approvalVoted.payload(TypedForm(values: values))
            Issue.record("accepted \(values)")
        } catch {
            if let expected { #expect(error == expected) } else {
                guard case .unusable(let field, let value, _) = error else { Issue.record("\(error)"); return }
                #expect(field == "outcome" && value == "peut-être")
            }
        }
    }

    @Test func commitmentLinesAreInCents() throws {
        let form = TypedForm(values: [
            "partner": ["ddets"], "year": ["2025"], "body": ["Préfet"], "reference": ["AP-1"],
            "line": ["A1:12 500,50:dédiés:BOP 304"],
        ])
        let data = try EventForm.commitmentVoted.payload(form)
        #expect(JSONWriter.string(of: data["lines"]!) == #"[{"actionId":"A1","amountCents":1250050,"source":"BOP 304","basis":"dedicated"}]"#)
        #expect(throws: FormError.invalid(field: "line", value: "A1:12", expected: "ACTION:EUROS:BASE:SOURCE (A1:12500,00:dédiés:BOP 304 action 23)")) {
            _ = try EventForm.commitmentVoted.payload(TypedForm(values: form.values.merging(["line": ["A1:12"]]) { $1 }))
        }
    }

    @Test func everyFieldOfAFormHasHelpInBothLanguages() {
        let forms: [EventForm] = [
            .pactDrafted, .approvalVoted, .commitmentVoted, .signatureReceived, .governanceHeld, .extensionRequested,
            .extensionDecided, .partnerJoined, .prioritySet, .actionAdded, .actionAmended, .actionClosed,
            .indicatorReported, .signatureRequested, .amendmentProposed, .pactClosed,
        ]
        for form in forms {
            for field in form.fields where field.isListed {
                #expect(!field.french.isEmpty && !field.english.isEmpty, "\(form.type) --\(field.name)")
            }
            #expect(Set(form.fields.map(\.name)).count == form.fields.count, "\(form.type) has a field twice")
        }
    }

    @Test func aSheetsKeysAreReadWhateverTheirCaseAndAccents() throws {
        let values = try ActionSheetForm.values(in: "# a comment\nAction : A1\nPRIORITE: P1\r\n\ndebut : 01/09/2025\nfin :\nin-kind : x:1:y\n")
        #expect(values.map { $0.field } == ["action", "priority", "start", "in-kind"])
        #expect(values.map { $0.value } == ["A1", "P1", "01/09/2025", "x:1:y"])
        #expect(throws: ActionSheetForm.UnknownLine(line: 2, text: "couleur : bleu")) {
            _ = try ActionSheetForm.values(in: "action : A1\ncouleur : bleu\n")
        }
    }

    @Test func theTemplateSheetIsReadBackIntoKnownFields() throws {
        let values = try ActionSheetForm.values(in: ActionSheetForm.template)
        #expect(values.first?.field == "action")
        #expect(values.contains { $0.field == "funding" })
    }

    @Test(arguments: [("12", "12"), ("12,5", "12.5"), ("58 %", "\"58 %\""), ("007", "\"007\"")])
    func aScalarIsANumberOnlyWhenItReadsAsOne(text: String, json: String) {
        #expect(JSONWriter.string(of: ScalarText.value(text)) == json)
    }

    @Test func correctionChangesAreMemberEqualsValue() throws {
        let changes = try CorrectionChange.all(in: TypedForm(values: ["set": ["reference=DEL-2", "outcome=rejeté"]]))
        #expect(changes == [CorrectionChange(member: "reference", value: "DEL-2"), CorrectionChange(member: "outcome", value: "rejeté")])
        #expect(throws: FormError.self) { try CorrectionChange.all(in: TypedForm(values: ["set": ["=x"]])) }
    }
}
