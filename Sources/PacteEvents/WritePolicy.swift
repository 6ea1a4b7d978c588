/// What the person recording says is deliberate, which the writer refuses otherwise.
public struct WritePolicy: Sendable, Hashable {
    /// Let members this writer does not know through (`--keep-unknown`).
    public var keepUnknownMembers: Bool
    /// Let e-mail addresses and telephone numbers outside a signatory through: a
    /// partner's contact to keep (`--allow-contact`). A NIR is refused whatever this says.
    public var allowContact: Bool

    public init(keepUnknownMembers: Bool = false, allowContact: Bool = false) {
        self.keepUnknownMembers = keepUnknownMembers
        self.allowContact = allowContact
    }
}
