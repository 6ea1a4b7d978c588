import PacteEvents

extension JSONValue {
    /// The elements, if this value is an array (for tests reading `--json` outputs).
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}
