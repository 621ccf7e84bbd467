namespace SecondChance.Domain.Proceeds;

public sealed record SaleSplit(long Price, long InmateShare, long WelfareFund, long MaterialsRecovery, IReadOnlyList<MakerSplit> Makers);
