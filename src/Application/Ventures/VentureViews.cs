using SecondChance.Domain;
using SecondChance.Domain.Ventures;
using SecondChance.Integrity.Events;

namespace SecondChance.Application.Ventures;

public sealed record VentureView(
    Guid VentureId,
    Guid FacilityId,
    string Name,
    VentureKind Kind,
    string BusinessPlan,
    IReadOnlyList<VentureFounder> Founders,
    string MentorOrganisation,
    Guid? MentorPartnerId,
    VentureStage Stage,
    DateTimeOffset ProposedAt,
    string Currency,
    long GrantMinor,
    long RepaidMinor,
    long ProfitShareMinor,
    IReadOnlyDictionary<VentureMilestone, DateTimeOffset> Milestones,
    IReadOnlyList<VentureStepView> Steps,
    long Version);

/// <summary>What happened, when it took effect, any amount and detail, and who recorded it when.</summary>
public sealed record VentureStepView(string Step, DateTimeOffset At, long? AmountMinor, string? Detail, DateTimeOffset RecordedAt, string? RecordedBy);

/// <summary>A facility's venture fund: the balance and every posting with the balance after it, in the order recorded.</summary>
public sealed record VentureFundView(
    Guid FacilityId, string Currency, long BalanceMinor, long CreditedMinor, long GrantedMinor, long ReturnedMinor,
    IReadOnlyList<VentureFundPostingView> Postings, long Version);

public sealed record VentureFundPostingView(
    Guid PostingId, string Kind, long AmountMinor, long BalanceAfterMinor, Guid? VentureId, string? Source, DateTimeOffset At, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed class VentureViews(MartenEventLog store)
{
    /// <summary>Null when no venture has this id at this facility.</summary>
    public async Task<VentureView?> VentureAsync(Guid facilityId, Guid ventureId, CancellationToken ct)
    {
        VentureView? view = null;
        foreach (var e in await store.ReadStreamAsync(StreamIds.Venture(ventureId), ct: ct))
            view = Apply(view, e);
        return view?.FacilityId == facilityId ? view : null;
    }

    public async Task<VentureFundView> FundAsync(Guid facilityId, string currency, CancellationToken ct)
    {
        var fund = VentureFundState.Initial;
        var postings = new List<VentureFundPostingView>();
        long version = 0;
        foreach (var e in await store.ReadStreamAsync(StreamIds.VentureFund(facilityId), ct: ct))
        {
            fund = VentureFundState.Evolve(fund, e.Data);
            version = e.Version;
            VentureFundPostingView Posting(Guid id, string kind, long amount, Guid? venture, string? source, DateTimeOffset at) =>
                new(id, kind, amount, fund.Balance, venture, source, at, e.Timestamp, e.Actor);
            postings.Add(e.Data switch
            {
                VentureFundCredited c => Posting(c.PostingId, "credit", c.AmountMinor, null, c.Source, c.CreditedAt),
                SeedGrantPaidOut g => Posting(g.PostingId, "seed_grant", -g.AmountMinor, g.VentureId, null, g.PaidAt),
                VentureRepaymentReceived r => Posting(r.PostingId, r.Kind == RepaymentKind.Repayment ? "repayment" : "profit_share", r.AmountMinor,
                    r.VentureId, null, r.ReceivedAt),
                _ => throw new InvalidOperationException($"Unexpected event {e.Data.GetType().Name} on a venture fund."),
            });
        }
        return new VentureFundView(facilityId, currency, fund.Balance, fund.CreditedMinor, fund.GrantedMinor, fund.ReturnedMinor, postings, version);
    }

    private static VentureView? Apply(VentureView? v, StoredEvent e)
    {
        VentureView With(VentureView current, string step, DateTimeOffset at, long? amount, string? detail) =>
            current with { Steps = [.. current.Steps, new VentureStepView(step, at, amount, detail, e.Timestamp, e.Actor)], Version = e.Version };
        return (e.Data, v) switch
        {
            (VentureProposed p, _) => With(new VentureView(p.VentureId, p.FacilityId, p.Name, p.Kind, p.BusinessPlan, p.Founders, p.MentorOrganisation,
                p.MentorPartnerId, VentureStage.Proposed, p.ProposedAt, Money.Pkr, 0, 0, 0, new Dictionary<VentureMilestone, DateTimeOffset>(), [], 0),
                "proposed", p.ProposedAt, null, null),
            (VentureApproved a, { } cur) => With(cur with { Stage = VentureStage.Approved }, "approved", a.ApprovedAt, null, a.By),
            (VentureDeclined d, { } cur) => With(cur with { Stage = VentureStage.Declined }, "declined", d.DeclinedAt, null, d.Reason),
            (SeedGrantAwarded g, { } cur) => With(cur with { Stage = VentureStage.Funded, Currency = g.Currency, GrantMinor = cur.GrantMinor + g.AmountMinor },
                "seed_grant", g.AwardedAt, g.AmountMinor, null),
            (VentureMilestoneReached m, { } cur) => With(cur with { Milestones = new Dictionary<VentureMilestone, DateTimeOffset>(cur.Milestones) { [m.Milestone] = m.ReachedAt } },
                "milestone", m.ReachedAt, null, m.Milestone.ToString()),
            (VentureRepaid r, { } cur) => With(r.Kind == RepaymentKind.Repayment
                    ? cur with { RepaidMinor = cur.RepaidMinor + r.AmountMinor } : cur with { ProfitShareMinor = cur.ProfitShareMinor + r.AmountMinor },
                r.Kind == RepaymentKind.Repayment ? "repayment" : "profit_share", r.RepaidAt, r.AmountMinor, null),
            (VentureClosed c, { } cur) => With(cur with { Stage = VentureStage.Closed }, "closed", c.ClosedAt, null, c.Reason),
            _ => v,
        };
    }
}
