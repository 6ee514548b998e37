/// "Did you mean …?" for misspelt keys and names, by edit distance.
public enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely misspelling: at most a third
    /// of the word's length in edits (at least 1, at most 3), ignoring case; otherwise a candidate that starts
    /// with the word or that the word starts with (three letters at least).
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        let limit = min(3, max(1, target.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
            if distance <= limit, distance < best?.distance ?? .max {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // An abbreviation or a longer form: "thurs" for "thu", "monday" for "mon".
        return candidates.first { candidate in
            let candidate = candidate.lowercased()
            let word = word.lowercased()
            return min(candidate.count, word.count) >= 3 && (candidate.hasPrefix(word) || word.hasPrefix(candidate))
        }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance; stops early above `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int = .max) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
