import PacteEvents
import PacteProjections

/// `verify`: what the check of a ledger's chain found, for people and as JSON. The
/// first problem (`problem`, the message of ``VerificationReport/firstProblem(file:)``)
/// is told by the caller on standard error.
public enum VerificationPrinter {
    /// The verdict, the digest and what the published digest proves.
    public static func text(_ report: VerificationReport, problem: String?, in language: Language) -> String {
        let fr = language == .french
        var text: String
        if problem != nil {
            text = fr
                ? "Registre NON VALIDE : " + Formatted.count(report.eventCount, "ligne vérifiée", in: .french) + " avant la première ligne en défaut.\n"
                : "Ledger NOT VALID: " + Formatted.count(report.eventCount, "line", in: .english) + " verified before the first bad line.\n"
        } else {
            text = fr
                ? "Registre valide : \(report.eventCount) événements, séquence et chaîne de hachage intactes.\n"
                : "Ledger valid: \(report.eventCount) events, sequence and hash chain intact.\n"
        }
        text += (fr ? "Empreinte : " : "Digest: ") + report.digest.hexadecimal + "\n"
        if report.publishedDigest != nil, let line = report.publishedDigestLine {
            let added = report.eventCount - line
            text += fr
                ? "L'empreinte publiée est celle de la ligne \(line) : le registre n'a été qu'étendu depuis (" + Formatted.count(added, "ligne ajoutée", in: .french) + ").\n"
                : "The published digest is line \(line)'s hash: the ledger was only appended to since (" + Formatted.count(added, "line", in: .english) + " added).\n"
        }
        return text
    }

    /// The warning when the published digest is the hash of no valid line.
    public static func unknownPublishedDigest(_ report: VerificationReport, in language: Language) -> String? {
        guard let published = report.publishedDigest, report.publishedDigestLine == nil else { return nil }
        return language == .french
            ? "L'empreinte publiée \(published) ne figure dans aucune ligne valide : le registre n'est plus celui qui a été publié."
            : "The published digest \(published) is not the hash of any valid line: the ledger is no longer the one published."
    }

    public static func json(_ report: VerificationReport, file: String, problem: String?) -> String {
        var object = JSONObject()
        object["valid"] = .bool(report.isValid)
        object["file"] = .string(file)
        object["eventCount"] = .number(JSONNumber(report.eventCount))
        object["digest"] = .string(report.digest.hexadecimal)
        object["firstBadLine"] = (report.problem?.line ?? report.tornTail?.line).map { .number(JSONNumber($0)) } ?? .null
        object["problem"] = problem.map(JSONValue.string) ?? .null
        object["publishedDigest"] = report.publishedDigest.map { .string($0.hexadecimal) } ?? .null
        object["publishedDigestLine"] = report.publishedDigestLine.map { .number(JSONNumber($0)) } ?? .null
        return JSONWriter.string(of: .object(object))
    }

    // MARK: - Several ledgers, one line each

    /// The line of one ledger among several.
    public static func row(_ report: VerificationReport, file: String, problem: String?, in language: Language) -> String {
        let fr = language == .french
        guard problem == nil else { return fr ? "NON VALIDE  \(file)" : "NOT VALID  \(file)" }
        return (fr ? "valide      " : "valid      ") + "\(file) : \(report.eventCount) " + (fr ? "événements, " : "events, ")
            + report.digest.hexadecimal
    }

    /// The JSON entry of one ledger among several.
    public static func entry(_ report: VerificationReport, file: String, problem: String?) -> JSONValue {
        .object(JSONObject([
            JSONMember("file", .string(file)), JSONMember("valid", .bool(report.isValid)),
            JSONMember("eventCount", .number(JSONNumber(report.eventCount))),
            JSONMember("digest", .string(report.digest.hexadecimal)),
            JSONMember("problem", problem.map(JSONValue.string) ?? .null),
        ]))
    }

    /// The JSON entry of a ledger that could not be read.
    public static func entry(unreadable file: String, error: String) -> JSONValue {
        .object(JSONObject([
            JSONMember("file", .string(file)), JSONMember("valid", .bool(false)), JSONMember("error", .string(error)),
        ]))
    }
}
