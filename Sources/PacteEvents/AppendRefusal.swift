/// A fact an append refuses because it cannot be true (ledger-format-v1.md, "More
/// refusals at append"), or a member the writer does not know, or a beneficiary's
/// personal data. Rules never refuse: these are not rule breaches.
///
/// Each case names the `member` at fault (`effective`, `data.document`); a command that
/// built the member from an option names the option instead (see ``message(in:naming:)``).
public enum AppendRefusal: Sendable, Hashable {
    /// What a refused contact detail looks like.
    public enum ContactKind: String, Sendable, Hashable {
        case email, phone
    }

    /// `effective` is after the Europe/Paris date of `recorded`.
    case effectiveInTheFuture(member: String, effective: CivilDate, today: CivilDate)
    /// `effective` is before line 1's `effective`: the pact did not exist yet.
    case effectiveBeforePact(member: String, effective: CivilDate, pactDrafted: CivilDate)
    /// `document` names `amendment-N` and no `amendment.proposed` N comes before.
    case amendmentNotProposed(member: String, number: Int)
    /// A signature on a document with no `signature.requested` for it before.
    case signatureNotRequested(member: String, document: DocumentReference)
    /// `partner.joined` for a partner that is one already (joined on `line`, not withdrawn).
    case partnerAlreadyJoined(member: String, partnerId: String, line: Int)
    /// A second signature of the partner on the document (the first on `line`).
    case alreadySigned(member: String, partnerId: String, document: DocumentReference, line: Int)
    /// `extension.requested` whose `requestedEnd` is not after `currentEnd`.
    case requestedEndNotAfterCurrentEnd(member: String, requestedEnd: CivilDate, currentEnd: CivilDate)
    /// `governance.held` with no attendee.
    case noAttendee(member: String)
    /// A member this writer does not know for the type and version, with the nearest known name.
    case unknownMember(member: String, type: EventType, version: Int, nearest: String?)
    /// A French social security number (NIR) in a free-text member.
    case socialSecurityNumber(member: String)
    /// An e-mail address or a telephone number outside a signatory.
    case contact(member: String, kind: ContactKind)

    /// The member at fault, as a path from the line's top.
    public var member: String {
        switch self {
        case .effectiveInTheFuture(let member, _, _), .effectiveBeforePact(let member, _, _),
            .amendmentNotProposed(let member, _), .signatureNotRequested(let member, _),
            .partnerAlreadyJoined(let member, _, _), .alreadySigned(let member, _, _, _),
            .requestedEndNotAfterCurrentEnd(let member, _, _), .noAttendee(let member),
            .unknownMember(let member, _, _, _), .socialSecurityNumber(let member), .contact(let member, _):
            member
        }
    }

