using System.Collections.Immutable;

namespace SecondChance.Domain.Access;

public sealed record UserState(
    Guid UserId,
    string Username,
    string DisplayName,
    string PasswordHash,
    bool Registered,
    bool Active,
    ImmutableHashSet<Role> Roles,
    ImmutableHashSet<Guid> Facilities,
    ImmutableHashSet<Guid> Programmes,
    bool MaySeePersonalData)
{
    public static UserState Initial { get; } = new(Guid.Empty, "", "", "", false, false, [], [], [], false);

    /// <summary>The province the user works in; null: the home database's tenant.</summary>
    public string? Tenant { get; init; }

    /// <summary>Provinces a federal reader may read besides their own.</summary>
    public ImmutableHashSet<string> ReadTenants { get; init; } = [];

    public static UserState Evolve(UserState state, object @event) => @event switch
    {
        UserRegistered e => state with
        {
            UserId = e.UserId, Username = e.Username, DisplayName = e.DisplayName, PasswordHash = e.PasswordHash,
            Registered = true, Active = true,
        },
        UserPasswordChanged e => state with { PasswordHash = e.PasswordHash },
        UserRoleGranted e => state with { Roles = state.Roles.Add(e.Role) },
        UserRoleRevoked e => state with { Roles = state.Roles.Remove(e.Role) },
        UserFacilityGranted e => state with { Facilities = state.Facilities.Add(e.FacilityId) },
        UserFacilityRevoked e => state with { Facilities = state.Facilities.Remove(e.FacilityId) },
        UserProgrammeGranted e => state with { Programmes = state.Programmes.Add(e.ProgrammeId) },
        UserProgrammeRevoked e => state with { Programmes = state.Programmes.Remove(e.ProgrammeId) },
        UserPersonalDataAccessGranted => state with { MaySeePersonalData = true },
        UserPersonalDataAccessRevoked => state with { MaySeePersonalData = false },
        UserDeactivated => state with { Active = false },
        UserAssignedToTenant e => state with { Tenant = e.Tenant },
        UserTenantReadGranted e => state with { ReadTenants = state.ReadTenants.Add(e.Tenant) },
        UserTenantReadRevoked e => state with { ReadTenants = state.ReadTenants.Remove(e.Tenant) },
        _ => state,
    };
}
