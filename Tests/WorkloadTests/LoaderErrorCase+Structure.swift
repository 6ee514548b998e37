extension LoaderErrorCase {
    /// Keys, types, enumerations and shapes.
    static let structure: [LoaderErrorCase] = [
        .init(
            old: "  speed: 60",
            new: "  sped: 60",
            at: "sped",
            keyPath: "calendar.sped",
            message: "unknown key \"sped\"; did you mean \"speed\"?"
        ),
        .init(
            old: "name: fixture",
            new: "name: fixture\nlimits: {}",
            at: "limits",
            keyPath: "limits",
            message: "unknown key \"limits\"; expected one of: schemaVersion, name,"
        ),
        .init(
            old: "    timeZone: Asia/Kolkata\n",
            new: "",
            at: "name: india",
            keyPath: "regions[1]",
            message: "missing required key \"timeZone\""
        ),
        .init(old: "name: fixture", new: "name: [a, b]", at: "[a, b]", keyPath: "name", message: "expected a string, found a list"),
        .init(old: "seed: 3", new: "seed: -3", at: "-3", keyPath: "seed", message: "expected a whole number from 0 to"),
        .init(
            old: "schemaVersion: 1",
            new: "schemaVersion: 2",
            at: "2",
            keyPath: "schemaVersion",
            message: "schema version 2 is not supported"
        ),
        .init(
            old: "maxChats: 3",
            new: "maxChats: 2.5",
            at: "2.5",
            keyPath: "agents.sites[0].maxChats",
            message: "expected a whole number, found \"2.5\""
        ),
        .init(
            old: "maxChats: 3",
            new: "translation: yes",
            at: "yes",
            keyPath: "agents.sites[0].translation",
            message: "expected true or false, found \"yes\""
        ),
        .init(
            old: "routing: fill-first",
            new: "routing: fill_first",
            at: "fill_first",
            keyPath: "routing",
            message: "\"fill_first\" is not one of: least-loaded, fill-first; did you mean \"fill-first\"?"
        ),
        .init(
            old: "routing: fill-first",
            new: "routing: { assignment: fill-first, overflowAfter: soon }",
            at: "soon",
            keyPath: "routing.overflowAfter",
            message: "\"soon\" is not a duration"
        ),
        .init(
            old: "routing: fill-first",
            new: "routing: { assignment: fill-first, overflow: 2m }",
            at: "overflow",
            keyPath: "routing.overflow",
            message: "unknown key"
        ),
        .init(
            old: "\"ws://127.0.0.1:8080\"",
            new: "http://127.0.0.1:8080",
            at: "http",
            keyPath: "target.url",
            message: "\"http://127.0.0.1:8080\" is not a WebSocket URL"
        ),
        .init(
            old: "\"ws://127.0.0.1:8080\"",
            new: "ws://127.0.0.1:70000",
            at: "ws://127.0.0.1:70000",
            keyPath: "target.url",
            message: "\"ws://127.0.0.1:70000\" needs a port from 1 to 65535, e.g. ws://127.0.0.1:8080"
        ),
        .init(
            old: "\"ws://127.0.0.1:8080\"",
            new: "ws://chat.example.com",
            at: "ws://chat.example.com",
            keyPath: "target.url",
            message: "\"ws://chat.example.com\" needs a port from 1 to 65535"
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "\"p(90) < 60s\"",
            at: "\"p(90)",
            keyPath: "thresholds.queue_wait",
            message: "expected a list, found \"p(90) < 60s\""
        ),
        .init(
            old: "[\"p(90) < 60s\"]",
            new: "[[ p90 ]]",
            at: "[ p90",
            keyPath: "thresholds.queue_wait[0]",
            message: "expected an expression such as \"p(99) < 250ms\" or {threshold: …, abortOnFail: true}, found a list"
        ),
        .init(
            old: "target: { url: \"ws://127.0.0.1:8080\", protocol: native, agentToken: secret }",
            new: "target: ~",
            at: "~",
            keyPath: "target",
            message: "expected a mapping, found nothing"
        ),
    ]
}
