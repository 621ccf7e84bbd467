using SecondChance.Domain.Access;

namespace SecondChance.Application.Access;

/// <summary>A row of the user directory: what sign-in and authorization need.</summary>
public sealed record UserRecord(
    Guid UserId, string Username, string DisplayName, string PasswordHash, bool Active,
    IReadOnlyList<Role> Roles, IReadOnlyList<Guid> Facilities, IReadOnlyList<Guid> Programmes, bool PersonalData, long Version)
{
    /// <summary>The province the user works in; null: the home database's tenant.</summary>
    public string? Tenant { get; init; }

    /// <summary>Provinces a federal reader may read besides their own.</summary>
    public IReadOnlyList<string> ReadTenants { get; init; } = [];
}
