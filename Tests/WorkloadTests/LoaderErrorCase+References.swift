extension LoaderErrorCase {
    /// Names that refer to each other, unique names, and what sites and bots need.
    static let references: [LoaderErrorCase] = [
        .init(
            old: "          headcount: 20\n",
            new: "",
            at: "name: pune",
            keyPath: "agents.sites[1]",
            message: "missing required key \"headcount\" (or give every shift its own headcount)"
        ),
        .init(
            old: "transferTo: [support]",
            new: "transferTo: []",
            at: "0.1\n      transferTo: []",
            keyPath: "agents.sites[0].transferShare",
            message: "chats are transferred (transferShare > 0) but transferTo names no department"
        ),
        .init(
            old: "transferTo: [support]",
            new: "transferTo: [billing]",
            at: "billing",
            keyPath: "agents.sites[0].transferTo[0]",
            message: "no site serves department \"billing\""
        ),
        .init(
            old: "departments: [support]\n    resolvedShare",
            new: "departments: [suport]\n    resolvedShare",
            at: "suport",
            keyPath: "bots[0].departments[0]",
            message: "no region's visitors ask for department \"suport\"; did you mean \"support\"?"
        ),
        .init(
            old: "    resolvedShare: 0.3",
            new: "    resolvedShare: 0.3\n  - { departments: [support], resolvedShare: 0.1 }",
            at: "support], resolvedShare: 0.1",
            keyPath: "bots[1].departments[0]",
            message: "another bot already answers department \"support\""
        ),
        .init(
            old: "departments: [sales, support]",
            new: "departments: [sales, support, legal]",
            at: "legal",
            keyPath: "agents.sites[0].departments[2]",
            message: "no region's visitors ask for department \"legal\" and no site transfers to it (known: sales, support)"
        ),
        .init(
            old: "regions: [baltics]",
            new: "regions: [baltic]",
            at: "baltic]",
            keyPath: "events[0].regions[0]",
            message: "no region is named \"baltic\"; did you mean \"baltics\"?"
        ),
        .init(
            old: "    hi: { uniform",
            new: "    jp: { uniform",
            at: "jp",
            keyPath: "visitors.messageLength.jp",
            message: "no region's visitors speak language \"jp\" (known: en, hi, lv, mr, te)"
        ),
        .init(
            old: "- name: pune",
            new: "- name: riga",
            at: "riga\n      timeZone: Asia",
            keyPath: "agents.sites[1].name",
            message: "another site is already named \"riga\""
        ),
        .init(
            old: "- name: india",
            new: "- name: baltics",
            at: "baltics\n    timeZone: Asia",
            keyPath: "regions[1].name",
            message: "another region is already named \"baltics\""
        ),
    ]
}
