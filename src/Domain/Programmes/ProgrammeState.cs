using System.Collections.Immutable;

namespace SecondChance.Domain.Programmes;

public sealed record ProgrammeState(
    bool Opened,
    bool Closed,
    Guid ProgrammeId,
    Guid FacilityId,
    Craft Craft,
    IReadOnlyList<string> Skills,
    int Capacity,
    ImmutableHashSet<Guid> Enrolled)
{
    public static ProgrammeState Initial { get; } =
        new(false, false, Guid.Empty, Guid.Empty, Craft.Other, [], 0, ImmutableHashSet<Guid>.Empty);

    public int EnrolledCount => Enrolled.Count;

    public bool HasFreeSeat => Enrolled.Count < Capacity;

    public string? TaughtSkill(string skill) =>
        Skills.FirstOrDefault(s => string.Equals(s, skill.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ProgrammeState Evolve(ProgrammeState state, object @event) => @event switch
    {
        ProgrammeOpened e => state with
        {
            Opened = true,
            ProgrammeId = e.ProgrammeId,
            FacilityId = e.FacilityId,
            Craft = e.Craft,
            Skills = e.Skills,
            Capacity = e.Capacity,
        },
        ProgrammeClosed => state with { Closed = true },
        ProgrammeSeatTaken e => state with { Enrolled = state.Enrolled.Add(e.InmateId) },
        ProgrammeSeatFreed e => state with { Enrolled = state.Enrolled.Remove(e.InmateId) },
        _ => state,
    };
}
