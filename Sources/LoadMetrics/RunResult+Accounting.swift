extension Counts {
    /// What does not add up in these counts, one sentence each; empty when consistent.
    ///
    /// - Every arrival ends as exactly one of leftAtForm, chatted (`chatsCompleted`), abandoned,
    ///   offlineTicket, botResolved or stillActive.
    /// - `messagesReceived + messagesLost + messagesRefused ≤ messagesSent`; equal when no chat was still
    ///   active at the end (the rest were in flight at cut-off).
    /// - Chats assigned and abandoned each at most chats requested; `errors` = sum of `errorsByKind`.
    public func accountingProblems() -> [String] {
        var problems: [String] = []
        if outcomes != visitorsArrived {
            problems.append(
                "\(visitorsArrived) visitors arrived but \(outcomes) outcomes were recorded "
                    + "(leftAtForm \(leftAtForm), chatted \(chatsCompleted), abandoned \(chatsAbandoned), "
                    + "offlineTickets \(offlineTickets), botResolved \(botResolved), stillActive \(stillActive))"
            )
        }
        let accounted = messagesReceived + messagesLost + messagesRefused
        let parts = "\(messagesReceived) received + \(messagesLost) lost + \(messagesRefused) refused"
        if accounted > messagesSent {
            problems.append("\(parts) exceed \(messagesSent) messages sent")
        } else if accounted < messagesSent && stillActive == 0 {
            problems.append("\(messagesSent) messages sent but only \(parts), with no chat in flight")
        }
        if chatsAssigned > chatsRequested {
            problems.append("\(chatsAssigned) chats assigned exceed \(chatsRequested) requested")
        }
        if chatsAbandoned > chatsRequested {
            problems.append("\(chatsAbandoned) chats abandoned exceed \(chatsRequested) requested")
        }
        let byKind = errorsByKind.values.reduce(0, +)
        if byKind != errors {
            problems.append("\(errors) errors but errorsByKind sums to \(byKind)")
        }
        return problems
    }
}

extension RunResult {
    /// Accounting checks of the whole run and of the breakdowns: the totals' own consistency, that arrivals of
    /// every visitor dimension (region, language, department) add up to the total, and, for a result just
    /// finished by a recorder, that every chat request left the queue depth (assigned, or its visitor gone: the
    /// ones still waiting at the end are recorded as still active). The queue depth's running level is not
    /// written to `run.json`, so that last check holds trivially for a result read back.
    public func accountingProblems() -> [String] {
        var problems = counts.accountingProblems()
        if total.waiting != 0 {
            problems.append("\(total.waiting) chat requests never left the queue depth (requested, then neither assigned nor gone)")
        }
        for dimension in [Dimension.region, .language, .department] {
            guard let breakdown = breakdowns[dimension], !breakdown.names.isEmpty else { continue }
            let arrivals = breakdown.sets.reduce(0) { $0 + $1.counts.visitorsArrived }
            if arrivals != counts.visitorsArrived {
                problems.append(
                    "\(dimension.rawValue) breakdown has \(arrivals) arrivals, the total \(counts.visitorsArrived)"
                )
            }
            for (name, set) in zip(breakdown.names, breakdown.sets) {
                for problem in set.counts.accountingProblems() {
                    problems.append("\(dimension.rawValue) \(name): \(problem)")
                }
            }
        }
        return problems
    }
}
