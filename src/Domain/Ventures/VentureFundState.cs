using System.Collections.Immutable;

namespace SecondChance.Domain.Ventures;

/// <summary>A facility's venture fund (stream <c>venture-fund-{facilityId}</c>): never below zero; each posting id applied once.</summary>
public sealed record VentureFundState(
    Guid FacilityId, long Balance, long CreditedMinor, long GrantedMinor, long ReturnedMinor, ImmutableHashSet<Guid> Postings)
{
    public static VentureFundState Initial { get; } = new(Guid.Empty, 0, 0, 0, 0, ImmutableHashSet<Guid>.Empty);

    public bool HasPosting(Guid postingId) => Postings.Contains(postingId);

    public static VentureFundState Evolve(VentureFundState s, object e) => e switch
    {
        VentureFundCredited c => s with
        {
            FacilityId = c.FacilityId, Balance = s.Balance + c.AmountMinor, CreditedMinor = s.CreditedMinor + c.AmountMinor,
            Postings = s.Postings.Add(c.PostingId),
        },
        SeedGrantPaidOut g => s with
        {
            FacilityId = g.FacilityId, Balance = s.Balance - g.AmountMinor, GrantedMinor = s.GrantedMinor + g.AmountMinor,
            Postings = s.Postings.Add(g.PostingId),
        },
        VentureRepaymentReceived r => s with
        {
            FacilityId = r.FacilityId, Balance = s.Balance + r.AmountMinor, ReturnedMinor = s.ReturnedMinor + r.AmountMinor,
            Postings = s.Postings.Add(r.PostingId),
        },
        _ => s,
    };
}
