using System.Collections.Immutable;

namespace SecondChance.Domain.Wages;

/// <summary>Currency is the latest posting's, for display; decisions take the account's currency from the inmate's admission.</summary>
public sealed record WageAccountState(
    Guid InmateId,
    string Currency,
    long Spendable,
    long Savings,
    long Family,
    ImmutableDictionary<Guid, PostingEffect> Postings,
    bool PaidOut)
{
    public static WageAccountState Initial { get; } =
        new(Guid.Empty, "", 0, 0, 0, ImmutableDictionary<Guid, PostingEffect>.Empty, false);

    public bool HasPosting(Guid postingId) => Postings.ContainsKey(postingId);

    public bool CanApply(PostingEffect effect) =>
        Spendable + effect.Spendable >= 0 && Savings + effect.Savings >= 0 && Family + effect.Family >= 0;

    public static WageAccountState Evolve(WageAccountState state, object @event) => @event switch
    {
        WageCredited e => Post(state, e.InmateId, e.PostingId, new(e.SpendableMinor, e.SavingsMinor, e.FamilyMinor, false, false, false, e.Currency)),
        ShareOfSaleCredited e => Post(state, e.InmateId, e.PostingId, new(e.SpendableMinor, e.SavingsMinor, e.FamilyMinor, false, false, false, e.Currency)),
        DeductionPosted e => Post(state, e.InmateId, e.PostingId, new(-e.AmountMinor, 0, 0, false, false, false, e.Currency)),
        FamilyRemittanceSent e => Post(state, e.InmateId, e.PostingId, e.From == WageSubAccount.Family
            ? new(0, 0, -e.AmountMinor, false, false, false, e.Currency)
            : new(-e.AmountMinor, 0, 0, false, false, false, e.Currency)),
        ReleasePayoutMade e => Post(state, e.InmateId, e.PostingId, new(-e.SpendableMinor, -e.SavingsMinor, 0, false, true, false, e.Currency))
            with { PaidOut = true },
        PostingReversed e => Reverse(state, e),
        _ => state,
    };

    private static WageAccountState Post(WageAccountState s, Guid inmateId, Guid postingId, PostingEffect effect) => s with
    {
        InmateId = inmateId,
        Currency = effect.Currency,
        Spendable = s.Spendable + effect.Spendable,
        Savings = s.Savings + effect.Savings,
        Family = s.Family + effect.Family,
        Postings = s.Postings.SetItem(postingId, effect),
    };

    private static WageAccountState Reverse(WageAccountState s, PostingReversed e)
    {
        var next = Post(s, e.InmateId, e.PostingId,
            new(e.SpendableDeltaMinor, e.SavingsDeltaMinor, e.FamilyDeltaMinor, true, false, false, e.Currency));
        if (!s.Postings.TryGetValue(e.ReversedPostingId, out var original)) return next;
        return next with
        {
            Postings = next.Postings.SetItem(e.ReversedPostingId, original with { Reversed = true }),
            PaidOut = original.IsPayout ? false : next.PaidOut,
        };
    }
}
