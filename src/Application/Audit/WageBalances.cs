using SecondChance.Integrity.Events;
using SecondChance.Domain;
using SecondChance.Domain.Wages;

namespace SecondChance.Application.Audit;

/// <summary>
/// A wage account's balances: the postings in effect by AsOf (EffectiveThrough) among those recorded by KnownAt or up
/// to a stream version; Version is the last event folded.
/// </summary>
public sealed record WageBalances(
    Guid InmateId, long Version, string? AsOf, DateTimeOffset? EffectiveThrough, DateTimeOffset? KnownAt, long? UpToVersion, string Currency,
    long SpendableMinor, long SavingsMinor, long FamilyMinor)
{
    public long TotalMinor => SpendableMinor + SavingsMinor + FamilyMinor;
}

/// <summary>Time travel over one wage account on both axes, folded from the event log (never the read model).</summary>
public sealed class WageBalancesQuery(MartenEventLog store)
{
    public async Task<WageBalances> AsOfAsync(Guid inmateId, TimeAxes axes, long? upToVersion, CancellationToken ct)
    {
        var state = WageAccountState.Initial;
        long version = 0;
        foreach (var e in await store.ReadStreamAsync(StreamIds.WageAccount(inmateId), upToVersion, axes.KnownAt, ct))
        {
            if (!axes.InEffect(EffectiveTime.Of(e.Data, e.Timestamp))) continue;
            state = WageAccountState.Evolve(state, e.Data);
            version = e.Version;
        }
        return new WageBalances(inmateId, version, axes.AsOf, axes.EffectiveThrough, axes.KnownAt, upToVersion,
            state.Currency is "" ? Money.Pkr : state.Currency, state.Spendable, state.Savings, state.Family);
    }
}
