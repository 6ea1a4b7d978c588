import PacteEvents

/// The form a person fills to record one fact without writing JSON (a vote, a signature,
/// an action sheet…): its fields, with their help in both languages, and how their typed
/// values become the event's `data`, members in the format's order. The ledger then
/// validates that `data` like any other line. `pacte-ledger` shows each form as a
/// command whose options are its fields.
public struct EventForm: Sendable {
    public var type: EventType
    public var fields: [FormField]
    public var payload: @Sendable (TypedForm) throws(FormError) -> JSONObject

    public init(
        _ type: EventType, fields: [FormField], payload: @escaping @Sendable (TypedForm) throws(FormError) -> JSONObject
    ) {
        self.type = type
        self.fields = fields
        self.payload = payload
    }
}
