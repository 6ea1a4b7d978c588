/// The language of messages meant for people.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case french = "fr"
    case english = "en"
}
