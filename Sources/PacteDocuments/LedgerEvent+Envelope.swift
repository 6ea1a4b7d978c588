import PacteEvents

extension LedgerEvent {
    /// The line's members as stored (the entries of `log --json`).
    public var envelope: JSONObject {
        var object = JSONObject()
        object["seq"] = .number(JSONNumber(seq))
        object["id"] = .string(id)
        object["type"] = .string(type.rawValue)
        object["v"] = .number(JSONNumber(version))
        object["effective"] = .string(effective.description)
        object["recorded"] = .string(recorded.description)
        object["by"] = .string(recordedBy)
        object["data"] = .object(data)
        // Members a newer writer added survive a read-and-report by this version.
        for member in otherMembers { object[member.key] = member.value }
        object["prev"] = .string(previousHash.hexadecimal)
        object["hash"] = .string(hash.hexadecimal)
        return object
    }
}
