extension String {
    /// Orders `pacte-2` before `pacte-10`.
    func compare(naturally other: String) -> Bool {
        let left = Array(utf8)
        let right = Array(other.utf8)
        var i = 0
        var j = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        while i < left.count, j < right.count {
            if isDigit(left[i]), isDigit(right[j]) {
                var a = 0
                var b = 0
                while i < left.count, isDigit(left[i]) { a = a &* 10 &+ Int(left[i] - 48); i += 1 }
                while j < right.count, isDigit(right[j]) { b = b &* 10 &+ Int(right[j] - 48); j += 1 }
                if a != b { return a < b }
            } else {
                if left[i] != right[j] { return left[i] < right[j] }
                i += 1
                j += 1
            }
        }
        return left.count - i < right.count - j
    }
}
