namespace SecondChance.Integrity.Tenancy;

/// <summary>A province: its tenant id (lower-case letters, digits, '-'), a name for people, and where its database is.</summary>
public sealed record TenantRecord(string Id, string Name, string ConnectionString, DateTimeOffset AddedAt);
