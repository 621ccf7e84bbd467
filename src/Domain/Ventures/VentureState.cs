using System.Collections.Immutable;

namespace SecondChance.Domain.Ventures;

/// <summary>One venture (stream <c>venture-{id}</c>). LastStepAt is the latest dated step, so no step is dated before the one it follows.</summary>
public sealed record VentureState(
    Guid VentureId,
    Guid FacilityId,
    VentureStage Stage,
    ImmutableList<Guid> Founders,
    DateTimeOffset ProposedAt,
    DateTimeOffset LastStepAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? GrantedAt,
    long GrantMinor,
    long RepaidMinor,
    ImmutableDictionary<VentureMilestone, DateTimeOffset> Milestones,
    ImmutableHashSet<Guid> Postings)
{
    public static VentureState Initial { get; } = new(Guid.Empty, Guid.Empty, VentureStage.NotProposed, [], default, default, null, null, 0, 0,
        ImmutableDictionary<VentureMilestone, DateTimeOffset>.Empty, ImmutableHashSet<Guid>.Empty);

    public bool Exists => Stage != VentureStage.NotProposed;

    public static VentureState Evolve(VentureState s, object e) => e switch
    {
        VentureProposed p => s with
        {
            VentureId = p.VentureId, FacilityId = p.FacilityId, Stage = VentureStage.Proposed, Founders = [.. p.Founders.Select(f => f.InmateId)],
            ProposedAt = p.ProposedAt, LastStepAt = p.ProposedAt,
        },
        VentureApproved a => s with { Stage = VentureStage.Approved, ApprovedAt = a.ApprovedAt, LastStepAt = Later(s.LastStepAt, a.ApprovedAt) },
        VentureDeclined d => s with { Stage = VentureStage.Declined, LastStepAt = Later(s.LastStepAt, d.DeclinedAt) },
        SeedGrantAwarded g => s with
        {
            Stage = VentureStage.Funded, GrantedAt = g.AwardedAt, GrantMinor = s.GrantMinor + g.AmountMinor,
            LastStepAt = Later(s.LastStepAt, g.AwardedAt), Postings = s.Postings.Add(g.PostingId),
        },
        VentureMilestoneReached m => s with { Milestones = s.Milestones.SetItem(m.Milestone, m.ReachedAt), LastStepAt = Later(s.LastStepAt, m.ReachedAt) },
        VentureRepaid r => s with
        {
            RepaidMinor = s.RepaidMinor + (r.Kind == RepaymentKind.Repayment ? r.AmountMinor : 0),
            LastStepAt = Later(s.LastStepAt, r.RepaidAt), Postings = s.Postings.Add(r.PostingId),
        },
        VentureClosed c => s with { Stage = VentureStage.Closed, LastStepAt = Later(s.LastStepAt, c.ClosedAt) },
        _ => s,
    };

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
