using SecondChance.Application.Audit;

namespace SecondChance.Host.Endpoints;

/// <summary>A facility's replayed history as the API and the CLI answer it: the lines recorded in [From, To).</summary>
public sealed record FacilityReplayView(Guid FacilityId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReplayLine> Lines)
{
    public static FacilityReplayView Of(FacilityReplay r) => new(r.FacilityId, r.From, r.To, r.Lines);
}