    /// The message: the member (or `option`, when the user typed an option rather than
    /// JSON), what is wrong, what to do instead. French typography in French.
    public func message(in language: Language, naming option: String? = nil) -> String {
        let fr = language == .french
        let name = option ?? member
        let colon = fr ? "\u{202F}: " : ": "
        let semicolon = fr ? "\u{202F}; " : "; "
        let date = { (date: CivilDate) in fr ? Self.frenchDate(date) : date.description }
        switch self {
        case .effectiveInTheFuture(_, let effective, let today):
            return fr
                ? "\(name)\(colon)le \(date(effective)) est après aujourd'hui (\(date(today)), heure de Paris)\(semicolon)un fait ne s'enregistre qu'une fois survenu. Enregistrez-le à cette date, ou corrigez la date."
                : "\(name): \(effective) is after today (\(today), Paris time); a fact is recorded once it has happened. Record it on that day, or correct the date."
        case .effectiveBeforePact(_, let effective, let pactDrafted):
            return fr
                ? "\(name)\(colon)le \(date(effective)) est avant la rédaction du pacte (ligne 1, le \(date(pactDrafted)))\(semicolon)le pacte n'existait pas encore. Corrigez la date (une date erronée de la ligne 1 se corrige par correction.recorded)."
                : "\(name): \(effective) is before the pact was drafted (line 1, \(pactDrafted)); the pact did not exist yet. Correct the date (a wrong date on line 1 is put right with correction.recorded)."
        case .amendmentNotProposed(_, let number):
            return fr
                ? "\(name)\(colon)l'avenant n°\u{00A0}\(number) n'a jamais été proposé dans les lignes précédentes. Enregistrez d'abord amendment.proposed (number \(number)) puis signature.requested pour amendment-\(number)."
                : "\(name): amendment \(number) was never proposed in the lines before. Record amendment.proposed (number \(number)) and then signature.requested for amendment-\(number) first."
        case .signatureNotRequested(_, let document):
            return fr
                ? "\(name)\(colon)\(Self.frenchName(of: document)) n'a pas été mis\(document == .convention ? "e" : "") en signature (aucun signature.requested pour \(document) dans les lignes précédentes). Enregistrez d'abord signature.requested pour \(document)."
                : "\(name): \(document) was never sent for signature (no signature.requested for \(document) in the lines before). Record signature.requested for \(document) first."
        case .partnerAlreadyJoined(_, let partnerId, let line):
            return fr
                ? "\(name)\(colon)« \(partnerId) » est déjà partenaire (ligne \(line)) et ne s'est pas retiré. Pour corriger ses informations, enregistrez correction.recorded de sa ligne partner.joined (ligne \(line))\(semicolon)pour un autre partenaire, choisissez un autre id."
                : "\(name): \"\(partnerId)\" is already a partner (line \(line)) and has not withdrawn. To fix its details, record correction.recorded of its partner.joined line (line \(line)); for another partner, choose another id."
        case .alreadySigned(_, let partnerId, let document, let line):
            return fr
                ? "\(name)\(colon)« \(partnerId) » a déjà signé \(Self.frenchName(of: document)) (ligne \(line)). Une seconde signature n'est acceptée que si la première a été retirée par correction.recorded, ou si elle précédait l'adoption par son instance statutaire (approval.voted adopté)."
                : "\(name): \"\(partnerId)\" already signed \(document) (line \(line)). A second signature is accepted only if the first was retracted by correction.recorded, or was given before the partner's statutory body adopted the document (approval.voted adopted)."
        case .requestedEndNotAfterCurrentEnd(_, let requestedEnd, let currentEnd):
            return fr
                ? "\(name)\(colon)la fin demandée (\(date(requestedEnd))) n'est pas après la fin actuelle (\(date(currentEnd)))\(semicolon)une prorogation repousse la fin. Donnez une fin demandée postérieure au \(date(currentEnd))."
                : "\(name): the requested end (\(requestedEnd)) is not after the current end (\(currentEnd)); an extension moves the end later. Give a requested end after \(currentEnd)."
        case .noAttendee:
            return fr
                ? "\(name)\(colon)aucun participant\(semicolon)une réunion de gouvernance a au moins un partenaire présent. Nommez les partenaires présents."
                : "\(name): no attendee; a governance meeting has at least one partner present. Name the partners present."
        case .unknownMember(_, let type, let version, let nearest):
            let suggestion = nearest.map { fr ? "\(semicolon)vouliez-vous dire \($0)\u{202F}?" : "; did you mean \($0)?" } ?? "."
            return fr
                ? "\(name)\(colon)membre inconnu de \(type) v\(version)\(suggestion) Corrigez son nom, ou ajoutez --keep-unknown si ce membre supplémentaire est voulu."
                : "\(name): unknown member of \(type) v\(version)\(suggestion) Correct its name, or add --keep-unknown if this extra member is deliberate."
        case .socialSecurityNumber:
            return fr
                ? "\(name)\(colon)contient un numéro de sécurité sociale (NIR)\(semicolon)le registre ne peut rien effacer, il ne reçoit donc aucune donnée personnelle des personnes aidées (RGPD, art. 17). Retirez-le : les indicateurs sont des effectifs, les notes décrivent des groupes."
                : "\(name): holds a French social security number (NIR); the ledger can never erase anything, so it takes no personal data of the people helped (GDPR art. 17). Remove it: indicators are counts, notes describe groups."
        case .contact(_, let kind):
            let (what, pronoun) = switch kind {
            case .email: (fr ? "une adresse électronique" : "an e-mail address", "la")
            case .phone: (fr ? "un numéro de téléphone" : "a telephone number", "le")
            }
            return fr
                ? "\(name)\(colon)contient \(what)\(semicolon)le registre ne peut rien effacer, il ne reçoit donc aucune coordonnée des personnes aidées. Retirez-\(pronoun), ou ajoutez --allow-contact s'il s'agit du contact d'un partenaire à conserver."
                : "\(name): holds \(what); the ledger can never erase anything, so it takes no contact details of the people helped. Remove it, or add --allow-contact if it is a partner's contact to keep."
        }
    }

    /// « la convention », « l'avenant n° 2 ».
    private static func frenchName(of document: DocumentReference) -> String {
        switch document {
        case .convention: "la convention"
        case .amendment(let number): "l'avenant n°\u{00A0}\(number)"
        }
    }

    /// 15/03/2025, as the secretariat types dates.
    private static func frenchDate(_ date: CivilDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }
}
