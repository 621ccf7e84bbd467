using System.Collections.Immutable;

namespace SecondChance.Domain.Partners;

public sealed record PartnerState(bool Registered, Guid PartnerId, string Name, IReadOnlyList<PartnerRole> Roles, DateTimeOffset RegisteredAt)
{
    public static PartnerState Initial { get; } = new(false, Guid.Empty, "", [], default);

    public ImmutableList<Memorandum> Memoranda { get; init; } = [];

    public bool Plays(PartnerRole role) => Roles.Contains(role);

    public bool HasMemorandumInForce(Guid facilityId, DateOnly on) => Memoranda.Any(m => m.InForce(facilityId, on));

    public static PartnerState Evolve(PartnerState state, object @event) => @event switch
    {
        PartnerRegistered e => state with { Registered = true, PartnerId = e.PartnerId, Name = e.Name, Roles = e.Roles, RegisteredAt = e.RegisteredAt },
        MemorandumSigned e => state with { Memoranda = state.Memoranda.Add(new Memorandum(e.MemorandumId, e.FacilityId, e.Scope, e.StartsOn, e.EndsOn)) },
        _ => state,
    };
}
