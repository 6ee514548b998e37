import Yams

/// Names used in one place and defined in another: events' regions, the departments of bots, sites, transfers
/// and conversion rates, the languages of message lengths. Only what is certainly wrong is reported.
extension ProfileReader {
    func checkReferences() {
        let asked = departmentNames
        let known = departmentNames.union(transferTargets)
        for reference in references {
            switch reference.kind {
            case .region:
                check(reference, in: regionNames, "no region is named \"\(reference.name)\"")
            case .requestedDepartment:
                check(reference, in: asked, "no region's visitors ask for department \"\(reference.name)\"")
            case .knownDepartment:
                check(reference, in: known, "no region's visitors ask for department \"\(reference.name)\" and no site transfers to it")
            case .servedDepartment:
                check(reference, in: servedDepartments, "no site serves department \"\(reference.name)\"")
            case .language:
                check(reference, in: languageNames, "no region's visitors speak language \"\(reference.name)\"")
            }
        }
    }

    private func check(_ reference: Reference, in names: Set<String>, _ message: String) {
        guard !names.contains(reference.name) else { return }
        var message = message
        if let suggestion = Suggestion.closest(to: reference.name, among: names.sorted()) {
            message += "; did you mean \"\(suggestion)\"?"
        } else if !names.isEmpty {
            message += " (known: " + names.sorted().joined(separator: ", ") + ")"
        }
        report(message, at: reference.node, path: reference.path)
    }
}
