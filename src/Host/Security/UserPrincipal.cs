using System.Security.Claims;
using SecondChance.Application.Access;
using SecondChance.Domain.Access;

namespace SecondChance.Host.Security;

/// <summary>Turns a user directory row into the signed-in principal, and reads it back.</summary>
public static class UserPrincipal
{
    public static ClaimsPrincipal Create(UserRecord user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimNames.UserId, user.UserId.ToString()),
            new(ClaimNames.Username, user.Username),
            new(ClaimNames.DisplayName, user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimNames.Role, r.ToString())));
        claims.AddRange(user.Facilities.Select(f => new Claim(ClaimNames.Facility, f.ToString())));
        claims.AddRange(user.Programmes.Select(p => new Claim(ClaimNames.Programme, p.ToString())));
        if (user.PersonalData) claims.Add(new Claim(ClaimNames.PersonalData, "true"));
        if (user.Tenant is not null) claims.Add(new Claim(ClaimNames.Tenant, user.Tenant));
        claims.AddRange(user.ReadTenants.Select(t => new Claim(ClaimNames.ReadTenant, t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimNames.Username, ClaimNames.Role));
    }

    /// <summary>The province the user works in (the home database's tenant when none).</summary>
    public static string Tenant(this ClaimsPrincipal p) => p.FindFirstValue(ClaimNames.Tenant) ?? Integrity.Tenancy.TenantScope.Home;

    /// <summary>Every tenant the user may read: their own, and those of their federal read grants.</summary>
    public static IReadOnlyList<string> ReadableTenants(this ClaimsPrincipal p) =>
        [p.Tenant(), .. p.FindAll(ClaimNames.ReadTenant).Select(c => c.Value).Where(t => t != p.Tenant()).Order(StringComparer.Ordinal)];

    public static Guid? UserId(this ClaimsPrincipal p) => Guid.TryParse(p.FindFirstValue(ClaimNames.UserId), out var id) ? id : null;

    public static string? Username(this ClaimsPrincipal p) => p.FindFirstValue(ClaimNames.Username);

    public static bool Has(this ClaimsPrincipal p, Role role) => p.HasClaim(ClaimNames.Role, role.ToString());

    public static IReadOnlyList<Role> Roles(this ClaimsPrincipal p) =>
        p.FindAll(ClaimNames.Role).Select(c => Enum.TryParse<Role>(c.Value, out var r) ? (Role?)r : null).OfType<Role>().ToList();

    public static IEnumerable<Guid> Ids(this ClaimsPrincipal p, string claim) =>
        p.FindAll(claim).Select(c => Guid.TryParse(c.Value, out var id) ? (Guid?)id : null).OfType<Guid>();

    public static bool HoldsFacility(this ClaimsPrincipal p, Guid facilityId) => p.HasClaim(ClaimNames.Facility, facilityId.ToString());

    public static bool HoldsProgramme(this ClaimsPrincipal p, Guid programmeId) => p.HasClaim(ClaimNames.Programme, programmeId.ToString());

    /// <summary>Names and identity numbers: every recording role and auditors; oversight only with the grant.</summary>
    public static bool SeesPersonalData(this ClaimsPrincipal p) =>
        p.HasClaim(ClaimNames.PersonalData, "true")
        || p.Roles().Any(r => r is Role.Administrator or Role.FacilityStaff or Role.Instructor or Role.MentorCoordinator or Role.Auditor);
}
