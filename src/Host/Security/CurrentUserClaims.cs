using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SecondChance.Application.Access;

namespace SecondChance.Host.Security;

/// <summary>
/// Rebuilds the principal from the user directory on every request, so a deactivation or a revoked grant takes
/// effect at once rather than when the cookie or token expires. A user no longer in the directory is signed out.
/// </summary>
public sealed class CurrentUserClaims(UserDirectory users) : IClaimsTransformation
{
    private const string Marker = "sc:current";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(Marker, "1")) return principal;
        if (principal.UserId() is not { } id) return new ClaimsPrincipal(new ClaimsIdentity());
        var user = await users.FindAsync(id, CancellationToken.None);
        if (user is not { Active: true }) return new ClaimsPrincipal(new ClaimsIdentity());
        var current = UserPrincipal.Create(user, principal.Identity.AuthenticationType ?? SecurityHosting.Scheme);
        ((ClaimsIdentity)current.Identity!).AddClaim(new Claim(Marker, "1"));
        return current;
    }
}
