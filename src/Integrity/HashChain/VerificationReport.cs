namespace SecondChance.Integrity.HashChain;

public sealed record BrokenLink(string StreamId, long Version, string Problem);

public sealed record VerificationReport(long StreamsChecked, long EventsChecked, IReadOnlyList<BrokenLink> BrokenLinks)
{
    public bool IsClean => BrokenLinks.Count == 0;
}

public sealed record VerificationProgress(long StreamsChecked, long EventsChecked);
