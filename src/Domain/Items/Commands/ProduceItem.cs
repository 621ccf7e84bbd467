using SecondChance.Domain.Programmes;

namespace SecondChance.Domain.Items;

public sealed record ProduceItem(
    Guid ItemId,
    Guid FacilityId,
    Guid ProgrammeId,
    string Description,
    Craft Craft,
    IReadOnlyList<MakerWork> Makers,
    long MaterialsCostMinor,
    string Currency,
    DateTimeOffset? ProducedAt);
