/// What was being done to a file when the system refused, named in the user's language.
public enum FileOperation: String, Sendable, Hashable {
    case create, openForReading, openForWriting, read, write, synchronize, openFolder, synchronizeFolder
    case status, lock, setFlags, truncate, listFolder, remove

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.create, .french): "création"
        case (.create, .english): "creating"
        case (.openForReading, .french): "ouverture en lecture"
        case (.openForReading, .english): "opening for reading"
        case (.openForWriting, .french): "ouverture en écriture"
        case (.openForWriting, .english): "opening for writing"
        case (.read, .french): "lecture"
        case (.read, .english): "reading"
        case (.write, .french): "écriture"
        case (.write, .english): "writing"
        case (.synchronize, .french): "écriture sur le disque (fsync)"
        case (.synchronize, .english): "flushing to disk (fsync)"
        case (.openFolder, .french): "ouverture du dossier"
        case (.openFolder, .english): "opening the folder"
        case (.synchronizeFolder, .french): "écriture du dossier sur le disque (fsync)"
        case (.synchronizeFolder, .english): "flushing the folder to disk (fsync)"
        case (.status, .french): "lecture des attributs (fstat)"
        case (.status, .english): "reading its attributes (fstat)"
        case (.lock, .french): "verrouillage (flock)"
        case (.lock, .english): "locking (flock)"
        case (.setFlags, .french): "réglage du descripteur (fcntl)"
        case (.setFlags, .english): "setting the descriptor (fcntl)"
        case (.truncate, .french): "troncature (ftruncate)"
        case (.truncate, .english): "truncating (ftruncate)"
        case (.listFolder, .french): "lecture du dossier"
        case (.listFolder, .english): "listing the folder"
        case (.remove, .french): "suppression"
        case (.remove, .english): "removing"
        }
    }
}
