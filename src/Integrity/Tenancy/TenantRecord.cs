namespace SecondChance.Integrity.Tenancy;

/// <summary>
/// A province: its tenant id (lower-case letters, digits, '-'), a name for people, where its database is, and whether a
/// national administrator disabled it (then nobody reads or writes its records until it is enabled again).
/// </summary>
public sealed record TenantRecord(string Id, string Name, string ConnectionString, DateTimeOffset AddedAt,
    DateTimeOffset? DisabledAt = null, string? DisabledReason = null)
{
    public bool Disabled => DisabledAt is not null;
}
