/// How the contact centre routes chats: assignment rule, bots, overflow, invitations.
///
/// A plain value with defaults, built directly by tests and by adapters that read it from the command
/// line, a config file or a traffic profile.
public struct RoutingConfiguration: Sendable, Hashable {
    /// Which agent takes a chat when several could.
    public enum Assignment: String, Sendable, Hashable, CaseIterable {
        /// The agent with the fewest open chats (ties: the one idle longest).
        case leastLoaded
        /// The busiest agent that still has room (ties: the one that logged in first), keeping others free.
        case fillFirst
    }

    /// A bot that answers a department's chats first.
    public struct Bot: Sendable, Hashable {
        /// Share of the bot's chats it resolves without a human, in 0...1.
        public var resolvedShare: Double

        public init(resolvedShare: Double) {
            self.resolvedShare = resolvedShare
        }
    }

    /// A proactive-invitation rule: which browsing visitors are invited to chat.
    public struct InvitationRule: Sendable, Hashable {
        /// Invite after this many seconds on the site…
        public var minimumTimeOnSite: Double
        /// …and this many pages viewed.
        public var minimumPages: Int
        /// Or invite at once when the cart is worth at least this much.
        public var minimumCartValue: Double?
        /// The department that serves accepted invitations; an invitation is sent only while an agent of
        /// this department who speaks the visitor's language has room for a chat.
        public var department: String

        public init(minimumTimeOnSite: Double, minimumPages: Int, minimumCartValue: Double? = nil, department: String) {
            self.minimumTimeOnSite = minimumTimeOnSite
            self.minimumPages = minimumPages
            self.minimumCartValue = minimumCartValue
            self.department = department
        }

        func matches(timeOnSite: Double, pages: Int, cartValue: Double) -> Bool {
            if let minimumCartValue, cartValue >= minimumCartValue { return true }
            return timeOnSite >= minimumTimeOnSite && pages >= minimumPages
        }
    }

    public var assignment: Assignment
    /// Bots by department name.
    public var bots: [String: Bot]
    /// After a visitor waited this many seconds, agents of its department marked as working with translation
    /// may take the chat although they do not speak its language. `nil` disables overflow.
    public var overflowAfter: Double?
    public var invitation: InvitationRule?
    /// Queue position updates go to visitors at this position or better; those further back learn their
    /// position when they move up. Bounds the frames one assignment can cause.
    public var positionUpdateLimit: Int
    /// Tell waiting visitors when their place in the queue changes. Off, a visitor hears `queued` once per stay
    /// in a queue (when it asks, and when its chat goes back to a queue): the simulator turns it off, since its
    /// visitors only note positions and the updates were over a quarter of its events.
    public var announcesPositionChanges: Bool

    public init(
        assignment: Assignment = .leastLoaded,
        bots: [String: Bot] = [:],
        overflowAfter: Double? = nil,
        invitation: InvitationRule? = nil,
        positionUpdateLimit: Int = 100,
        announcesPositionChanges: Bool = true
    ) {
        self.assignment = assignment
        self.bots = bots
        self.overflowAfter = overflowAfter
        self.invitation = invitation
        self.positionUpdateLimit = positionUpdateLimit
        self.announcesPositionChanges = announcesPositionChanges
    }
}
