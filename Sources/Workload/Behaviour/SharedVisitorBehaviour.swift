/// A profile's visitor behaviour held once per run and shared by reference by every `VisitorMachine`.
public final class SharedVisitorBehaviour: Sendable {
    public let behaviour: VisitorBehaviour

    public init(_ behaviour: VisitorBehaviour) {
        self.behaviour = behaviour
    }
}
