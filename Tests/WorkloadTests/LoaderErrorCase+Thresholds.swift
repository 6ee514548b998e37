extension LoaderErrorCase {
    /// Threshold metrics, tags, expressions, units and the object form; each edit of the fixture's
    /// `queue_wait: ["p(90) < 60s"]` line.
    static let thresholds: [LoaderErrorCase] = [
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "queu_wait: [\"p(90) < 60s\"]",
            at: "queu_wait",
            keyPath: "thresholds.queu_wait",
            message: "unknown metric \"queu_wait\"; did you mean \"queue_wait\"?"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "messagesLost: [\"count == 0\"]",
            at: "messagesLost",
            keyPath: "thresholds.messagesLost",
            message: "unknown metric \"messagesLost\"; did you mean \"messages_lost\"?"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "\"queue_wait{regoin:india}\": [\"p(90) < 60s\"]",
            at: "\"queue_wait{",
            keyPath: "thresholds[\"queue_wait{regoin:india}\"]",
            message: "queue_wait has no tag \"regoin\"; did you mean \"region\"?"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "\"queue_wait{region:indai}\": [\"p(90) < 60s\"]",
            at: "\"queue_wait{",
            keyPath: "thresholds[\"queue_wait{region:indai}\"]",
            message: "no region of this profile is named \"indai\"; did you mean \"india\"?"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "\"queue_wait{site:bombay}\": [\"p(90) < 60s\"]",
            at: "\"queue_wait{",
            keyPath: "thresholds[\"queue_wait{site:bombay}\"]",
            message: "no site of this profile is named \"bombay\" (known: pune, riga)"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "\"queue_wait{region:india,language:mr}\": [\"p(90) < 60s\"]",
            at: "\"queue_wait{",
            keyPath: "thresholds[\"queue_wait{region:india,language:mr}\"]",
            message: "breakdowns are by one dimension"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "\"message_latency{direction:visitor_to_agnet}\": [\"p(99) < 250ms\"]",
            at: "\"message_latency",
            keyPath: "thresholds[\"message_latency{direction:visitor_to_agnet}\"]",
            message:
                "\"visitor_to_agnet\" is not a direction; use visitor_to_agent or agent_to_visitor (did you mean \"visitor_to_agent\"?)"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "\"errors{direction:visitor_to_agent}\": [\"count == 0\"]",
            at: "\"errors",
            keyPath: "thresholds[\"errors{direction:visitor_to_agent}\"]",
            message: "errors has no tag \"direction\""
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(90) < 60s\", \"p99 < 2m\"]",
            at: "\"p99",
            keyPath: "thresholds.queue_wait[1]",
            message: "\"p99\" is not an aggregate; write percentiles as p(99)"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"avrg < 60s\"]",
            at: "\"avrg",
            keyPath: "thresholds.queue_wait[0]",
            message: "\"avrg\" is not an aggregate of queue_wait; did you mean \"avg\"?"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "queue_depth: [\"p(90) < 5\"]",
            at: "\"p(90)",
            keyPath: "thresholds.queue_depth[0]",
            message: "queue_depth has no aggregate \"p(90)\"; use one of: avg, mean, max"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(101) < 60s\"]",
            at: "\"p(101)",
            keyPath: "thresholds.queue_wait[0]",
            message: "the percentile must be above 0 and at most 100"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(90) = 60s\"]",
            at: "\"p(90) =",
            keyPath: "thresholds.queue_wait[0]",
            message: "compare with ==, not ="
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(90) 60s\"]",
            at: "\"p(90) 60s",
            keyPath: "thresholds.queue_wait[0]",
            message: "expected a comparison (<, <=, >, >=, ==, !=) after \"p(90)\""
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(90) < fast\"]",
            at: "\"p(90) < fast",
            keyPath: "thresholds.queue_wait[0]",
            message: "expected a number after the comparison"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(90) < 60sec\"]",
            at: "\"p(90) < 60sec",
            keyPath: "thresholds.queue_wait[0]",
            message: "unknown unit \"sec\"; latencies take us, ms, s, m or h (none: ms)"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "abandonment_rate: [\"rate < 5ms\"]",
            at: "\"rate",
            keyPath: "thresholds.abandonment_rate[0]",
            message: "\"ms\" is not a unit of a rate; write a share (0.05) or a percentage (5%)"
        ),
        .init(
            old: "queue_wait: [\"p(90) < 60s\"]",
            new: "errors: [\"count == 0s\"]",
            at: "\"count",
            keyPath: "thresholds.errors[0]",
            message: "\"s\" is not a unit here; the value is a count, write a plain number"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[\"p(90) < 60s and more\"]",
            at: "\"p(90) < 60s and",
            keyPath: "thresholds.queue_wait[0]",
            message: "unexpected \"and more\" after the value"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[{ threshold: \"p(90) < 60s\", abortOnFail: yes }]",
            at: "yes",
            keyPath: "thresholds.queue_wait[0].abortOnFail",
            message: "expected true or false, found \"yes\""
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[{ threshold: \"p(90) < 60s\", delayAbortEval: soon }]",
            at: "soon",
            keyPath: "thresholds.queue_wait[0].delayAbortEval",
            message: "\"soon\" is not a duration"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[{ abortOnFail: true }]",
            at: "{ abortOnFail",
            keyPath: "thresholds.queue_wait[0]",
            message: "missing required key \"threshold\""
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[{ threshold: \"p(90) < 60s\", abortOnFial: true }]",
            at: "abortOnFial",
            keyPath: "thresholds.queue_wait[0].abortOnFial",
            message: "unknown key \"abortOnFial\"; did you mean \"abortOnFail\"?"
        ),
    ]
}
