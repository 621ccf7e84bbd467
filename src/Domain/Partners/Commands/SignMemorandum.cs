namespace SecondChance.Domain.Partners;

public sealed record SignMemorandum(
    Guid PartnerId, Guid MemorandumId, Guid FacilityId, string Scope, DateOnly StartsOn, DateOnly EndsOn,
    string ContactName, string ContactDetails, DateTimeOffset? SignedAt);
