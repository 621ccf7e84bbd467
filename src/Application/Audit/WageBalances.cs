using SecondChance.Domain;
using SecondChance.Domain.Wages;
using SecondChance.EventStore;

namespace SecondChance.Application.Audit;

/// <summary>A wage account's balances folded from its events up to a version or an instant; Version is the last event folded.</summary>
public sealed record WageBalances(
    Guid InmateId, long Version, DateTimeOffset? AsOf, long? UpToVersion, string Currency, long SpendableMinor, long SavingsMinor, long FamilyMinor)
{
    public long TotalMinor => SpendableMinor + SavingsMinor + FamilyMinor;
}

/// <summary>Time travel over one wage account: the balances as the record stood at an instant or at a stream version.</summary>
public sealed class WageBalancesQuery(PgEventStore store)
{
    public async Task<WageBalances> AsOfAsync(Guid inmateId, DateTimeOffset? asOf, long? upToVersion, CancellationToken ct)
    {
        var (state, version) = await store.AggregateAsync(StreamIds.WageAccount(inmateId), WageAccountState.Initial, WageAccountState.Evolve,
            upToVersion, asOf, ct);
        return new WageBalances(inmateId, version, asOf, upToVersion, state.Currency is "" ? Money.Pkr : state.Currency,
            state.Spendable, state.Savings, state.Family);
    }
}
