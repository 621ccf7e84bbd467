namespace SecondChance.Domain.Access;

/// <summary>The password arrives already hashed: hashing is the host's job, never the domain's.</summary>
public sealed record RegisterUser(Guid UserId, string Username, string DisplayName, string PasswordHash);

public sealed record ChangeUserPassword(Guid UserId, string PasswordHash);

public sealed record GrantRole(Guid UserId, Role Role);

public sealed record RevokeRole(Guid UserId, Role Role);

public sealed record GrantFacility(Guid UserId, Guid FacilityId);

public sealed record RevokeFacility(Guid UserId, Guid FacilityId);

public sealed record GrantProgramme(Guid UserId, Guid ProgrammeId);

public sealed record RevokeProgramme(Guid UserId, Guid ProgrammeId);

public sealed record GrantPersonalDataAccess(Guid UserId, string Justification);

public sealed record RevokePersonalDataAccess(Guid UserId);

public sealed record DeactivateUser(Guid UserId, string Reason);

/// <summary>The tenant id arrives checked against the registry of provinces: that is the host's knowledge, not the domain's.</summary>
public sealed record AssignUserTenant(Guid UserId, string Tenant);

public sealed record GrantTenantRead(Guid UserId, string Tenant);

public sealed record RevokeTenantRead(Guid UserId, string Tenant);
