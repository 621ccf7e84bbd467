namespace SecondChance.Domain.Mentors;

public sealed record MentorState(bool Registered, Guid MentorId, bool Vetted, bool Active)
{
    public static MentorState Initial { get; } = new(false, Guid.Empty, false, false);

    public bool CanMentor => Registered && Vetted && Active;

    public static MentorState Evolve(MentorState state, object @event) => @event switch
    {
        MentorRegistered e => state with { Registered = true, MentorId = e.MentorId, Active = true },
        MentorVetted => state with { Vetted = true },
        MentorDeactivated => state with { Active = false },
        _ => state,
    };

    /// <summary>The refusal for assigning this mentor or recording their contact, if any.</summary>
    public Refusal? RefusalToMentor() =>
        !Registered ? new Refusal(RefusalCodes.MentorNotFound, "The mentor is not registered.")
        : !Active ? new Refusal(RefusalCodes.MentorInactive, "The mentor has been deactivated.")
        : !Vetted ? new Refusal(RefusalCodes.MentorNotVetted, "The mentor has not been vetted.")
        : null;
}
