import Foundation
import Workload

/// The engine tests' profile: one Baltic region (Latvian and English, sales and support, flat curve) at speed 60,
/// one site in Riga around the clock with 3 chats per agent, quick conversations of one to three messages.
func engineTestProfile(
    name: String,
    duration: Double,
    visitorsPerHour: Double,
    sales: Double,
    agents: Int,
    seed: UInt64
) -> Profile {
    var region = Region(
        name: "baltics",
        timeZone: "Europe/Riga",
        peakPerHour: visitorsPerHour,
        languages: ["lv": 0.5, "en": 0.5],
        departments: ["sales": sales, "support": 1 - sales]
    )
    region.curve = .preset(.flat)
    var site = Site(
        name: "riga",
        timeZone: "Europe/Riga",
        headcount: agents,
        shifts: [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 24))],
        languages: ["lv", "en"],
        departments: ["sales", "support"]
    )
    site.maxChats = 3
    site.replyTime = .uniform(min: 2, max: 6)
    var profile = Profile(
        name: name,
        calendar: CalendarSettings(start: Date(timeIntervalSince1970: 1_764_252_000), duration: duration, speed: 60),
        regions: [region],
        agents: AgentRoster(sites: [site])
    )
    profile.visitors.thinkTime = .uniform(min: 2, max: 5)
    profile.visitors.typingSpeed = .constant(20)
    profile.visitors.messagesPerChat = .uniform(min: 1, max: 3)
    profile.visitors.patience = .exponential(mean: 120)
    profile.seed = seed
    return profile
}
