extension LoaderErrorCase {
    /// Values: times, dates, durations, distributions, shares, languages, curves, days.
    static let values: [LoaderErrorCase] = [
        .init(
            old: "peakPerHour: 80",
            new: "peakPerHour: lots",
            at: "lots",
            keyPath: "regions[1].peakPerHour",
            message: "expected a number, found \"lots\""
        ),
        .init(
            old: "peakPerHour: 80",
            new: "peakPerHour: \"80\"",
            at: "\"80\"",
            keyPath: "regions[1].peakPerHour",
            message: "expected a number, found \"80\""
        ),
        .init(
            old: "peakPerHour: 80",
            new: "peakPerHour: -80",
            at: "-80",
            keyPath: "regions[1].peakPerHour",
            message: "must be above 0, found -80"
        ),
        .init(
            old: "curve: flat",
            new: "curve: flat\n    returningShare: 1.5",
            at: "1.5",
            keyPath: "regions[0].returningShare",
            message: "a probability must be between 0 and 1, found 1.5"
        ),
        .init(
            old: "Asia/Kolkata",
            new: "Asia/Kolkta",
            at: "Asia/Kolkta",
            keyPath: "regions[1].timeZone",
            message: "\"Asia/Kolkta\" is not an IANA time zone name (e.g. Europe/Riga, Asia/Kolkata); did you mean \"Asia/Kolkata\"?"
        ),
        .init(
            old: "start: 2025-03-11T14:00:00Z",
            new: "start: 2025-03-11T14:00:00",
            at: "2025-03-11T14:00:00",
            keyPath: "calendar.start",
            message: "is not an instant; write a date and time with an offset or Z"
        ),
        .init(
            old: "start: 2025-03-11T16:00",
            new: "start: 2025-03-11 16:00",
            at: "2025-03-11 16:00",
            keyPath: "events[0].start",
            message: "\"2025-03-11 16:00\" is not a local date and time (YYYY-MM-DDTHH:MM"
        ),
        .init(
            old: "start: 2025-03-11T16:00",
            new: "start: 2025-02-29T16:00",
            at: "2025-02-29T16:00",
            keyPath: "events[0].start",
            message: "is not a local date and time"
        ),
        .init(
            old: "end: 2025-03-11T18:00",
            new: "end: 2025-03-11T15:00",
            at: "2025-03-11T15:00",
            keyPath: "events[0].end",
            message: "the event ends (2025-03-11T15:00) before or when it starts (2025-03-11T16:00)"
        ),
        .init(
            old: "duration: 1h",
            new: "duration: 1hr",
            at: "1hr",
            keyPath: "calendar.duration",
            message: "\"1hr\" is not a duration; write a number of seconds or use units ms, s, m, h, d"
        ),
        .init(
            old: "duration: 1h",
            new: "duration: \"90\"",
            at: "\"90\"",
            keyPath: "calendar.duration",
            message: "\"90\" is not a duration"
        ),
        .init(old: "duration: 1h", new: "duration: 0s", at: "0s", keyPath: "calendar.duration", message: "the duration must be above 0"),
        .init(
            old: "{ exponential: 3m }",
            new: "{ exponental: 3m }",
            at: "exponental",
            keyPath: "visitors.patience.exponental",
            message: "unknown key \"exponental\"; did you mean \"exponential\"?"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ exponential: 3m, uniform: [1, 2] }",
            at: "uniform",
            keyPath: "visitors.patience",
            message: "a distribution has one kind; found exponential and uniform"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ exponential: 0 }",
            at: "0 }",
            keyPath: "visitors.patience.exponential",
            message: "the mean must be above 0"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ uniform: [6s, 2s] }",
            at: "[6s",
            keyPath: "visitors.patience.uniform",
            message: "min (6) is above max (2)"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ uniform: [6s] }",
            at: "[6s",
            keyPath: "visitors.patience.uniform",
            message: "expected [min, max], found 1 values"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ lognormal: { median: 1m, p95: 30s } }",
            at: "30s",
            keyPath: "visitors.patience.lognormal.p95",
            message: "p95 (30) is below the median (60)"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ lognormal: { median: 1m, sigma: 1 } }",
            at: "{ median",
            keyPath: "visitors.patience.lognormal",
            message: "give either median and p95, or mu and sigma, not both"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ normal: { mean: 1m } }",
            at: "{ mean",
            keyPath: "visitors.patience.normal",
            message: "missing required key \"sd\""
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ weighted: { 1m: 0, 2m: 0 } }",
            at: "{ 1m",
            keyPath: "visitors.patience.weighted",
            message: "the weights sum to 0"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "{ empirical: [] }",
            at: "[]",
            keyPath: "visitors.patience.empirical",
            message: "the list is empty; give at least one item"
        ),
        .init(
            old: "{ exponential: 3m }",
            new: "[1, 2]",
            at: "[1, 2]",
            keyPath: "visitors.patience",
            message: "expected a distribution (a value, or e.g. {exponential: 30s}), found a list"
        ),
        .init(
            old: "conversion: { sales: 0.1 }",
            new: "survey: { score: 7 }",
            at: "7",
            keyPath: "visitors.survey.score",
            message: "must be at most 5, found 7"
        ),
        .init(
            old: "conversion: { sales: 0.1 }",
            new: "survey: { score: { exponential: 4 } }",
            at: "exponential",
            keyPath: "visitors.survey.score.exponential",
            message: "values must lie between 1 and 5"
        ),
        .init(
            old: "conversion: { sales: 0.1 }",
            new: "typingSpeed: 0",
            at: "0\n",
            keyPath: "visitors.typingSpeed",
            message: "must be above 0, found 0"
        ),
        .init(
            old: "{ lv: 0.7, en: 0.3 }",
            new: "{ lv: 0.7, en: 0.2 }",
            at: "{ lv",
            keyPath: "regions[0].languages",
            message: "the language shares sum to 0.9; they must sum to 1"
        ),
        .init(
            old: "{ support: 1 }",
            new: "{ support: 0.5, sales: 0.45 }",
            at: "{ support",
            keyPath: "regions[1].departments",
            message: "the department shares sum to 0.95; they must sum to 1"
        ),
        .init(
            old: "{ lv: 0.7, en: 0.3 }",
            new: "{ lv: 0.7, EN: 0.3 }",
            at: "EN",
            keyPath: "regions[0].languages.EN",
            message: "\"EN\" is not a language code such as en, hi or pt-BR"
        ),
        .init(
            old: "languages: [lv, en]",
            new: "languages: [lv, english]",
            at: "english",
            keyPath: "agents.sites[0].languages[1]",
            message: "\"english\" is not a language code"
        ),
        .init(
            old: "curve: flat",
            new: "curve: buisness-day",
            at: "buisness-day",
            keyPath: "regions[0].curve",
            message: "\"buisness-day\" is not one of: business-day, evening-peak, flat; did you mean \"business-day\"?"
        ),
        .init(
            old: "curve: flat",
            new: "curve: [1, 1]",
            at: "[1, 1]",
            keyPath: "regions[0].curve",
            message: "expected 24 weights (local hours 0 to 23), found 2"
        ),
        .init(old: "curve: flat", new: "curve: { mon: [1] }", at: "[1]", keyPath: "regions[0].curve.mon", message: "expected 24 weights"),
        .init(
            old: "curve: flat",
            new: "curve: { monday: [] }",
            at: "monday",
            keyPath: "regions[0].curve.monday",
            message: "unknown key \"monday\"; did you mean \"mon\"?"
        ),
        .init(
            old: "days: mon-fri",
            new: "days: mon-fro",
            at: "mon-fro",
            keyPath: "agents.sites[0].shifts[0].days",
            message: "\"mon-fro\" is not a day or range of days"
        ),
        .init(
            old: "days: mon-fri",
            new: "days: [mon, thurs]",
            at: "thurs",
            keyPath: "agents.sites[0].shifts[0].days[1]",
            message: "did you mean \"thu\"?"
        ),
        .init(
            old: "start: \"08:00\"",
            new: "start: \"25:00\"",
            at: "\"25:00\"",
            keyPath: "agents.sites[0].shifts[0].start",
            message: "\"25:00\" is not a time of day (HH:MM from 00:00 to 23:59)"
        ),
        .init(
            old: "start: \"08:00\"",
            new: "start: \"24:00\"",
            at: "\"24:00\"",
            keyPath: "agents.sites[0].shifts[0].start",
            message: "\"24:00\" is not a time of day"
        ),
        .init(
            old: "start: \"08:00\"",
            new: "start: 8am",
            at: "8am",
            keyPath: "agents.sites[0].shifts[0].start",
            message: "\"8am\" is not a time of day"
        ),
        .init(
            old: "end: \"20:00\"",
            new: "end: \"08:00\"",
            at: "\"08:00\", days",
            keyPath: "agents.sites[0].shifts[0].end",
            message: "the shift starts and ends at 08:00"
        ),
        .init(
            old: "maxChats: 3",
            new: "maxChats: 0",
            at: "0\n",
            keyPath: "agents.sites[0].maxChats",
            message: "must be at least 1, found 0"
        ),
        .init(
            old: "maxChats: 3",
            new: "maxChats: 1000000",
            at: "1000000",
            keyPath: "agents.sites[0].maxChats",
            message: "an agent holds at most 100 chats at once, found 1000000"
        ),
        // Numbers beyond 1e15: `1e400` reads as infinity, which trapped in the simulator's draws.
        .init(
            old: "multiplier: 3",
            new: "multiplier: 1e400",
            at: "1e400",
            keyPath: "events[0].multiplier",
            message: "1e400 is too large; numbers in a profile are at most 1e15"
        ),
        .init(
            old: "hi: { uniform: [20, 60] }",
            new: "hi: { weighted: { 20: 1, 60: 1e308 } }",
            at: "1e308 }",
            keyPath: "visitors.messageLength.hi.weighted[\"60\"]",
            message: "1e308 is too large; numbers in a profile are at most 1e15"
        ),
        .init(
            old: "thinkTime: 8s",
            new: "thinkTime: 99999999999999999999d",
            at: "99999999999999999999d",
            keyPath: "visitors.thinkTime",
            message: "\"99999999999999999999d\" is too long; durations in a profile are at most 1e15 seconds"
        ),
        .init(
            old: "thinkTime: 8s",
            new: "thinkTime: { lognormal: { mu: 800, sigma: 0 } }",
            at: "{ mu",
            keyPath: "visitors.thinkTime.lognormal",
            message: "mu 800 and sigma 0 give a mean beyond 1e15"
        ),
        .init(
            old: "thinkTime: 8s",
            new: "thinkTime: { lognormal: { median: 1ms, p95: 1000000000000s } }",
            at: "{ median",
            keyPath: "visitors.thinkTime.lognormal",
            message: "a median of 0.001 and a p95 of 1000000000000 give a mean beyond 1e15"
        ),
        .init(
            old: "conversion: { sales: 0.1 }",
            new: "conversion: { sale: 0.1 }",
            at: "sale:",
            keyPath: "visitors.conversion.sale",
            message: "did you mean \"sales\"?"
        ),
    ]
}
