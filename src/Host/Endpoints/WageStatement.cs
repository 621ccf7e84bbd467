using SecondChance.Application.Audit;
using SecondChance.Domain;
using SecondChance.Projections.ReadModels;
using SecondChance.Projections.ReadModels.Wages;

namespace SecondChance.Host.Endpoints;

/// <summary>
/// An inmate's wage statement on the axes asked for: the postings in effect by AsOf (EffectiveThrough) among those
/// recorded by KnownAt, in effective order, and the closing balances they add up to (null axis: all).
/// </summary>
public sealed record WageStatement(
    Guid InmateId, string? AsOf, DateTimeOffset? EffectiveThrough, DateTimeOffset? KnownAt, string Currency,
    long SpendableMinor, long SavingsMinor, long FamilyMinor, IReadOnlyList<StatementLine> Lines)
{
    public long TotalMinor => SpendableMinor + SavingsMinor + FamilyMinor;

    public static async Task<WageStatement> ReadAsync(ReadModelQueries q, Guid inmateId, TimeAxes axes, CancellationToken ct)
    {
        var lines = await q.Wages.StatementAsync(inmateId, axes.EffectiveThrough, axes.KnownAt, ct);
        var last = lines.Count > 0 ? lines[^1] : null;
        return new WageStatement(inmateId, axes.AsOf, axes.EffectiveThrough, axes.KnownAt, last?.Currency ?? Money.Pkr,
            last?.SpendableBalance ?? 0, last?.SavingsBalance ?? 0, last?.FamilyBalance ?? 0, lines);
    }
}
