namespace SecondChance.Domain.Access;

public sealed record UserRegistered(Guid UserId, string Username, string DisplayName, string PasswordHash, DateTimeOffset RegisteredAt);

public sealed record UsernameReserved(string Username, Guid UserId);

public sealed record UserPasswordChanged(Guid UserId, string PasswordHash, DateTimeOffset ChangedAt);

public sealed record UserRoleGranted(Guid UserId, Role Role, DateTimeOffset GrantedAt);

public sealed record UserRoleRevoked(Guid UserId, Role Role, DateTimeOffset RevokedAt);

public sealed record UserFacilityGranted(Guid UserId, Guid FacilityId, DateTimeOffset GrantedAt);

public sealed record UserFacilityRevoked(Guid UserId, Guid FacilityId, DateTimeOffset RevokedAt);

public sealed record UserProgrammeGranted(Guid UserId, Guid ProgrammeId, DateTimeOffset GrantedAt);

public sealed record UserProgrammeRevoked(Guid UserId, Guid ProgrammeId, DateTimeOffset RevokedAt);

/// <summary>An oversight user may see names and identity numbers only after this grant.</summary>
public sealed record UserPersonalDataAccessGranted(Guid UserId, string Justification, DateTimeOffset GrantedAt);

public sealed record UserPersonalDataAccessRevoked(Guid UserId, DateTimeOffset RevokedAt);

public sealed record UserDeactivated(Guid UserId, string Reason, DateTimeOffset DeactivatedAt);

/// <summary>The province the user works in (a Marten tenant; null before: the home database's tenant).</summary>
public sealed record UserAssignedToTenant(Guid UserId, string Tenant, DateTimeOffset AssignedAt);

/// <summary>A federal reader (oversight, auditor) may read this province's records too; never write them.</summary>
public sealed record UserTenantReadGranted(Guid UserId, string Tenant, DateTimeOffset GrantedAt);

public sealed record UserTenantReadRevoked(Guid UserId, string Tenant, DateTimeOffset RevokedAt);
